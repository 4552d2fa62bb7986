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
 * - `.meta({ title })` names a shape wherever it appears (the GraphQL API shows it as one type of that name);
 *   every field and enum value carries a description, which the API shows as its documentation.
 */
import { z } from 'zod';

export const DISTRIBUTION_DATA_VERSION = 1 as const;

export const LOGICAL_TYPES = ['integer', 'decimal', 'boolean', 'date', 'datetime', 'time', 'string', 'categorical', 'identifier'] as const;
export const VALUE_TYPES = ['integer', 'decimal', 'boolean', 'date', 'datetime', 'time', 'string'] as const;
export const SEMANTIC_TYPES = [
  'email',
  'url',
  'phone',
  'uuid',
  'ip_address',
  'postal_code',
  'currency_amount',
  'percentage',
  'country_code',
  'free_text',
] as const;

const PARSED_TYPES = {
  integer: 'Whole numbers.',
  decimal: 'Numbers with a fraction (either decimal separator; see typeConsistency.decimalSeparator).',
  boolean: 'true/false, yes/no, 1/0 and the like.',
  date: 'Calendar dates (ISO 8601 or the format in typeConsistency.dateFormat).',
  datetime: 'Dates with a time of day.',
  time: 'Times of day without a date.',
  string: 'Text that parses as none of the other types.',
};

export const logicalTypeSchema = z.enum(LOGICAL_TYPES).meta({
  title: 'LogicalType',
  description: 'What a column holds: how its values parse, refined into categorical and identifier text.',
  valueDescriptions: {
    ...PARSED_TYPES,
    categorical: 'Text with few distinct values, repeated across rows (a label, a category).',
    identifier: 'Text or numbers that name each row (nearly every value distinct), such as IDs and codes.',
  },
});
export const valueTypeSchema = z.enum(VALUE_TYPES).meta({
  title: 'ValueType',
  description: 'How the values of a column are parsed, before the categorical/identifier refinement of LogicalType.',
  valueDescriptions: PARSED_TYPES,
});
export const semanticTypeSchema = z.enum(SEMANTIC_TYPES).meta({
  title: 'SemanticType',
  description: 'What text values mean, recognised from their shape.',
  valueDescriptions: {
    email: 'Email addresses.',
    url: 'Web addresses (http, https).',
    phone: 'Telephone numbers.',
    uuid: 'UUIDs (8-4-4-4-12 hexadecimal).',
    ip_address: 'IPv4 or IPv6 addresses.',
    postal_code: 'Postal or ZIP codes.',
    currency_amount: 'Amounts of money with a currency sign or code.',
    percentage: 'Numbers followed by %.',
    country_code: 'ISO 3166 country codes.',
    free_text: 'Prose: long text with spaces, no single shape.',
  },
});

const rowValueSchema = z
  .object({
    row: z.number().int().positive().describe('1-based data row number (the header is not a row): row 1 is the first record.'),
    value: z.string().describe('The value as written in the file.'),
  })
  .meta({ title: 'RowValue', description: 'A value and the data row it is on.' });

const countShareSchema = {
  count: z.number().int().nonnegative().describe('How many rows.'),
  share: z.number().min(0).max(1).describe('count / number of rows considered, 0–1.'),
};

export const nullTokenCountSchema = z
  .object({
    token: z.string().describe("The null token as written in the file (NA, null, -…); '' is an empty field."),
    count: z.number().int().nonnegative().describe('Cells holding this token.'),
    learned: z
      .boolean()
      .default(false)
      .describe(
        'True for a missing-value marker learned from this file (a word that fills a share of a typed column and is not of its type, a marker word such as "unknown", a sentinel such as -999), rather than one of the analysis\' null tokens.',
      ),
  })
  .meta({ title: 'NullTokenCount', description: 'A way of writing "no value" and how often it occurs.' });

export const missingSchema = z
  .object({
    ...countShareSchema,
    tokens: z.array(nullTokenCountSchema).describe('The null tokens seen, most frequent first.'),
  })
  .meta({ title: 'MissingValues', description: 'Cells with no value: empty or a null token.' });

export const typeConsistencySchema = z
  .object({
    share: z.number().min(0).max(1).describe('Share (0–1) of non-missing values that parse as valueType.'),
    validCount: z.number().int().nonnegative().describe('Non-missing values that parse as valueType.'),
    invalidCount: z.number().int().nonnegative().describe('Non-missing values that do not parse as valueType.'),
    invalidExamples: z.array(rowValueSchema).max(5).describe('The first values that do not parse (at most 5), in row order.'),
    candidateShares: z
      .record(z.string(), z.number())
      .describe('For each type tried (integer, decimal, date…), the share (0–1) of sampled values that parse as it.'),
    decimalSeparator: z.enum(['.', ',']).nullable().describe('"." or "," for decimal columns; null for other columns.'),
    dateFormat: z
      .string()
      .nullable()
      .describe('The strptime format dates are read with (e.g. %d/%m/%Y); null for ISO 8601 or non-date columns.'),
  })
  .meta({ title: 'TypeConsistency', description: "How many values parse as the column's type, and which do not." });

export const semanticSchema = z
  .object({
    type: semanticTypeSchema,
    share: z.number().min(0).max(1).describe('Share (0–1) of non-missing values matching the semantic type.'),
    matchingCount: z.number().int().nonnegative().describe('Non-missing values matching the semantic type.'),
    nonMatchingExamples: z.array(rowValueSchema).max(5).describe('The first values that do not match (at most 5), in row order.'),
  })
  .meta({ title: 'SemanticMatch', description: 'The meaning recognised in a text column and how many values fit it.' });

export const strayNumbersSchema = z
  .object({
    count: z.number().int().nonnegative().describe('Rows holding a number (exact).'),
    distinct: z.number().int().nonnegative().describe('How many distinct numbers there are.'),
    values: z
      .array(
        z
          .object({
            value: z.string().describe('The number as written in the file.'),
            count: z.number().int().positive().describe('Rows holding it (exact).'),
          })
          .meta({ title: 'StrayNumber', description: 'A number in a column of labels.' }),
      )
      .max(500)
      .describe('Up to 500 of the numbers, the most frequent first.'),
  })
  .meta({
    title: 'StrayNumbers',
    description: 'Numbers in a column of repeated labels (at most 5 % of its values): values of another column, swapped or shifted.',
  });

export type StrayNumbers = z.infer<typeof strayNumbersSchema>;

export const foreignValuesSchema = z
  .object({
    count: z.number().int().nonnegative().describe('Rows holding a value of another column (exact).'),
    distinct: z.number().int().nonnegative().describe('How many distinct such values there are.'),
    values: z
      .array(
        z
          .object({
            value: z.string().describe('The value as written in this column (trimmed).'),
            count: z.number().int().positive().describe('Rows of this column holding it (exact).'),
            column: z.string().describe('The column it is a frequent value of.'),
            columnCount: z.number().int().positive().describe('Rows of that column holding it (exact).'),
          })
          .meta({ title: 'ForeignValue', description: 'A rare value of this column that is a frequent value of another.' }),
      )
      .max(500)
      .describe('Up to 500 of them, the most frequent first.'),
  })
  .meta({
    title: 'ForeignValues',
    description:
      'Rare values of a text column that are frequent values of another column (of another vocabulary): cells of swapped or shifted rows.',
  });

export type ForeignValues = z.infer<typeof foreignValuesSchema>;

export const numberUnitSchema = z
  .object({
    symbol: z.string().describe('The unit or symbol as written: oz, %, $, kg.'),
    position: z.enum(['prefix', 'suffix']).meta({
      title: 'NumberUnitPosition',
      description: 'Where the unit is written.',
      valueDescriptions: { prefix: 'Before the number: $5.', suffix: 'After the number: 12 oz, 5%.' },
    }),
    count: z.number().int().nonnegative().describe('Non-missing values written as a number with this unit.'),
    share: z.number().min(0).max(1).describe('count / non-missing values, 0–1.'),
  })
  .meta({
    title: 'NumberUnit',
    description: 'A text column of numbers written with a unit or symbol, which keeps it from being a number.',
  });

export const uniquenessSchema = z
  .object({
    distinctCount: z.number().int().nonnegative().describe('Distinct non-missing values (an estimate when approximate).'),
    approximate: z.boolean().describe('true when distinctCount is estimated (large files).'),
    method: z.enum(['exact', 'hash_subsample']).meta({
      title: 'UniquenessMethod',
      description: 'How distinct values were counted.',
      valueDescriptions: {
        exact: 'Every value was compared.',
        hash_subsample: 'Estimated from a hash-based subsample of the values (large files).',
      },
    }),
    relativeStandardError: z
      .number()
      .nonnegative()
      .nullable()
      .describe('Null when exact; about 95% of estimates are within 2× this error.'),
    duplicatedValueCount: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .describe('Non-missing values that repeat an earlier value (rows − distinct); null when approximate.'),
  })
  .meta({ title: 'Uniqueness', description: 'How many distinct values a column has.' });

export const quantileSchema = z
  .object({
    p: z.number().min(0).max(1).describe('The probability, 0–1 (0.5 is the median).'),
    value: z.number().describe('The quantile (temporal columns: seconds since the Unix epoch, or since midnight for times).'),
    label: z.string().describe('value as a person reads it (a date for temporal columns).'),
  })
  .meta({ title: 'Quantile', description: 'The value below which a share p of the values lie.' });

export const numericSummarySchema = z
  .object({
    stdDev: z.number().nullable().describe('Sample standard deviation; null with fewer than 2 values.'),
    skewness: z.number().nullable().describe('Skewness (0 for a symmetric distribution); null when undefined (constant column).'),
    kurtosis: z.number().nullable().describe('Excess kurtosis (normal = 0); null when undefined.'),
    zeroCount: z.number().int().nonnegative().describe('Values equal to 0.'),
    negativeCount: z.number().int().nonnegative().describe('Values below 0.'),
    quantiles: z.array(quantileSchema).describe('At p = 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, in that order.'),
    quantilesApproximate: z.boolean().describe('true above the exact row limit (large files): see quantilesSampleSize.'),
    quantilesSampleSize: z
      .number()
      .int()
      .positive()
      .nullable()
      .describe('When approximate: the quantiles are of a uniform sample of this many values (rank error ≈ ±1/√n); else null.'),
  })
  .meta({ title: 'NumericSummary', description: 'Spread and shape of a numeric or temporal column.' });

export const histogramBinSchema = z
  .object({
    lower: z.number().describe('Lower bound, included (temporal: seconds, see label).'),
    upper: z.number().describe('Upper bound, excluded except in the last bin.'),
    lowerLabel: z.string().describe('lower as a person reads it.'),
    upperLabel: z.string().describe('upper as a person reads it.'),
    count: z.number().int().nonnegative().describe('Values in the bin.'),
  })
  .meta({ title: 'HistogramBin', description: 'One bar of a histogram.' });

export const histogramSchema = z
  .object({
    kind: z.enum(['numeric', 'temporal']).meta({
      title: 'HistogramKind',
      description: 'What the bin bounds measure.',
      valueDescriptions: {
        numeric: "The column's own numbers.",
        temporal: 'Seconds since the Unix epoch (dates, datetimes) or since midnight (times); labels show them as dates or times.',
      },
    }),
    binWidth: z.number().nonnegative().describe('Width of every bin, in the unit of kind.'),
    bins: z.array(histogramBinSchema).describe('Equal-width bins from the minimum to the maximum; the last bin includes its upper bound.'),
  })
  .meta({ title: 'Histogram', description: 'How the values of a numeric or temporal column are spread.' });

export const topValueSchema = z
  .object({ value: z.string().describe('The value as written in the file.'), ...countShareSchema })
  .meta({ title: 'TopValue', description: 'One of the most frequent values.' });

export const topValuesSchema = z
  .object({
    approximate: z.boolean().describe('true when counted on a sample (large files): see sampleSize.'),
    sampleSize: z.number().int().nullable().describe('Rows sampled when approximate, else null.'),
    countsExact: z
      .boolean()
      .optional()
      .describe(
        'true when every count is exact: always when not approximate, and when the sampled values were recounted on the whole column.',
      ),
    values: z.array(topValueSchema).describe('Most frequent first (at most 10).'),
  })
  .meta({ title: 'TopValues', description: 'The most frequent non-missing values.' });

export const lengthSchema = z
  .object({
    min: z.number().int().nonnegative().describe('Shortest, in characters.'),
    max: z.number().int().nonnegative().describe('Longest, in characters.'),
    mean: z.number().nonnegative().describe('Mean length, in characters.'),
  })
  .meta({ title: 'TextLengths', description: 'Character lengths of the non-missing values as written.' });

export const patternSchema = z
  .object({
    pattern: z.string().describe("The shape: runs of upper-case letters → 'A', lower-case → 'a', digits → '9', other characters kept."),
    example: z.string().describe('A value of this shape.'),
    ...countShareSchema,
  })
  .meta({ title: 'ValuePattern', description: 'A shape values share (AA-9999 for a code like AB-1234).' });

export const patternsSchema = z
  .object({
    approximate: z.boolean().describe('true when counted on a sample (large files): see sampleSize.'),
    sampleSize: z.number().int().nullable().describe('Rows sampled when approximate, else null.'),
    distinctPatterns: z.number().int().nonnegative().describe('How many different shapes occur.'),
    shapes: z.array(patternSchema).describe('The most common shapes first.'),
  })
  .meta({ title: 'ValuePatterns', description: 'The shapes of the values, for spotting odd formats.' });

const outlierRuleSchema = z
  .object({
    lower: z.number().describe('Values below this are outliers (temporal: seconds, see lowerLabel).'),
    upper: z.number().describe('Values above this are outliers.'),
    lowerLabel: z.string().describe('lower as a person reads it.'),
    upperLabel: z.string().describe('upper as a person reads it.'),
    count: z.number().int().nonnegative().describe('Values outside the bounds (exact).'),
  })
  .meta({ title: 'OutlierBounds', description: 'Bounds beyond which a value is an outlier, and how many are.' });

export const outliersSchema = z
  .object({
    approximate: z
      .boolean()
      .describe('true when the quartiles, median and MAD behind the bounds are sample-based; counts are exact for those bounds.'),
    iqr: z
      .object({
        q1: z.number().describe('First quartile.'),
        q3: z.number().describe('Third quartile.'),
        iqr: z.number().describe('Interquartile range, q3 − q1.'),
        mild: outlierRuleSchema.describe('Beyond 1.5 × IQR from the quartiles.'),
        extreme: outlierRuleSchema.describe('Beyond 3 × IQR from the quartiles.'),
      })
      .meta({ title: 'IqrOutliers', description: "Tukey's fences: outliers by distance from the quartiles." }),
    robustZ: z
      .object({
        median: z.number().describe('The median.'),
        mad: z.number().describe('Median absolute deviation; robust z = 0.6745 (x − median) / MAD.'),
        threshold: z.number().describe('|robust z| above this is an outlier.'),
        rule: outlierRuleSchema.nullable().describe('Null when MAD is 0 (more than half the values are equal).'),
      })
      .meta({
        title: 'RobustZOutliers',
        description: 'Outliers by robust z-score (median and MAD instead of mean and standard deviation).',
      }),
    examples: z.array(rowValueSchema).max(5).describe('The most extreme values beyond 1.5 × IQR (at most 5).'),
  })
  .meta({ title: 'Outliers', description: 'Values far from the rest, by two rules.' });

export const whitespaceSchema = z
  .object({
    leadingOrTrailingCount: z.number().int().nonnegative().describe('Values starting or ending with spaces or tabs.'),
    examples: z.array(rowValueSchema).max(5).describe('The first of them (at most 5), in row order.'),
  })
  .meta({ title: 'SurroundingWhitespace', description: 'Text values padded with whitespace.' });

export const caseVariantSchema = z
  .object({
    normalized: z.string().describe('The common form: lower-cased, trimmed, inner whitespace collapsed.'),
    variants: z
      .array(
        z
          .object({
            value: z.string().describe('The spelling as written in the file.'),
            count: z.number().int().nonnegative().describe('Rows spelling it so.'),
          })
          .meta({ title: 'ValueCount', description: 'A value and how often it occurs.' }),
      )
      .describe('The spellings, most frequent first.'),
  })
  .meta({ title: 'CaseVariantGroup', description: 'Spellings of one value that differ only in case or whitespace.' });

export const likelyTyposSchema = z
  .object({
    count: z.number().int().nonnegative().describe('Rows holding one of the suspect values (exact).'),
    distinct: z.number().int().nonnegative().describe('How many distinct suspect values there are.'),
    values: z
      .array(
        z
          .object({
            value: z.string().describe('The suspect value as written in the file.'),
            count: z.number().int().positive().describe('Rows holding it (exact).'),
            likely: z.string().describe('The frequent value it is one or two keystrokes from: the likely correction.'),
            likelyCount: z.number().int().positive().describe('Rows holding the likely correction (exact).'),
            distance: z
              .number()
              .int()
              .positive()
              .describe('Edits between the two (insertions, deletions, substitutions, transpositions), ignoring case.'),
          })
          .meta({ title: 'LikelyTypo', description: 'A rare value that is probably a misspelling of a frequent one.' }),
      )
      .describe('Up to 500 suspects, those of the most frequent corrections first.'),
  })
  .meta({
    title: 'LikelyTypos',
    description: 'Rare values a keystroke or two from a value the column repeats at least ten times as often.',
  });

export const booleanSummarySchema = z
  .object({
    trueCount: z.number().int().describe('Values read as true.'),
    falseCount: z.number().int().describe('Values read as false.'),
  })
  .meta({ title: 'BooleanCounts', description: 'The split of a boolean column.' });

/**
 * Row-level facts the insights need and the statistics passes do not keep (added by dataset/row-checks.ts).
 * Optional so that profiles stored before it still parse.
 */
export const rowChecksSchema = z
  .object({
    missingRows: z.array(z.number().int().positive()).max(5).describe('The first rows (1-based, at most 5) where the value is missing.'),
    negative: z
      .object({
        count: z.number().int().nonnegative().describe('Values below 0.'),
        examples: z.array(rowValueSchema).max(5).describe('The first of them (at most 5), in row order.'),
      })
      .meta({ title: 'NegativeValues', description: 'Values below zero.' })
      .nullable()
      .describe('Numeric columns with negative values; null otherwise.'),
    zero: z
      .object({
        count: z.number().int().nonnegative().describe('Values equal to 0.'),
        examples: z.array(rowValueSchema).max(5).describe('The first of them (at most 5), in row order.'),
      })
      .meta({ title: 'ZeroValues', description: 'Values equal to zero.' })
      .nullable()
      .optional()
      .describe('Numeric columns with zeros; null otherwise and in older profiles.'),
    future: z
      .object({
        after: z.string().describe('ISO date the profile was taken: values later than this are in the future.'),
        count: z.number().int().nonnegative().describe('Values after that date.'),
        examples: z.array(rowValueSchema).max(5).describe('The first of them (at most 5), in row order.'),
      })
      .meta({ title: 'FutureDates', description: 'Dates later than the day of profiling.' })
      .nullable()
      .describe('Date and datetime columns with values after the day of profiling; null otherwise.'),
  })
  .meta({ title: 'RowChecks', description: 'Rows behind the insights: where values are missing, negative or in the future.' });

export const distributionDataSchema = z
  .object({
    version: z.literal(DISTRIBUTION_DATA_VERSION).describe('Version of this shape (1).'),
    logicalType: logicalTypeSchema,
    valueType: valueTypeSchema,
    missing: missingSchema,
    typeConsistency: typeConsistencySchema,
    semantic: semanticSchema.nullable().describe('Text columns whose values have a recognised meaning; null otherwise.'),
    numberUnit: numberUnitSchema
      .nullable()
      .default(null)
      .describe('Text columns of numbers written with a unit (12 oz, 5%, $1,200); null otherwise.'),
    uniqueness: uniquenessSchema,
    numeric: numericSummarySchema.nullable().describe('Numeric and temporal columns; null otherwise.'),
    boolean: booleanSummarySchema.nullable().describe('Boolean columns; null otherwise.'),
    histogram: histogramSchema.nullable().describe('Numeric and temporal columns with at least two distinct values; null otherwise.'),
    topValues: topValuesSchema,
    lengths: lengthSchema.nullable().describe('Text columns; null otherwise.'),
    patterns: patternsSchema,
    outliers: outliersSchema.nullable().describe('Numeric and temporal columns with enough values; null otherwise.'),
    whitespace: whitespaceSchema.nullable().describe('Text columns with padded values; null otherwise.'),
    caseVariants: z
      .array(caseVariantSchema)
      .describe('Groups of values equal up to case and whitespace (low-cardinality text); empty when none.'),
    approximateFields: z.array(z.string()).describe('Paths of every approximate block in this object (e.g. "uniqueness", "topValues").'),
    rowChecks: rowChecksSchema.optional().describe('Null in profiles taken before row checks existed.'),
    typos: likelyTyposSchema
      .nullable()
      .optional()
      .describe('Text columns with exact value counts (every value counted, not sampled); null otherwise and in older profiles.'),
    strayNumbers: strayNumbersSchema
      .nullable()
      .default(null)
      .describe('Text columns of repeated labels with a few numbers among them, from exact value counts; null otherwise.'),
    foreignValues: foreignValuesSchema
      .nullable()
      .default(null)
      .describe('Text columns with rare values that are frequent values of another column, from exact value counts; null otherwise.'),
  })
  .meta({ title: 'ColumnDistribution', description: 'Everything the profiler found about one column.' });

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
export type LikelyTypos = z.infer<typeof likelyTyposSchema>;
