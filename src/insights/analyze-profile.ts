/** analyzeProfile: a profile and a goal in, ordered insights and the score with its breakdown out. Pure. */
import type { DatasetProfile } from '../profiling/index.js';
import { formatCodeSuggestion } from './code/code-suggestion.js';
import { InsightsError } from './errors.js';
import { GOAL_RULES } from './goals.js';
import type { Finding, RuleContext } from './rules/context.js';
import { computeScore, type ScoreBreakdown } from './score/quality-score.js';
import { severityRank } from './severity.js';
import { ANALYSIS_GOALS, INSIGHT_TYPES, type AnalyzeOptions, type InsightDraft } from './types.js';

export interface AnalysisResult {
  /** Most severe first; ties by type, then column position (dataset-level first), then check. */
  insights: InsightDraft[];
  /** 0–100, null when no dimension could be assessed (e.g. an empty file). */
  score: number | null;
  breakdown: ScoreBreakdown;
}

export function analyzeProfile(profile: DatasetProfile, options: AnalyzeOptions): AnalysisResult {
  if (!ANALYSIS_GOALS.includes(options.goal)) {
    throw new InsightsError(
      'UNKNOWN_GOAL',
      `Unknown analysis goal "${String(options.goal)}"; expected one of ${ANALYSIS_GOALS.join(', ')}`,
      { goal: options.goal },
    );
  }
  const target = resolveTarget(profile, options.targetColumn ?? null);
  const context: RuleContext = { profile, goal: options.goal, target };
  const findings = GOAL_RULES[options.goal].flatMap((rule) => rule(context));
  const position = new Map(profile.columns.map((c, i) => [c.columnName, i]));
  const ordered = [...findings].sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      INSIGHT_TYPES.indexOf(a.type) - INSIGHT_TYPES.indexOf(b.type) ||
      (a.columnName === null ? -1 : position.get(a.columnName)!) - (b.columnName === null ? -1 : position.get(b.columnName)!) ||
      (a.evidence.check < b.evidence.check ? -1 : a.evidence.check > b.evidence.check ? 1 : 0),
  );
  const { score, breakdown, costs } = computeScore(profile, options.goal, ordered);
  return { insights: ordered.map((f, i) => toDraft(f, costs[i]!)), score, breakdown };
}

function resolveTarget(profile: DatasetProfile, targetColumn: string | null) {
  if (targetColumn === null) return null;
  const column = profile.columns.find((c) => c.columnName === targetColumn) ?? profile.columns.find((c) => c.originalName === targetColumn);
  if (!column) {
    const available = profile.columns.map((c) => c.columnName);
    throw new InsightsError(
      'UNKNOWN_TARGET_COLUMN',
      `Target column ${JSON.stringify(targetColumn)} is not in the dataset; available columns: ${available.map((n) => JSON.stringify(n)).join(', ')}`,
      { targetColumn, available },
    );
  }
  return column;
}

function toDraft(finding: Finding, cost: number): InsightDraft {
  return {
    type: finding.type,
    severity: finding.severity,
    columnName: finding.columnName,
    description: finding.description,
    recommendation: finding.recommendation,
    codeSuggestion: formatCodeSuggestion(finding.code),
    code: finding.code,
    evidence: finding.evidence,
    cost,
  };
}
