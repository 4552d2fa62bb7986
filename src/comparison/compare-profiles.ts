/**
 * compareProfiles: two stored analyses of a dataset in, their comparison out. Pure: everything comes from the
 * profiles (histograms, quantiles, top values), the insights and the score breakdowns; compareFiles
 * (compare-files.ts) recomputes the distribution tests exactly from the files.
 */
import type { AnalysisResult } from '../insights/index.js';
import type { DatasetProfile } from '../profiling/index.js';
import { compareColumn } from './column-drift.js';
import { ComparisonError } from './errors.js';
import { diffInsights } from './insight-diff.js';
import { diffSchema } from './schema-diff.js';
import {
  COMPARISON_VERSION,
  comparableAnalysisSchema,
  driftThresholdsSchema,
  type AnalysisComparison,
  type ColumnDrift,
  type ComparableAnalysis,
  type ComparableAnalysisInput,
  type CompareOptions,
  type DriftThresholds,
} from './schemas.js';
import { scoreDelta } from './score-delta.js';

/** Reads an analysis through its schema, naming the side and the first problem when it is of another shape. */
export function parseComparableAnalysis(input: ComparableAnalysisInput, side: 'base' | 'target'): ComparableAnalysis {
  const parsed = comparableAnalysisSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ComparisonError(
    'INVALID_ANALYSIS',
    `The ${side} analysis is not comparable: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    {
      side,
      issues: parsed.error.issues,
    },
  );
}

export function resolveThresholds(options: CompareOptions): DriftThresholds {
  return driftThresholdsSchema.parse(options.thresholds ?? {});
}

/** A freshly profiled and analysed file, as a ComparableAnalysis (what the CLI and tests compare). */
export function toComparableAnalysis(profile: DatasetProfile, result: AnalysisResult): ComparableAnalysisInput {
  return {
    rowCount: profile.rowCount,
    rowLimit: profile.rowLimit,
    columns: profile.columns.map((c) => ({
      columnName: c.columnName,
      dataType: c.dataType,
      nullCount: c.nullCount,
      uniqueCount: c.uniqueCount,
      distributionData: c.distributionData,
    })),
    insights: result.insights.map((i) => ({
      type: i.type,
      severity: i.severity,
      columnName: i.columnName,
      description: i.description,
      evidence: { check: i.evidence.check, count: i.evidence.count },
    })),
    scoreBreakdown: result.breakdown,
  };
}

export function compareProfiles(
  base: ComparableAnalysisInput,
  target: ComparableAnalysisInput,
  options: CompareOptions = {},
): AnalysisComparison {
  return compareParsed(parseComparableAnalysis(base, 'base'), parseComparableAnalysis(target, 'target'), resolveThresholds(options));
}

export function compareParsed(base: ComparableAnalysis, target: ComparableAnalysis, thresholds: DriftThresholds): AnalysisComparison {
  const { pairs, diff } = diffSchema(base, target, thresholds);
  const columns = pairs.map((pair) => compareColumn(pair, { baseRows: base.rowCount, targetRows: target.rowCount }, thresholds));
  const renames = new Map(pairs.filter((p) => p.renamed).map((p) => [p.base.columnName, p.target.columnName]));
  const score = scoreDelta(base.scoreBreakdown, target.scoreBreakdown);
  const side = (a: ComparableAnalysis) => ({
    rowCount: a.rowCount,
    columnCount: a.columns.length,
    score: a.scoreBreakdown?.score ?? null,
    insightCount: a.insights.length,
  });
  return {
    version: COMPARISON_VERSION,
    method: 'profiles',
    base: side(base),
    target: side(target),
    schema: diff,
    columns,
    driftedColumns: driftedColumns(columns),
    score,
    insights: diffInsights(base.insights, target.insights, renames),
    thresholds,
    warnings: warningsFor(base, target, columns),
  };
}

export const driftedColumns = (columns: readonly ColumnDrift[]) => columns.filter((c) => c.verdict === 'drifted').map((c) => c.columnName);

export function warningsFor(base: ComparableAnalysis, target: ComparableAnalysis, columns: readonly ColumnDrift[]): string[] {
  const warnings: string[] = [];
  const [b, t] = [base.scoreBreakdown, target.scoreBreakdown];
  if (!b || !t) warnings.push(`The ${!b ? 'base' : 'target'} analysis has no score breakdown: no score delta.`);
  else if (b.goal !== t.goal)
    warnings.push(`The scores are weighted for different goals (${b.goal} → ${t.goal}): their delta mixes goal and data.`);
  for (const [name, a] of [
    ['base', base],
    ['target', target],
  ] as const) {
    if (a.rowLimit) warnings.push(`The ${name} analysis profiled only its first ${a.rowLimit} rows.`);
  }
  const estimated = columns.filter((c) =>
    c.tests.some((test) => test.approximate && (test.test === 'psi' || test.test === 'kolmogorov_smirnov' || test.test === 'chi_squared')),
  );
  if (estimated.length > 0) {
    warnings.push(
      `${estimated.length} column(s) have distribution statistics estimated from binned or sampled profiles (approximate: true); the files mode computes them exactly.`,
    );
  }
  return warnings;
}
