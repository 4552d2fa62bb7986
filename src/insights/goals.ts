/**
 * What each goal checks and how it weighs the score dimensions. Severity adjustments per goal live in
 * severity.ts; the score formula in score/quality-score.ts.
 */
import { dataTypeMismatch } from './rules/data-type-mismatch.js';
import { duplicates } from './rules/duplicates.js';
import { missingData } from './rules/missing-data.js';
import { outliers } from './rules/outliers.js';
import { patternViolation } from './rules/pattern-violation.js';
import { qualityIssue } from './rules/quality-issue.js';
import { targetChecks } from './rules/target-checks.js';
import type { Rule } from './rules/context.js';
import type { AnalysisGoal, Dimension } from './types.js';

/** Relative weights (each row sums to 1). A dimension that cannot be assessed drops out and the rest renormalise. */
export const GOAL_WEIGHTS: Record<AnalysisGoal, Record<Dimension, number>> = {
  // Everything matters about equally.
  GENERAL_AUDIT: { completeness: 0.25, validity: 0.25, uniqueness: 0.2, consistency: 0.15, accuracy: 0.15 },
  // Graded on validity, completeness and uniqueness.
  DATA_QUALITY: { completeness: 0.3, validity: 0.3, uniqueness: 0.25, consistency: 0.1, accuracy: 0.05 },
  // Models suffer most from gaps and from wrong or extreme values.
  ML_PREPARATION: { completeness: 0.3, validity: 0.25, uniqueness: 0.1, consistency: 0.1, accuracy: 0.25 },
  // Exploration tolerates gaps but is misled by wrong values and inconsistent categories.
  EXPLORATORY: { completeness: 0.2, validity: 0.25, uniqueness: 0.15, consistency: 0.2, accuracy: 0.2 },
};

const DEFECT_RULES: Rule[] = [missingData, outliers, duplicates, dataTypeMismatch, patternViolation];

/** Every goal looks for defects; they differ in the column-quality and target checks and in grading. */
export const GOAL_RULES: Record<AnalysisGoal, Rule[]> = {
  GENERAL_AUDIT: [...DEFECT_RULES, qualityIssue, targetChecks],
  DATA_QUALITY: [...DEFECT_RULES, qualityIssue],
  ML_PREPARATION: [...DEFECT_RULES, qualityIssue, targetChecks],
  EXPLORATORY: [...DEFECT_RULES, qualityIssue, targetChecks],
};
