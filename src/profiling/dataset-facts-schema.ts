/**
 * The one schema for `analyses.dataset_facts` (JSON): the dataset-level facts of a profile (correlations,
 * duplicate rows, candidate keys) that an analysis keeps beside its column profiles.
 *
 * Versioned like distribution_data: a reader treats another version as absent (parsedOrNull). Row numbers are
 * 1-based data row numbers (header excluded), as everywhere in the profile. Every shape carries
 * `.meta({ title, description })` and every field a description: the GraphQL API shows them as its types.
 */
import { z } from 'zod';
import type { DatasetProfile } from './types.js';

export const DATASET_FACTS_VERSION = 1 as const;

const columnPair = z.array(z.string()).length(2).describe('The two columns (column names as in the column profiles), in file order.');

export const pearsonPairSchema = z
  .object({
    columns: columnPair,
    coefficient: z.number().describe("Pearson's correlation coefficient, −1 to 1 (DuckDB's corr())."),
    n: z.number().int().nonnegative().describe('Rows where both values are present.'),
  })
  .meta({ title: 'PearsonPair', description: 'The linear correlation of two numeric columns.' });

export const cramersVPairSchema = z
  .object({
    columns: columnPair,
    cramersV: z.number().describe("Cramér's V, 0 (independent) to 1 (one column determines the other)."),
    n: z.number().int().nonnegative().describe('Rows where both values are present.'),
  })
  .meta({ title: 'CramersVPair', description: 'The association of two categorical (or binned numeric) columns.' });

export const correlationsSchema = z
  .object({
    pearson: z
      .array(pearsonPairSchema)
      .describe('Pairs of numeric columns, strongest first (by absolute coefficient); at most 20 pairs are kept.'),
    cramersV: z
      .array(cramersVPairSchema)
      .describe('Pairs of categorical columns (numeric ones binned), strongest first; at most 20 pairs are kept.'),
    numericColumnsConsidered: z
      .number()
      .int()
      .nonnegative()
      .describe('Numeric columns whose pairs were correlated (at most 12, so a wide file shows it was truncated).'),
    categoricalColumnsConsidered: z
      .number()
      .int()
      .nonnegative()
      .describe("Columns whose pairs were measured with Cramér's V (at most 12)."),
  })
  .meta({
    title: 'AnalysisCorrelations',
    description:
      "How the dataset's columns go together: Pearson pairs of numeric columns and Cramér's V pairs, for a correlation heat map.",
  });

export const duplicateRowGroupSchema = z
  .object({
    rows: z
      .array(z.number().int().positive())
      .describe('Row numbers (1-based, header excluded) of the first five rows of the group at most, ascending.'),
    count: z.number().int().min(2).describe('How many rows the group has (rows lists at most five of them).'),
  })
  .meta({ title: 'DuplicateRowGroup', description: 'Rows identical in every cell.' });

export const duplicateRowsSchema = z
  .object({
    count: z
      .number()
      .int()
      .nonnegative()
      .describe('Rows identical to an earlier row, so removing them leaves one of each (rows are compared by a 64-bit hash of all cells).'),
    share: z.number().describe('count over the rows analysed, 0–1.'),
    groups: z.array(duplicateRowGroupSchema).describe('Up to five groups of identical rows, by first occurrence.'),
  })
  .meta({ title: 'DuplicateRows', description: 'Rows that repeat an earlier row in every cell.' });

export const datasetFactsSchema = z
  .object({
    version: z.literal(DATASET_FACTS_VERSION).describe('Version of this shape (1).'),
    correlations: correlationsSchema,
    duplicateRows: duplicateRowsSchema,
    candidateKeys: z.array(z.string()).describe('Columns that are complete and unique (each could serve as a primary key).'),
  })
  .meta({ title: 'DatasetFacts', description: "An analysis' dataset-level facts: correlations, duplicate rows and candidate keys." });

export type DatasetFacts = z.infer<typeof datasetFactsSchema>;

/** The facts of a profile, validated: a failure (a profile that breaks the schema) is a profiler bug. */
export function datasetFactsOf(profile: DatasetProfile) {
  return datasetFactsSchema.safeParse({
    version: DATASET_FACTS_VERSION,
    correlations: profile.correlations,
    duplicateRows: {
      count: profile.duplicateRows.count,
      share: profile.duplicateRows.share,
      groups: profile.duplicateRows.examples.map(({ rows, count }) => ({ rows, count })),
    },
    candidateKeys: profile.candidateKeys,
  });
}
