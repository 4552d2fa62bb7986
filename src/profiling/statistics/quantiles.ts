/**
 * The quantiles the profile reports, and the order statistics computed in JS on the quantile sample (see
 * column-pass.ts): every pass, the tallied columns and the report read quantile lists by these levels. A leaf:
 * the passes import it, it imports none of them.
 */

/** The levels of every quantile list (NumericFacts.quantiles), in this order. */
export const QUANTILE_LEVELS = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99] as const;

export type QuantileLevel = (typeof QUANTILE_LEVELS)[number];

/** The quantile at level `p` of a list laid out as QUANTILE_LEVELS (undefined when the list is empty). */
export function quantileAt(quantiles: readonly number[], p: QuantileLevel): number | undefined {
  return quantiles[QUANTILE_LEVELS.indexOf(p)];
}

/** The inputs of the IQR fences and the robust-z rule, from a quantile list (undefined when the list is empty). */
export function quartiles(quantiles: readonly number[]): { q1: number; median: number; q3: number } {
  return { q1: quantileAt(quantiles, 0.25)!, median: quantileAt(quantiles, 0.5)!, q3: quantileAt(quantiles, 0.75)! };
}

/** SQL: DuckDB's quantile_cont of `n` at every level, the list NumericFacts.quantiles holds when it is exact. */
export function quantilesSql(n: string): string {
  return `quantile_cont(${n}, [${QUANTILE_LEVELS.join(', ')}])`;
}

/**
 * DuckDB's quantile_cont over n ordered values, read by their 0-based rank: position (n − 1)·p, linear
 * interpolation lo·(1 − d) + hi·d between its neighbours (the same formula, bit for bit: checked against DuckDB on
 * thousands of random columns). One definition for the sorted sample and for the tallied columns' value → count
 * tables, so that both stand in for the SQL they replace in the same way.
 */
export function quantileByRank(n: number, p: number, valueAtRank: (rank: number) => number): number {
  const position = (n - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = valueAtRank(lower);
  if (lower === upper) return low;
  const d = position - lower;
  return low * (1 - d) + valueAtRank(upper) * d;
}

/** quantile_cont of sorted values (the quantile sample). */
export function interpolatedQuantile(sorted: Float64Array, p: number): number {
  return quantileByRank(sorted.length, p, (rank) => sorted[rank]!);
}

/** Median absolute deviation from `median` of the sampled values, as quantile_cont(abs(x − median), 0.5). */
export function sampleMedianAbsoluteDeviation(sorted: Float64Array, median: number): number {
  // The deviations of a sorted array grow outwards from the median: merging the two runs (left of it, right of
  // it) yields them in ascending order, so the middle one is reached in n/2 steps without sorting or copying.
  let right = 0;
  while (right < sorted.length && sorted[right]! < median) right++;
  let left = right - 1;
  const next = (): number => {
    const fromLeft = left >= 0 ? Math.abs(sorted[left]! - median) : Infinity;
    const fromRight = right < sorted.length ? Math.abs(sorted[right]! - median) : Infinity;
    if (fromLeft <= fromRight) {
      left--;
      return fromLeft;
    }
    right++;
    return fromRight;
  };
  const position = (sorted.length - 1) * 0.5;
  const lower = Math.floor(position);
  let low = 0;
  for (let i = 0; i <= lower; i++) low = next();
  if (lower === Math.ceil(position)) return low;
  const high = next();
  const d = position - lower;
  return low * (1 - d) + high * d;
}

/**
 * k-th smallest value (0-based), partially reordering `values` so that every later element is ≥ it: the moment
 * shift (a sample median) is wanted before pass 1 starts, the full sort of the sample only while pass 1 runs.
 */
export function selectKth(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const pivot = values[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k]!;
}
