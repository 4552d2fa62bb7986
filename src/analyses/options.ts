// What a user may set when starting an analysis, stored in analyses.options.
import { z } from 'zod';

export const columnName = z.string().min(1, 'must not be empty').max(255, 'must be at most 255 characters');

export const sampleLimit = z.number().int().min(1, 'must be at least 1').max(2_000_000_000, 'must be at most 2000000000');

/** Ways this dataset writes "no value", besides the standard null tokens and the markers the profiler learns. */
export const missingValueMarkers = z
  .array(z.string().trim().min(1, 'a marker must not be empty').max(64, 'a marker must be at most 64 characters'))
  .max(50, 'at most 50 markers');

export const analysisOptionsSchema = z.object({
  /** ML_PREPARATION: the column a model would predict (class balance, leakage). */
  targetColumn: columnName.nullish(),
  /** Analyse only the first this many rows of the file (a quick look at a large file). */
  sampleLimit: sampleLimit.nullish(),
  /** Extra missing-value markers (compared after trimming). */
  missingValueMarkers: missingValueMarkers.nullish(),
});

export type AnalysisOptions = z.infer<typeof analysisOptionsSchema>;
