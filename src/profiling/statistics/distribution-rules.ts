/**
 * The histogram and outlier rules: one definition each for the SQL pass (distribution-pass.ts), the tallied
 * columns (tallied-columns.ts), the examples and the report, so that the counts, the examples and the bounds the
 * profile shows always follow the same rule. A leaf: the passes import it, it imports none of them.
 */
import type { ValueType } from '../distribution-schema.js';
import { numberLiteral } from '../engine/sql.js';

export const ROBUST_Z_THRESHOLD = 3.5;
/** Scales the MAD to a standard deviation for normal data (Iglewicz & Hoaglin's modified z-score). */
const MAD_SCALE = 0.6745;

export interface BinLayout {
  lower: number;
  width: number;
  count: number;
}

export function binLayout(min: number, max: number, bins: number, valueType: ValueType): BinLayout {
  if (max === min) return { lower: min, width: 0, count: 1 };
  // Small integer ranges get one bin per value, which reads better than fractional bounds.
  if (valueType === 'integer' && max - min + 1 <= bins) return { lower: min, width: 1, count: max - min + 1 };
  return { lower: min, width: (max - min) / bins, count: bins };
}

export function iqrFences(q1: number, q3: number, k: number): { lower: number; upper: number } {
  const iqr = q3 - q1;
  return { lower: q1 - k * iqr, upper: q3 + k * iqr };
}

export function robustZBounds(median: number, mad: number, threshold = ROBUST_Z_THRESHOLD) {
  const reach = (threshold * mad) / MAD_SCALE;
  return { lower: median - reach, upper: median + reach };
}

/** SQL: is `n` strictly outside [lower, upper]? The same comparison as the tallied columns make in JS. */
function outsideBoundsSql(n: string, { lower, upper }: { lower: number; upper: number }): string {
  return `(${n} < ${numberLiteral(lower)} OR ${n} > ${numberLiteral(upper)})`;
}

/** SQL: is `n` beyond the IQR fences at k × IQR? */
export function outsideFencesSql(n: string, q1: number, q3: number, k: number): string {
  return outsideBoundsSql(n, iqrFences(q1, q3, k));
}

/** SQL: is `n` beyond the robust-z threshold (MAD not zero)? */
export function outsideRobustZSql(n: string, median: number, mad: number): string {
  return outsideBoundsSql(n, robustZBounds(median, mad));
}
