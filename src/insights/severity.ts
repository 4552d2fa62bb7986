/**
 * Every severity threshold in one place. A ladder maps a share (of rows or of non-missing values, as each
 * check says) to a severity: the first rung whose `min` the share reaches wins. Goals then adjust:
 * - DATA_QUALITY raises completeness, validity and uniqueness findings one level (it is graded on them);
 * - ML_PREPARATION raises a defect on the target column one level (a row with a bad target cannot be used);
 * - EXPLORATORY and the other goals keep the ladder's level.
 */
import type { AnalysisGoal, Dimension, InsightSeverity } from './types.js';

export interface Rung {
  min: number;
  severity: InsightSeverity;
}

/** Shares are fractions (0.05 = 5%). Each ladder ends with a rung at 0 for "any at all". */
export const LADDERS = {
  /** Missing values in a column, share of rows. ≥ 50% is a mostly empty column. */
  missingValues: [
    { min: 0.5, severity: 'HIGH' },
    { min: 0.05, severity: 'MEDIUM' },
    { min: 0, severity: 'LOW' },
  ],
  /** Rows with at least half their fields missing, share of rows. */
  mostlyMissingRows: [
    { min: 0.1, severity: 'HIGH' },
    { min: 0.01, severity: 'MEDIUM' },
    { min: 0, severity: 'LOW' },
  ],
  /** Values beyond the 3×IQR fences (or robust |z| > 3.5), share of non-missing values. Never above MEDIUM:
   *  an outlier is a question to ask, not proof of an error. */
  outliers: [
    { min: 0.05, severity: 'MEDIUM' },
    { min: 0, severity: 'LOW' },
  ],
  /** Impossible values (negative where only positives make sense, dates in the future), share of values. */
  impossibleValues: [
    { min: 0.05, severity: 'HIGH' },
    { min: 0, severity: 'MEDIUM' },
  ],
  /** Rows with several cells out of place (fields shifted or swapped), share of rows. */
  misalignedRows: [
    { min: 0.05, severity: 'HIGH' },
    { min: 0, severity: 'MEDIUM' },
  ],
  /** Exact duplicate rows, share of rows. */
  duplicateRows: [
    { min: 0.1, severity: 'HIGH' },
    { min: 0.01, severity: 'MEDIUM' },
    { min: 0, severity: 'LOW' },
  ],
  /** Repeated values in a key-like column, share of non-missing values. */
  duplicateKeys: [
    { min: 0.05, severity: 'HIGH' },
    { min: 0, severity: 'MEDIUM' },
  ],
  /** Values that do not parse as the column's type, share of non-missing values. */
  unparseableValues: [
    { min: 0.05, severity: 'HIGH' },
    { min: 0, severity: 'MEDIUM' },
  ],
  /** Text column whose values are mostly of another type: the minority share. */
  mixedTypes: [
    { min: 0.05, severity: 'HIGH' },
    { min: 0, severity: 'MEDIUM' },
  ],
  /** Values off the column's semantic type (invalid emails…), share of non-missing values. */
  semanticMismatch: [
    { min: 0.1, severity: 'HIGH' },
    { min: 0.01, severity: 'MEDIUM' },
    { min: 0, severity: 'LOW' },
  ],
  /** Values in a minority format, other spellings of a category, padded values: share of non-missing values. */
  inconsistentValues: [
    { min: 0.05, severity: 'MEDIUM' },
    { min: 0, severity: 'LOW' },
  ],
  /** Class imbalance: the minority class share (lower is worse); see classImbalanceSeverity. */
  minorityClass: [
    { min: 0.3, severity: 'INFO' },
    { min: 0.15, severity: 'LOW' },
    { min: 0.05, severity: 'MEDIUM' },
    { min: 0, severity: 'HIGH' },
  ],
} as const satisfies Record<string, readonly Rung[]>;

/** Fixed thresholds of the checks (not ladders). */
export const THRESHOLDS = {
  /** A column is mostly empty from this share of missing values on. */
  mostlyEmptyColumn: 0.5,
  /** IQR multiplier of the outlier fences used (the profile has 1.5× and 3×; 3× is "extreme"). */
  outlierIqrMultiplier: 3,
  /** Robust z-score threshold (0.6745·|x − median| / MAD), used when the IQR is 0. */
  robustZ: 3.5,
  /** Negatives are impossible in a column named like a non-negative quantity, or when at most this share is negative. */
  rareNegativeShare: 0.01,
  /** A column looks like a key when its name says so or at least this share of its values is distinct. */
  keyDistinctShare: 0.95,
  /** Text column: a typed candidate at least this share of values makes it "numbers/dates stored as text". */
  mixedTypeShare: 0.5,
  /** Mixed formats: reported when the dominant shape covers less than this share (1: any other format). */
  dominantShapeShare: 1,
  /** Near-constant: the most frequent value covers at least this share of non-missing values. */
  nearConstantShare: 0.99,
  /** Identifier-like text: at least this share of its values distinct (and not prose). */
  identifierDistinctShare: 0.5,
  /** High cardinality: more distinct values than this in a text/categorical column. */
  highCardinality: 50,
  /** |skewness| from which a numeric column is "strongly skewed". */
  extremeSkew: 2,
  /** |skewness| from which EXPLORATORY reports a distribution as skewed. */
  exploratorySkew: 1,
  /** |Pearson r| or Cramér's V from which a pair is "strongly correlated". */
  strongCorrelation: 0.9,
  /** EXPLORATORY reports relationships from this strength on. */
  exploratoryCorrelation: 0.7,
  /** A feature whose association with the target reaches this is likely leakage. */
  leakage: 0.97,
  /** Cramér's V is only read for columns with at most this many distinct values (binned numbers inflate it). */
  cramersMaxDistinct: 20,
  /** A target with at most this many classes is treated as a classification target. */
  maxClasses: 20,
} as const;

export function fromLadder(ladder: readonly Rung[], share: number): InsightSeverity {
  for (const rung of ladder) if (share >= rung.min) return rung.severity;
  return ladder[ladder.length - 1]!.severity;
}

const ORDER: readonly InsightSeverity[] = ['INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
export const severityRank = (severity: InsightSeverity): number => ORDER.indexOf(severity);
const raise = (severity: InsightSeverity, levels: number): InsightSeverity =>
  ORDER[Math.min(ORDER.length - 1, severityRank(severity) + levels)]!;

/** The goal's adjustment (see the file comment). INFO stays INFO: a fact is not a defect under any goal. */
export function adjustForGoal(
  severity: InsightSeverity,
  context: { goal: AnalysisGoal; dimension: Dimension | null; onTarget: boolean },
): InsightSeverity {
  if (severity === 'INFO') return severity;
  let adjusted: InsightSeverity = severity;
  if (
    context.goal === 'DATA_QUALITY' &&
    (context.dimension === 'completeness' || context.dimension === 'validity' || context.dimension === 'uniqueness')
  ) {
    adjusted = raise(adjusted, 1);
  }
  if (context.goal === 'ML_PREPARATION' && context.onTarget) adjusted = raise(adjusted, 1);
  return adjusted;
}
