/**
 * What the passes find out about each column, as handed from one pass to the next and to the profile builder.
 * Types only, in a module of their own so that the passes and the tallied columns, which fill the same facts,
 * need not import each other for them.
 */
import type { BinLayout } from './distribution-rules.js';
import type { ValueCount } from './frequency-summary.js';

export interface DistinctEstimate {
  count: number;
  approximate: boolean;
  relativeStandardError: number | null;
  /** An estimate's subsample holds some value twice: the column is certainly no key (candidate-keys.ts). */
  duplicatesSeen?: boolean;
}

export interface NumericFacts {
  min: number;
  max: number;
  mean: number | null;
  stdDev: number | null;
  skewness: number | null;
  kurtosis: number | null;
  /** At the levels of QUANTILE_LEVELS (quantiles.ts), in that order. */
  quantiles: number[];
  quantilesApproximate: boolean;
  quantilesSampleSize: number | null;
  zeroCount: number;
  negativeCount: number;
  /** Above the exact row limit: the MAD of the quantile sample (absent when quantiles are exact). */
  sampleMad?: number;
}

/** One distinct value: as DuckDB renders it, how often it occurs, and its numeric position (numbers, dates…). */
export interface TallyEntry {
  value: string;
  count: number;
  position: number | null;
}

/** Pass 1's facts of one column. */
export interface ColumnFacts {
  validCount: number;
  invalidCount: number;
  /** token index (0-based into the token list) → count */
  tokenCounts: Map<number, number>;
  distinct: DistinctEstimate;
  /** Exact value frequencies, for columns judged low-cardinality from the sample. */
  frequencies: ValueCount[] | null;
  invalidDistinct: number;
  min: string | null;
  max: string | null;
  numeric: NumericFacts | null;
  trueCount: number | null;
  lengths: { min: number; max: number; mean: number } | null;
  whitespaceCount: number | null;
  semanticMatchingCount: number | null;
  /** Values written with the column's unit (ColumnPlan.unit); null without one. */
  unitCount: number | null;
  /** Low-cardinality columns: every distinct value with its count (see tallied-columns.ts). */
  tally?: readonly TallyEntry[];
}

export interface OutlierFacts {
  q1: number;
  q3: number;
  median: number;
  mildCount: number;
  extremeCount: number;
  mad: number;
  robustZCount: number | null;
}

/** Pass 2's facts of one column. */
export interface DistributionFacts {
  bins: { layout: BinLayout; counts: number[] } | null;
  outliers: OutlierFacts | null;
  frequencies: ValueCount[] | null;
}

export interface PearsonFacts {
  a: number;
  b: number;
  coefficient: number;
  n: number;
}
