/**
 * The one schema for `ColumnProfile.distribution_data` (JSON column of the seed's ColumnProfile).
 *
 * Versioned: readers must check `version` and treat an unknown version as opaque JSON. Bump
 * DISTRIBUTION_DATA_VERSION on any breaking change (renamed/removed field, changed meaning).
 *
 * Conventions used throughout:
 * - `row` is the 1-based data row number (header excluded), so row 1 is the first record.
 * - Numeric positions of temporal columns (quantiles, histogram bounds, outlier bounds) are seconds since the
 *   Unix epoch (time-of-day columns: seconds since midnight); every such number has a human-readable `label`.
 * - Any block computed from a sample or a sketch carries `approximate: true` and says how it was estimated;
 *   `approximateFields` lists the paths of all approximate blocks of the column.
 */
import { z } from 'zod';

export const DISTRIBUTION_DATA_VERSION = 1 as const;

export const LOGICAL_TYPES = [
  'integer', 'decimal', 'boolean', 'date', 'datetime', 'time', 'string', 'categorical', 'identifier',
] as const;
export const VALUE_TYPES = ['integer', 'decimal', 'boolean', 'date', 'datetime', 'time', 'string'] as const;
export const SEMANTIC_TYPES = [
  'email', 'url', 'phone', 'uuid', 'ip_address', 'postal_code', 'currency_amount', 'percentage', 'country_code',
  'free_text',
] as const;

export const logicalTypeSchema = z.enum(LOGICAL_TYPES).describe('Inferred logical type of the column');
export const valueTypeSchema = z.enum(VALUE_TYPES).describe('How the values are parsed (before categorical/identifier refinement)');
export const semanticTypeSchema = z.enum(SEMANTIC_TYPES);

const rowValueSchema = z.object({
  row: z.number().int().positive().describe('1-based data row number (header excluded)'),
  value: z.string(),
});

const countShareSchema = {
  count: z.number().int().nonnegative(),
  share: z.number().min(0).max(1).describe('count / number of rows considered'),
};

export const nullTokenCountSchema = z.object({
  token: z.string().describe("Null token as written in the file; '' is an empty field"),
  count: z.number().int().nonnegative(),
});

export const missingSchema = z.object({
  ...countShareSchema,
  tokens: z.array(nullTokenCountSchema).describe('Null tokens seen, most frequent first'),
});

export const typeConsistencySchema = z.object({
  share: z.number().min(0).max(1).describe('Share of non-missing values that parse as valueType'),
  validCount: z.number().int().nonnegative(),
  invalidCount: z.number().int().nonnegative(),
  invalidExamples: z.array(rowValueSchema).max(5).describe('First values that do not parse, with rows'),
  candidateShares: z.record(z.string(), z.number()).describe('Share of sampled values parsing as each candidate type'),
  decimalSeparator: z.enum(['.', ',']).nullable(),
  dateFormat: z.string().nullable().describe('strptime format used for dates, null for ISO 8601'),
});

export const semanticSchema = z.object({
  type: semanticTypeSchema,
  share: z.number().min(0).max(1).describe('Share of non-missing values matching the semantic type'),
  matchingCount: z.number().int().nonnegative(),
  nonMatchingExamples: z.array(rowValueSchema).max(5),
});

export const uniquenessSchema = z.object({
  distinctCount: z.number().int().nonnegative(),
  approximate: z.boolean(),
  method: z.enum(['exact', 'hash_subsample']),
  relativeStandardError: z.number().nonnegative().nullable().describe('Null when exact; ~95% of estimates are within 2x'),
  duplicatedValueCount: z.number().int().nonnegative().nullable()
    .describe('Non-missing values that repeat an earlier value (rows - distinct), null when approximate'),
});

export const quantileSchema = z.object({
  p: z.number().min(0).max(1),
  value: z.number(),
  label: z.string(),
});

export const numericSummarySchema = z.object({
  stdDev: z.number().nullable(),
  skewness: z.number().nullable(),
  kurtosis: z.number().nullable().describe('Excess kurtosis (normal = 0)'),
  zeroCount: z.number().int().nonnegative(),
  negativeCount: z.number().int().nonnegative(),
  quantiles: z.array(quantileSchema).describe('p = 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99'),
  quantilesApproximate: z.boolean().describe('true above the exact row limit (large files)'),
  quantilesSampleSize: z.number().int().positive().nullable()
    .describe('When approximate: quantiles of a uniform reservoir sample of this many values (rank error ≈ ±1/√n)'),
});

export const histogramBinSchema = z.object({
  lower: z.number(),
  upper: z.number(),
  lowerLabel: z.string(),
  upperLabel: z.string(),
  count: z.number().int().nonnegative(),
});

export const histogramSchema = z.object({
  kind: z.enum(['numeric', 'temporal']),
  binWidth: z.number().nonnegative(),
  bins: z.array(histogramBinSchema).describe('Equal-width bins; the last bin includes its upper bound'),
});

export const topValueSchema = z.object({ value: z.string(), ...countShareSchema });

export const topValuesSchema = z.object({
  approximate: z.boolean(),
  sampleSize: z.number().int().nullable().describe('Rows sampled when approximate, else null'),
  values: z.array(topValueSchema),
});

export const lengthSchema = z.object({
  min: z.number().int().nonnegative(),
  max: z.number().int().nonnegative(),
  mean: z.number().nonnegative(),
});

export const patternSchema = z.object({
  pattern: z.string().describe("Value shape: runs of upper-case → 'A', lower-case → 'a', digits → '9', other characters kept"),
  example: z.string(),
  ...countShareSchema,
});

export const patternsSchema = z.object({
  approximate: z.boolean(),
  sampleSize: z.number().int().nullable(),
  distinctPatterns: z.number().int().nonnegative(),
  shapes: z.array(patternSchema).describe('Most common shapes first'),
});

const outlierRuleSchema = z.object({
  lower: z.number(),
  upper: z.number(),
  lowerLabel: z.string(),
  upperLabel: z.string(),
  count: z.number().int().nonnegative(),
});

export const outliersSchema = z.object({
  approximate: z.boolean().describe('true when the quartiles, median and MAD behind the bounds are sample-based; counts are exact for those bounds'),
  iqr: z.object({ q1: z.number(), q3: z.number(), iqr: z.number(), mild: outlierRuleSchema, extreme: outlierRuleSchema }),
  robustZ: z.object({
    median: z.number(),
    mad: z.number().describe('Median absolute deviation; robust z = 0.6745 (x - median) / MAD'),
    threshold: z.number(),
    rule: outlierRuleSchema.nullable().describe('Null when MAD is 0 (more than half the values are equal)'),
  }),
  examples: z.array(rowValueSchema).max(5).describe('Most extreme IQR 1.5x outliers'),
});

export const whitespaceSchema = z.object({
  leadingOrTrailingCount: z.number().int().nonnegative(),
  examples: z.array(rowValueSchema).max(5),
});

export const caseVariantSchema = z.object({
  normalized: z.string().describe('lower-cased, trimmed, inner whitespace collapsed'),
  variants: z.array(z.object({ value: z.string(), count: z.number().int().nonnegative() })),
});

export const booleanSummarySchema = z.object({ trueCount: z.number().int(), falseCount: z.number().int() });

/**
 * Row-level facts the insights need and the statistics passes do not keep (added by dataset/row-checks.ts).
 * Optional so that profiles stored before it still parse.
 */
export const rowChecksSchema = z.object({
  missingRows: z.array(z.number().int().positive()).max(5).describe('First rows where the value is missing'),
  negative: z.object({ count: z.number().int().nonnegative(), examples: z.array(rowValueSchema).max(5) }).nullable()
    .describe('Numeric columns with negative values: the first ones'),
  future: z.object({
    after: z.string().describe('ISO date the profile was taken: values later than this are in the future'),
    count: z.number().int().nonnegative(),
    examples: z.array(rowValueSchema).max(5),
  }).nullable().describe('Date and datetime columns: values after the day of profiling'),
});

export const distributionDataSchema = z.object({
  version: z.literal(DISTRIBUTION_DATA_VERSION),
  logicalType: logicalTypeSchema,
  valueType: valueTypeSchema,
  missing: missingSchema,
  typeConsistency: typeConsistencySchema,
  semantic: semanticSchema.nullable(),
  uniqueness: uniquenessSchema,
  numeric: numericSummarySchema.nullable(),
  boolean: booleanSummarySchema.nullable(),
  histogram: histogramSchema.nullable(),
  topValues: topValuesSchema,
  lengths: lengthSchema.nullable().describe('Character lengths of non-missing raw values (string columns)'),
  patterns: patternsSchema,
  outliers: outliersSchema.nullable(),
  whitespace: whitespaceSchema.nullable(),
  caseVariants: z.array(caseVariantSchema).describe('Groups of values equal up to case/whitespace (low-cardinality text)'),
  approximateFields: z.array(z.string()).describe('Paths of every approximate figure in this object'),
  rowChecks: rowChecksSchema.optional(),
});

export type DistributionData = z.infer<typeof distributionDataSchema>;
export type LogicalType = z.infer<typeof logicalTypeSchema>;
export type ValueType = z.infer<typeof valueTypeSchema>;
export type SemanticType = z.infer<typeof semanticTypeSchema>;
export type RowValue = z.infer<typeof rowValueSchema>;
export type Quantile = z.infer<typeof quantileSchema>;
export type HistogramBin = z.infer<typeof histogramBinSchema>;
export type TopValue = z.infer<typeof topValueSchema>;
export type ValuePattern = z.infer<typeof patternSchema>;
export type Outliers = z.infer<typeof outliersSchema>;
export type CaseVariant = z.infer<typeof caseVariantSchema>;
export type RowChecks = z.infer<typeof rowChecksSchema>;
