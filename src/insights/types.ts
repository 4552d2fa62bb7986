/**
 * Public shapes of the insights library. The enums mirror the seed's Prisma enums (same upper-case names), so
 * an InsightDraft maps one-to-one onto an Insight row (plus column_name and the evidence JSON).
 */
import { z } from 'zod';

export const INSIGHT_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'] as const;
export const INSIGHT_TYPES = [
  'MISSING_DATA', 'OUTLIERS', 'DUPLICATES', 'DATA_TYPE_MISMATCH', 'PATTERN_VIOLATION', 'QUALITY_ISSUE',
] as const;
export const ANALYSIS_GOALS = ['ML_PREPARATION', 'GENERAL_AUDIT', 'DATA_QUALITY', 'EXPLORATORY'] as const;
/** The quality-score dimensions (see score/quality-score.ts). */
export const DIMENSIONS = ['completeness', 'validity', 'uniqueness', 'consistency', 'accuracy'] as const;

export type InsightSeverity = (typeof INSIGHT_SEVERITIES)[number];
export type InsightType = (typeof INSIGHT_TYPES)[number];
export type AnalysisGoal = (typeof ANALYSIS_GOALS)[number];
export type Dimension = (typeof DIMENSIONS)[number];

export const EVIDENCE_VERSION = 1 as const;

const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

export const evidenceExampleSchema = z.object({
  row: z.number().int().positive().nullable().describe('1-based data row (header excluded); null when only the value is known'),
  value: z.string(),
  count: z.number().int().positive().optional().describe('How often the value occurs, when that is the point'),
});

/** The numbers behind one insight: what the description says, in a form a program can read. */
export const evidenceSchema = z.object({
  version: z.literal(EVIDENCE_VERSION),
  /** Which check of the insight type produced it, e.g. 'missing_values', 'iqr_outliers', 'class_imbalance'. */
  check: z.string(),
  count: z.number().nonnegative().describe('Affected units (rows, values, columns or pairs: see unit)'),
  unit: z.enum(['rows', 'values', 'columns', 'pairs', 'classes']),
  share: z.number().min(0).max(1).nullable().describe('count / denominator'),
  denominator: z.number().nonnegative().nullable(),
  denominatorLabel: z.string().nullable().describe("What share is a share of, e.g. 'rows', 'non-missing values'"),
  threshold: z.object({ name: z.string(), value: z.number() }).nullable().describe('The threshold that made this an insight'),
  examples: z.array(evidenceExampleSchema).max(5),
  approximate: z.boolean().describe('true when count or examples come from a sample or an estimate'),
  /** Score dimension this insight costs points in, and how many of that dimension's units it covers. */
  impact: z.object({ dimension: z.enum(DIMENSIONS), units: z.number().nonnegative() }).nullable(),
  facts: z.record(z.string(), jsonValue).describe('Further check-specific facts (bounds, shares, variants…)'),
});

export type Evidence = z.infer<typeof evidenceSchema>;
export type EvidenceExample = z.infer<typeof evidenceExampleSchema>;

/** The fix as code, also rendered into codeSuggestion. SQL reads the table (or view) named `dataset`. */
export interface CodeSuggestion {
  /** Python with pandas; `df` is the file loaded with pandas.read_csv. */
  pandas: string;
  sql: {
    /** SELECT returning the affected rows, null when the insight is not about rows. */
    affectedRows: string | null;
    /** One statement that fixes the data or filters the problem out (a SELECT or CREATE VIEW). */
    fix: string;
  };
}

export interface InsightDraft {
  type: InsightType;
  severity: InsightSeverity;
  /** The profile's columnName, null for a dataset-level insight. */
  columnName: string | null;
  description: string;
  recommendation: string;
  /** pandas and SQL, in labelled sections (see code/code-suggestion.ts). */
  codeSuggestion: string;
  code: CodeSuggestion;
  evidence: Evidence;
  /** Score points (0–100 scale) this insight cost; the costs add up to 100 − score. */
  cost: number;
}

export interface AnalyzeOptions {
  goal: AnalysisGoal;
  targetColumn?: string | null;
}
