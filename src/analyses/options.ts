// What a user may set when starting an analysis, stored in analyses.options.
import { z } from 'zod';

export const columnName = z.string().min(1, 'must not be empty').max(255, 'must be at most 255 characters');

export const analysisOptionsSchema = z.object({
  /** ML_PREPARATION: the column a model would predict (class balance, leakage). */
  targetColumn: columnName.nullish(),
});

export type AnalysisOptions = z.infer<typeof analysisOptionsSchema>;
