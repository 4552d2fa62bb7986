/**
 * Public API of the insights library: pure functions from a DatasetProfile (src/profiling) to the seed's
 * Insight rows and the quality score. No I/O, no Prisma, no GraphQL.
 */
export { analyzeProfile, type AnalysisResult } from './analyze-profile.js';
export { InsightsError, type InsightsErrorCode } from './errors.js';
export {
  ANALYSIS_GOALS,
  DIMENSIONS,
  EVIDENCE_VERSION,
  INSIGHT_CHECKS,
  INSIGHT_SEVERITIES,
  INSIGHT_TYPES,
  codeSuggestionSchema,
  evidenceSchema,
  evidenceExampleSchema,
  insightCheckSchema,
  type AnalysisGoal,
  type AnalyzeOptions,
  type CodeSuggestion,
  type Dimension,
  type Evidence,
  type EvidenceExample,
  type InsightCheck,
  type InsightDraft,
  type InsightSeverity,
  type InsightType,
} from './types.js';
export {
  SCORE_BREAKDOWN_VERSION,
  SCORE_FORMULA,
  scoreBreakdownSchema,
  dimensionScoreSchema,
  insightCostSchema,
  type ScoreBreakdown,
  type DimensionScore,
} from './score/quality-score.js';
export { GOAL_WEIGHTS } from './goals.js';
export { LADDERS, THRESHOLDS } from './severity.js';
export { DATASET_TABLE } from './code/sql.js';
export { datasetSelectSql, datasetViewSql, type DatasetViewProfile } from './code/dataset-view.js';
export { PANDAS_HEADER, SQL_HEADER, splitCodeSuggestion } from './code/code-suggestion.js';
export { renderAnalysisText } from './report/text-report.js';
