/**
 * Public shapes of the insights library. The enums mirror the seed's Prisma enums (same upper-case names), so
 * an InsightDraft maps one-to-one onto an Insight row (plus column_name and the evidence JSON).
 */
import { z } from 'zod';

export const INSIGHT_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'] as const;
export const INSIGHT_TYPES = [
  'MISSING_DATA',
  'OUTLIERS',
  'DUPLICATES',
  'DATA_TYPE_MISMATCH',
  'PATTERN_VIOLATION',
  'QUALITY_ISSUE',
] as const;
export const ANALYSIS_GOALS = ['ML_PREPARATION', 'GENERAL_AUDIT', 'DATA_QUALITY', 'EXPLORATORY'] as const;
/** The quality-score dimensions (see score/quality-score.ts). */
export const DIMENSIONS = ['completeness', 'validity', 'uniqueness', 'consistency', 'accuracy'] as const;

/** Every check the rules run, with what it finds (the closed set of evidence.check). */
export const INSIGHT_CHECKS = {
  missing_values: 'A column with missing values.',
  mostly_empty_column: 'A column missing in most rows.',
  mostly_missing_rows: 'Rows missing most of their values.',
  iqr_outliers: 'Values beyond 1.5 × IQR from the quartiles.',
  robust_z_outliers: 'Values with a robust z-score beyond the threshold (used when the IQR is 0).',
  negative_values: 'Negative values in a column that should not have them (quantities, prices, ages).',
  future_dates: 'Dates after the day of the analysis.',
  zero_measurements: 'Zeros in a measurement that cannot be zero (a length, weight, size or price), when they are rare.',
  duplicate_rows: 'Rows identical to an earlier row.',
  duplicate_key_values: 'Repeated values in a column that looks like a key.',
  unparseable_values: "Values that do not parse as the column's type.",
  mixed_types: 'A column whose values parse as different types.',
  numbers_among_labels: 'A few numbers in a column of labels: values of another column, swapped or shifted.',
  values_of_another_column: 'Rare values of a column that are frequent values of another: swapped or shifted fields.',
  misaligned_rows:
    'Rows with several cells out of place (a bad value, a value of another column, a rare empty cell): fields shifted or swapped.',
  numbers_with_units: 'Numbers written with a unit or symbol (12 oz, $1,200), which makes the column text.',
  semantic_mismatch: 'Values not matching the meaning of the rest (an address among emails).',
  mixed_formats: 'One kind of value written in several formats (dates, phone numbers, case).',
  spelling_variants: 'One value spelled several ways (case, whitespace, punctuation).',
  likely_typos: 'Rare values a keystroke or two from a value the column repeats many times: probably misspellings of it.',
  surrounding_whitespace: 'Values padded with spaces.',
  constant_column: 'A column with a single value.',
  near_constant_column: 'A column where nearly every row has the same value.',
  identifier_like: 'A column of row identifiers, useless as a feature.',
  high_cardinality: 'A text column with very many distinct values.',
  skewed_distribution: 'A strongly skewed numeric column.',
  strong_correlation: 'Two columns that move together.',
  multicollinearity: 'Features that move together (ML preparation).',
  class_imbalance: 'A target column dominated by one class.',
  target_leakage: 'A feature that gives the target away.',
} as const;
export type InsightCheck = keyof typeof INSIGHT_CHECKS;
const CHECK_NAMES = Object.keys(INSIGHT_CHECKS) as [InsightCheck, ...InsightCheck[]];

export const insightCheckSchema = z.enum(CHECK_NAMES).meta({
  title: 'InsightCheck',
  description: 'Which check of the insight type found it.',
  valueDescriptions: INSIGHT_CHECKS,
});
export const insightTypeSchema = z
  .enum(INSIGHT_TYPES)
  .meta({ title: 'InsightType', description: 'The kind of problem the insight reports.' });
export const analysisGoalSchema = z
  .enum(ANALYSIS_GOALS)
  .meta({ title: 'AnalysisGoalType', description: 'The goal the score was weighted for.' });
export const dimensionSchema = z.enum(DIMENSIONS).meta({
  title: 'QualityDimension',
  description: 'One of the five dimensions the quality score is made of.',
  valueDescriptions: {
    completeness: 'Cells that have a value (1 − missing cells / cells).',
    validity: 'Values that are what the column says (parse as its type, fit its meaning, not impossible).',
    uniqueness: 'Rows and key values that are not repeated.',
    consistency: 'Text written one way (no minority spellings, padding or formats).',
    accuracy: 'Numbers within plausible bounds (no outliers).',
  },
});

export type InsightSeverity = (typeof INSIGHT_SEVERITIES)[number];
export type InsightType = (typeof INSIGHT_TYPES)[number];
export type AnalysisGoal = (typeof ANALYSIS_GOALS)[number];
export type Dimension = (typeof DIMENSIONS)[number];

export const EVIDENCE_VERSION = 1 as const;

const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

export const evidenceExampleSchema = z
  .object({
    row: z.number().int().positive().nullable().describe('1-based data row (the header is not a row); null when only the value is known.'),
    value: z.string().describe('The value as written in the file (for a row-level check, a summary of the row).'),
    count: z.number().int().positive().optional().describe('How often the value occurs, when that is the point; else null.'),
  })
  .meta({ title: 'EvidenceExample', description: 'An example of what the insight is about.' });

/** The numbers behind one insight: what the description says, in a form a program can read. */
export const evidenceSchema = z
  .object({
    version: z.literal(EVIDENCE_VERSION).describe('Version of this shape (1).'),
    check: insightCheckSchema,
    count: z.number().nonnegative().describe('Affected units (rows, values, columns, pairs or classes: see unit).'),
    unit: z.enum(['rows', 'values', 'columns', 'pairs', 'classes']).meta({
      title: 'EvidenceUnit',
      description: 'What count counts.',
      valueDescriptions: {
        rows: 'Data rows.',
        values: 'Cells of the column.',
        columns: 'Columns.',
        pairs: 'Pairs of columns.',
        classes: 'Classes of a target column.',
      },
    }),
    share: z.number().min(0).max(1).nullable().describe('count / denominator, 0–1; null when there is no denominator.'),
    denominator: z.number().nonnegative().nullable().describe('What count is out of (see denominatorLabel); null when not a share.'),
    denominatorLabel: z.string().nullable().describe("What share is a share of, e.g. 'rows', 'non-missing values'; null with denominator."),
    threshold: z
      .object({
        name: z.string().describe('What is compared, e.g. "missing share".'),
        value: z.number().describe('The limit it crossed.'),
      })
      .meta({ title: 'Threshold', description: 'The limit that made a finding an insight.' })
      .nullable()
      .describe('The threshold that made this an insight; null for checks without one.'),
    examples: z.array(evidenceExampleSchema).max(5).describe('Up to 5 examples, in row order unless counts rank them.'),
    approximate: z.boolean().describe('true when count or examples come from a sample or an estimate.'),
    impact: z
      .object({
        dimension: dimensionSchema,
        units: z.number().nonnegative().describe("How many of the dimension's assessable units (cells, values, rows) the insight covers."),
      })
      .meta({ title: 'ScoreImpact', description: 'Where an insight costs quality-score points.' })
      .nullable()
      .describe('The score dimension this insight costs points in; null when it costs none.'),
    facts: z.record(z.string(), jsonValue).describe('Further check-specific facts (bounds, shares, variants…) as a JSON object.'),
  })
  .meta({ title: 'InsightEvidence', description: 'The numbers behind an insight, in a form a program can read.' });

export type Evidence = z.infer<typeof evidenceSchema>;
export type EvidenceExample = z.infer<typeof evidenceExampleSchema>;

/** The fix as code, in a form the database keeps (insights.code) and the API shows as Insight.code. */
export const codeSuggestionSchema = z
  .object({
    pandas: z.string().describe('Python with pandas; `df` is the file loaded with pandas.read_csv (or read_json/read_parquet).'),
    sql: z
      .object({
        affectedRows: z.string().nullable().describe('A SELECT returning the affected rows; null when the insight is not about rows.'),
        fix: z.string().describe('One statement that fixes the data or filters the problem out (a SELECT or CREATE VIEW).'),
      })
      .meta({ title: 'SqlCode', description: 'SQL over a table (or view) named `dataset` holding the file.' }),
  })
  .meta({ title: 'InsightCode', description: 'Code that finds and fixes what an insight is about.' });

/** The fix as code, also rendered into codeSuggestion. */
export type CodeSuggestion = z.infer<typeof codeSuggestionSchema>;

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
