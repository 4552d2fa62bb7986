/**
 * The comparison's input (what a stored analysis has) and output, as zod schemas. Every field is described and
 * every shape titled, so the GraphQL layer (src/graphql/zod-object-types.ts) can expose the output as typed
 * fields: only objects, arrays, enums, strings, numbers, booleans, literals and nullable/optional/default are used.
 */
import { z } from 'zod';
import { scoreBreakdownSchema } from '../insights/index.js';
import { INSIGHT_SEVERITIES, analysisGoalSchema, dimensionSchema, insightCheckSchema, insightTypeSchema } from '../insights/types.js';
import { distributionDataSchema, logicalTypeSchema } from '../profiling/index.js';

export const COMPARISON_VERSION = 1 as const;

// ---- Input ----

/** Titled like the API's InsightSeverity enum (the GraphQL step shares it with `shareEnum`). */
export const insightSeveritySchema = z.enum(INSIGHT_SEVERITIES).meta({
  title: 'InsightSeverity',
  description: 'How much an insight matters, most severe first.',
  valueDescriptions: {
    CRITICAL: 'The data cannot be used as it is for the goal.',
    HIGH: 'Likely to distort results; fix before use.',
    MEDIUM: 'Worth fixing.',
    LOW: 'Minor.',
    INFO: 'Worth knowing; nothing is wrong.',
  },
});

export const comparableColumnSchema = z
  .object({
    columnName: z.string().describe("The column's name as the profile reports it (unique within the analysis)."),
    dataType: logicalTypeSchema,
    nullCount: z.number().int().nonnegative().describe('Missing values (empty fields, null tokens, learned markers).'),
    uniqueCount: z.number().int().nonnegative().describe('Distinct non-missing values (estimated on large files).'),
    distributionData: distributionDataSchema,
  })
  .meta({ title: 'ComparableColumn', description: 'One column profile of an analysis, as the profiler produced it.' });

export const comparableInsightSchema = z
  .object({
    type: insightTypeSchema,
    severity: insightSeveritySchema,
    columnName: z.string().nullable().describe('The column the insight is about; null for the whole dataset.'),
    description: z.string().optional().describe("The insight's text, shown beside new and resolved insights when given."),
    evidence: z
      .object({
        check: insightCheckSchema,
        count: z.number().nonnegative().describe('Affected units (rows, values, columns…) the check found.'),
      })
      .meta({ title: 'ComparableEvidence', description: "The part of an insight's evidence a comparison reads." }),
  })
  .meta({ title: 'ComparableInsight', description: 'One insight of an analysis: what it is about and how much it found.' });

export const comparableAnalysisSchema = z
  .object({
    rowCount: z.number().int().nonnegative().describe('Data rows the analysis profiled.'),
    rowLimit: z
      .number()
      .int()
      .positive()
      .nullable()
      .optional()
      .describe('When the analysis profiled only the first N rows: N (files mode then reads as many); else null.'),
    columns: z.array(comparableColumnSchema).describe('The column profiles, in file order.'),
    insights: z.array(comparableInsightSchema).describe('The insights, most severe first.'),
    scoreBreakdown: scoreBreakdownSchema.nullable().describe("The quality score's breakdown; null for analyses stored without one."),
  })
  .meta({ title: 'ComparableAnalysis', description: 'What a comparison needs of a stored analysis: its profiles, insights and score.' });

export type ComparableColumn = z.infer<typeof comparableColumnSchema>;
export type ComparableInsight = z.infer<typeof comparableInsightSchema>;
export type ComparableAnalysis = z.infer<typeof comparableAnalysisSchema>;
export type ComparableAnalysisInput = z.input<typeof comparableAnalysisSchema>;

// ---- Thresholds ----

export const driftThresholdsSchema = z
  .object({
    alpha: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.01)
      .describe(
        "Significance level (0.01). Every test's threshold is raised to the test's critical value at this level when the samples are too small for its usual threshold to be told from noise.",
      ),
    psiModerate: z
      .number()
      .nonnegative()
      .default(0.1)
      .describe('PSI from this value on is a moderate shift (0.1), or from its critical value χ²₁₋α(bins − 1)·(1/n + 1/m) when larger.'),
    psiDrifted: z
      .number()
      .nonnegative()
      .default(0.2)
      .describe('PSI from this value on is drift (0.2), or from its critical value χ²₁₋α(bins − 1)·(1/n + 1/m) when larger.'),
    psiBins: z.number().int().min(2).default(10).describe("Equal-mass bins of the base's values PSI is computed over (10: deciles)."),
    ksMinDistance: z
      .number()
      .min(0)
      .max(1)
      .default(0.1)
      .describe(
        'The KS threshold is the critical value c(α)·√((n+m)/(n·m)) but never below this distance (0.1): on large samples the critical value tends to 0.',
      ),
    chiSquaredMinCramersV: z
      .number()
      .min(0)
      .max(1)
      .default(0.1)
      .describe(
        "The χ² threshold is its critical value but never below V²·N, i.e. a Cramér's V of this (0.1): an effect too small to matter is not drift.",
      ),
    chiSquaredMinExpected: z
      .number()
      .nonnegative()
      .default(5)
      .describe('A category expected fewer times than this on either side is folded into "other" (5, the usual χ² condition).'),
    jensenShannon: z
      .number()
      .min(0)
      .max(1)
      .default(0.1)
      .describe(
        'Jensen–Shannon distance (base-2, 0–1) from which categories drifted (0.1), or its critical value √(χ²₁₋α(k − 1)·(1/n + 1/m) / (8 ln 2)) when larger.',
      ),
    missingShareChange: z
      .number()
      .min(0)
      .max(1)
      .default(0.05)
      .describe(
        'Change of the missing share (0–1, absolute) from which a column drifted (0.05: 5 points), or the two-proportion critical value at α when larger.',
      ),
    distinctCountChange: z
      .number()
      .nonnegative()
      .default(0.2)
      .describe('Relative change of the distinct count from which a column drifted (0.2: 20 %).'),
    distinctCountMinChange: z
      .number()
      .int()
      .nonnegative()
      .default(2)
      .describe('… provided the count changed by at least this many values (2: one rare category coming or going is not drift).'),
    renameMaxDistance: z
      .number()
      .min(0)
      .max(1)
      .default(0.05)
      .describe(
        'A removed and an added column are one renamed column when their KS (numbers, dates) or JS (text) distance is at most this.',
      ),
    renameMaxMissingShareChange: z
      .number()
      .min(0)
      .max(1)
      .default(0.01)
      .describe('… and their missing shares differ by at most this (0.01: 1 point).'),
    renameMaxDistinctChange: z
      .number()
      .nonnegative()
      .default(0.05)
      .describe('… and their distinct counts by at most this, relatively (0.05).'),
    renameMinTopValueOverlap: z
      .number()
      .min(0)
      .max(1)
      .default(0.8)
      .describe('… and (text) this share of their top values is the same (0.8).'),
  })
  .meta({ title: 'DriftThresholds', description: 'The thresholds a comparison used.' });

export type DriftThresholds = z.infer<typeof driftThresholdsSchema>;

export const compareOptionsSchema = z
  .object({
    thresholds: driftThresholdsSchema.partial().optional().describe('Thresholds to use instead of the defaults.'),
  })
  .meta({ title: 'CompareOptions', description: 'How to compare two analyses.' });

export type CompareOptions = z.input<typeof compareOptionsSchema>;

// ---- Output ----

export const driftVerdictSchema = z.enum(['stable', 'moderate', 'drifted']).meta({
  title: 'DriftVerdict',
  description: 'What a drift test (or a column, by its worst test) concluded.',
  valueDescriptions: {
    stable: 'Below the threshold: no meaningful change.',
    moderate: 'A moderate shift (PSI between its moderate and drift thresholds).',
    drifted: 'At or above the threshold: the distribution changed.',
  },
});

export const driftMethodSchema = z.enum(['profiles', 'files']).meta({
  title: 'DriftMethod',
  description: 'What a drift statistic was computed from.',
  valueDescriptions: {
    profiles: "The stored profiles: histograms, quantiles and top values (an estimate when a column's values are binned).",
    files: 'The two files, read again with DuckDB: exact.',
  },
});

export const driftTestKindSchema = z
  .enum(['psi', 'kolmogorov_smirnov', 'chi_squared', 'jensen_shannon', 'missing_share', 'distinct_count'])
  .meta({
    title: 'DriftTestKind',
    description: 'Which statistic a drift test computes.',
    valueDescriptions: {
      psi: "Population stability index over bins of the base's values (numbers, dates).",
      kolmogorov_smirnov: 'Two-sample Kolmogorov–Smirnov distance: the largest gap between the two CDFs (numbers, dates).',
      chi_squared: 'Pearson χ² of the 2 × k table of category counts (top values plus "other").',
      jensen_shannon: 'Jensen–Shannon distance (base 2, 0–1) between the two category distributions.',
      missing_share: 'Absolute change of the share of missing values (0–1).',
      distinct_count: 'Relative change of the number of distinct values.',
    },
  });

export const driftFamilySchema = z.enum(['numeric', 'temporal', 'categorical', 'none']).meta({
  title: 'DriftFamily',
  description: 'Which distribution tests a column got.',
  valueDescriptions: {
    numeric: 'Numbers: PSI and Kolmogorov–Smirnov.',
    temporal: 'Dates, datetimes, times (as seconds): PSI and Kolmogorov–Smirnov.',
    categorical: 'Text and booleans: χ² and Jensen–Shannon on the top values.',
    none: 'No distribution test (identifiers, incomparable types, no values): see note.',
  },
});

export const driftTestSchema = z
  .object({
    test: driftTestKindSchema,
    statistic: z.number().describe('The value of the statistic.'),
    threshold: z.number().describe('The value from which the verdict is drifted.'),
    moderateThreshold: z.number().nullable().describe('The value from which the verdict is moderate; null for tests without that level.'),
    verdict: driftVerdictSchema,
    method: driftMethodSchema,
    approximate: z.boolean().describe('true when the statistic is estimated (values binned in a histogram, counts from a sample).'),
    pValue: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe('Asymptotic p-value (Kolmogorov–Smirnov, χ², PSI via its χ² approximation); null for the other tests.'),
    degreesOfFreedom: z.number().int().nonnegative().nullable().describe('χ² degrees of freedom; null for the other tests.'),
    bins: z.number().int().nonnegative().nullable().describe('Bins (PSI) or categories, "other" included (χ², JS); null otherwise.'),
    summary: z.string().describe('How the statistic and its threshold were computed, in words.'),
  })
  .meta({ title: 'DriftTest', description: 'One drift test of one column: statistic, threshold, verdict and method.' });

export const columnSideSchema = z
  .object({
    present: z.number().int().nonnegative().describe('Non-missing values.'),
    missingShare: z.number().min(0).max(1).describe('Missing values / rows, 0–1.'),
    distinctCount: z.number().int().nonnegative().describe('Distinct non-missing values.'),
    median: z.number().nullable().describe('Median (temporal: seconds, see medianLabel); null for text.'),
    medianLabel: z.string().nullable().describe('The median as a person reads it; null for text.'),
    topValue: z.string().nullable().describe('The most frequent value; null when the column has no values.'),
  })
  .meta({ title: 'ComparedColumnSide', description: 'A few figures of one side of a compared column, side by side with the other.' });

export const columnDriftSchema = z
  .object({
    columnName: z.string().describe("The column's name in the target."),
    baseColumnName: z.string().describe("The column's name in the base (differs when it was renamed)."),
    renamed: z.boolean().describe('true when the column was matched by content under another name.'),
    baseType: logicalTypeSchema.describe("The column's type in the base."),
    targetType: logicalTypeSchema.describe("The column's type in the target."),
    typeChanged: z.boolean().describe('true when the two types differ.'),
    family: driftFamilySchema,
    verdict: driftVerdictSchema.describe('The worst verdict of its tests.'),
    tests: z.array(driftTestSchema).describe('Distribution tests first, then missing share and distinct count.'),
    note: z.string().nullable().describe('Why some tests were not run (incomparable types, no values…); null when all ran.'),
    base: columnSideSchema.describe('The base side.'),
    target: columnSideSchema.describe('The target side.'),
  })
  .meta({ title: 'ColumnDrift', description: 'How one column present in both analyses changed.' });

export const schemaColumnSchema = z
  .object({
    columnName: z.string().describe("The column's name."),
    dataType: logicalTypeSchema,
  })
  .meta({ title: 'SchemaColumn', description: 'A column and its type.' });

export const columnRenameSchema = z
  .object({
    from: z.string().describe("The column's name in the base."),
    to: z.string().describe("The column's name in the target."),
    dataType: logicalTypeSchema,
    distance: z.number().min(0).max(1).describe('The distance between their contents: KS (numbers, dates) or JS (text).'),
  })
  .meta({ title: 'ColumnRename', description: 'A removed and an added column whose profiles match: one column, renamed.' });

export const typeChangeSchema = z
  .object({
    columnName: z.string().describe("The column's name in the target."),
    baseType: logicalTypeSchema.describe('Its type in the base.'),
    targetType: logicalTypeSchema.describe('Its type in the target.'),
    comparable: z.boolean().describe('true when the distributions could still be compared (integer ↔ decimal, categorical ↔ string…).'),
  })
  .meta({ title: 'TypeChange', description: 'A column whose type changed.' });

export const schemaDiffSchema = z
  .object({
    added: z.array(schemaColumnSchema).describe('Columns only in the target (renamed ones excluded).'),
    removed: z.array(schemaColumnSchema).describe('Columns only in the base (renamed ones excluded).'),
    renamed: z.array(columnRenameSchema).describe('Columns matched by content under a new name.'),
    typeChanged: z.array(typeChangeSchema).describe('Columns in both whose type changed.'),
    unchanged: z.number().int().nonnegative().describe('Columns in both, same name, same type.'),
    renameRule: z.string().describe('The rule by which a removed and an added column are taken for one renamed column.'),
  })
  .meta({ title: 'SchemaDiff', description: 'Columns added, removed, renamed and retyped between the two analyses.' });

export const dimensionDeltaSchema = z
  .object({
    dimension: dimensionSchema,
    baseRatio: z.number().min(0).max(1).nullable().describe("The base's ratio (0–1); null when not assessed."),
    targetRatio: z.number().min(0).max(1).nullable().describe("The target's ratio (0–1); null when not assessed."),
    ratioDelta: z.number().nullable().describe('targetRatio − baseRatio; null unless both were assessed.'),
    basePointsLost: z.number().nullable().describe('Score points the dimension cost the base; null when not assessed.'),
    targetPointsLost: z.number().nullable().describe('Score points the dimension cost the target; null when not assessed.'),
    pointsDelta: z
      .number()
      .nullable()
      .describe('basePointsLost − targetPointsLost: what the dimension moved the score by; null unless both assessed.'),
  })
  .meta({ title: 'DimensionDelta', description: 'How one quality dimension changed.' });

export const scoreDeltaSchema = z
  .object({
    baseGoal: analysisGoalSchema.nullable().describe("The base's goal; null without a breakdown."),
    targetGoal: analysisGoalSchema.nullable().describe("The target's goal; null without a breakdown."),
    sameGoal: z.boolean().describe('false when the two scores were weighted for different goals (then compare with care).'),
    base: z.number().nullable().describe("The base's score (0–100); null when it has none."),
    target: z.number().nullable().describe("The target's score (0–100); null when it has none."),
    delta: z.number().nullable().describe('target − base; null unless both have a score.'),
    dimensions: z.array(dimensionDeltaSchema).describe('The five dimensions, in a fixed order.'),
  })
  .meta({ title: 'ScoreDelta', description: 'How the quality score changed, overall and per dimension.' });

export const comparedInsightSchema = z
  .object({
    type: insightTypeSchema,
    severity: insightSeveritySchema,
    columnName: z.string().nullable().describe('The column (target name); null for the whole dataset.'),
    check: insightCheckSchema,
    count: z.number().nonnegative().describe('What the check counted.'),
    description: z.string().nullable().describe("The insight's text when the analysis gave it; else null."),
  })
  .meta({ title: 'ComparedInsight', description: 'An insight of one side only.' });

export const insightChangeSchema = z
  .object({
    type: insightTypeSchema,
    columnName: z.string().nullable().describe('The column (target name); null for the whole dataset.'),
    check: insightCheckSchema,
    baseSeverity: insightSeveritySchema.describe('Severity in the base.'),
    targetSeverity: insightSeveritySchema.describe('Severity in the target.'),
    baseCount: z.number().nonnegative().describe('Count in the base.'),
    targetCount: z.number().nonnegative().describe('Count in the target.'),
  })
  .meta({ title: 'InsightChange', description: 'An insight of both sides (same type, column and check) whose count or severity changed.' });

export const insightDiffSchema = z
  .object({
    new: z.array(comparedInsightSchema).describe('Insights of the target that the base does not have.'),
    resolved: z.array(comparedInsightSchema).describe('Insights of the base that the target no longer has.'),
    changed: z.array(insightChangeSchema).describe('Insights of both whose count or severity changed.'),
    unchanged: z.number().int().nonnegative().describe('Insights of both with the same count and severity.'),
  })
  .meta({ title: 'InsightDiff', description: 'Insights new, resolved and changed, matched by type, column (renames followed) and check.' });

export const analysisSideSchema = z
  .object({
    rowCount: z.number().int().nonnegative().describe('Data rows.'),
    columnCount: z.number().int().nonnegative().describe('Columns.'),
    score: z.number().nullable().describe('Quality score (0–100); null when it has none.'),
    insightCount: z.number().int().nonnegative().describe('Insights.'),
  })
  .meta({ title: 'ComparedAnalysisSide', description: 'The size and score of one side.' });

export const analysisComparisonSchema = z
  .object({
    version: z.literal(COMPARISON_VERSION).describe('Version of this shape (1).'),
    method: driftMethodSchema.describe('profiles, or files when the distribution tests were recomputed exactly from the files.'),
    base: analysisSideSchema.describe('The base (older) analysis.'),
    target: analysisSideSchema.describe('The target (newer) analysis.'),
    schema: schemaDiffSchema,
    columns: z.array(columnDriftSchema).describe('Every column of both sides, in target order.'),
    driftedColumns: z.array(z.string()).describe('Target names of the columns whose verdict is drifted.'),
    score: scoreDeltaSchema,
    insights: insightDiffSchema,
    thresholds: driftThresholdsSchema.describe('The thresholds used.'),
    warnings: z.array(z.string()).describe('What to keep in mind reading the comparison (different goals, estimates…).'),
  })
  .meta({
    title: 'AnalysisComparison',
    description: 'Two analyses of a dataset compared: schema diff, per-column drift, score and insight deltas.',
  });

export type DriftVerdict = z.infer<typeof driftVerdictSchema>;
export type DriftMethod = z.infer<typeof driftMethodSchema>;
export type DriftTestKind = z.infer<typeof driftTestKindSchema>;
export type DriftFamily = z.infer<typeof driftFamilySchema>;
export type DriftTest = z.infer<typeof driftTestSchema>;
export type ColumnSide = z.infer<typeof columnSideSchema>;
export type ColumnDrift = z.infer<typeof columnDriftSchema>;
export type SchemaDiff = z.infer<typeof schemaDiffSchema>;
export type ColumnRename = z.infer<typeof columnRenameSchema>;
export type TypeChange = z.infer<typeof typeChangeSchema>;
export type ScoreDelta = z.infer<typeof scoreDeltaSchema>;
export type DimensionDelta = z.infer<typeof dimensionDeltaSchema>;
export type ComparedInsight = z.infer<typeof comparedInsightSchema>;
export type InsightChange = z.infer<typeof insightChangeSchema>;
export type InsightDiff = z.infer<typeof insightDiffSchema>;
export type AnalysisComparison = z.infer<typeof analysisComparisonSchema>;
