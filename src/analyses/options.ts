// What a user may set when starting an analysis, stored in analyses.options.
import { z } from 'zod';

export const columnName = z.string().min(1, 'must not be empty').max(255, 'must be at most 255 characters');

export const sampleLimit = z.number().int().min(1, 'must be at least 1').max(2_000_000_000, 'must be at most 2000000000');

export const analysisOptionsSchema = z.object({
  /** ML_PREPARATION: the column a model would predict (class balance, leakage). */
  targetColumn: columnName.nullish(),
  /** Analyse only the first this many rows of the file (a quick look at a large file). */
  sampleLimit: sampleLimit.nullish(),
});

export type AnalysisOptions = z.infer<typeof analysisOptionsSchema>;
