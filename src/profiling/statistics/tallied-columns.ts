/**
 * Columns with few distinct values (a category, an age, a day): their value → count table, taken by one GROUP BY
 * that the profile needs anyway for their frequencies, holds everything pass 1 and pass 2 would scan the table
 * for. Here those statistics come from the table in JS, exactly: counts, extremes, moments, quantiles and the MAD
 * (exact even above the exact row limit, where other columns use a sample), histogram bins and outlier counts,
 * lengths and padding. At 1M rows that spares ≈ 0.17 s CPU for the benchmark's age and region columns.
 *
 * Every formula repeats the SQL one it replaces (quantile_cont's interpolation, the bin index, the fences).
 */
import type { ValueType } from '../distribution-schema.js';
import type { ColumnPlan } from '../inference/column-plan.js';
import type { KeyCount } from './aggregate-query.js';
import { binLayout, iqrFences, robustZBounds } from './distribution-rules.js';
import type { ColumnFacts, DistributionFacts, NumericFacts, TallyEntry } from './facts.js';
import { kurtosisFromSums, meanAndStdDevFromSums, skewnessFromSums } from './moments.js';
import { QUANTILE_LEVELS, quantileByRank, quartiles } from './quantiles.js';
import { VALUE_COUNTS_MAX_DISTINCT } from './sampling.js';
import { positionLabel } from './value-labels.js';

/** The tally of a GROUP BY result, or null when it cannot stand for the column (too many values, non-finite ones). */
export function tallyOf(plan: ColumnPlan, counts: readonly KeyCount[], positioned: boolean): TallyEntry[] | null {
  if (counts.length > VALUE_COUNTS_MAX_DISTINCT) return null;
  const entries = counts.map(({ key, count, position }) => ({ value: String(key), count, position: position ?? null }));
  if (positioned && entries.some((e) => e.position === null || !Number.isFinite(e.position))) return null;
  return plan.rule.valueType === 'string' || !positioned ? entries : entries.sort((a, b) => a.position! - b.position!);
}

/** Neumaier's compensated sum, as DuckDB's fsum. */
class CompensatedSum {
  private sum = 0;
  private compensation = 0;
  add(x: number): void {
    const t = this.sum + x;
    this.compensation += Math.abs(this.sum) >= Math.abs(x) ? this.sum - t + x : x - t + this.sum;
    this.sum = t;
  }
  get value(): number {
    return this.sum + this.compensation;
  }
}

/** Value at 0-based rank `rank` of the multiset described by `entries` (sorted by position). */
function valueAtRank(entries: readonly TallyEntry[], rank: number): number {
  let seen = 0;
  for (const e of entries) {
    seen += e.count;
    if (rank < seen) return e.position!;
  }
  return entries[entries.length - 1]!.position!;
}

/** quantile_cont over the multiset of `n` values that `entries` (sorted by position) describe. */
function tallyQuantile(entries: readonly TallyEntry[], n: number, p: number): number {
  return quantileByRank(n, p, (rank) => valueAtRank(entries, rank));
}

function numericFacts(valueType: ValueType, entries: readonly TallyEntry[], n: number): NumericFacts {
  // The shift c is an actual value near the centre (see momentShifts): exactly zero spread for a constant column.
  const shift = valueAtRank(entries, (n - 1) >> 1);
  const s1 = new CompensatedSum();
  const s2 = new CompensatedSum();
  let s3 = 0;
  let s4 = 0;
  let zeroCount = 0;
  let negativeCount = 0;
  for (const { position, count } of entries) {
    const d = position! - shift;
    s1.add(count * d);
    s2.add(count * d * d);
    s3 += count * d * d * d;
    s4 += count * d * d * d * d;
    if (position === 0) zeroCount += count;
    else if (position! < 0) negativeCount += count;
  }
  const isNumber = valueType === 'integer' || valueType === 'decimal';
  return {
    min: entries[0]!.position!,
    max: entries[entries.length - 1]!.position!,
    ...meanAndStdDevFromSums(n, shift, s1.value, s2.value),
    skewness: skewnessFromSums(n, s1.value, s2.value, s3),
    kurtosis: kurtosisFromSums(n, s1.value, s2.value, s3, s4),
    quantiles: QUANTILE_LEVELS.map((p) => tallyQuantile(entries, n, p)),
    quantilesApproximate: false,
    quantilesSampleSize: null,
    zeroCount: isNumber ? zeroCount : 0,
    negativeCount: isNumber ? negativeCount : 0,
  };
}

/** DuckDB's VARCHAR order: UTF-8 bytes, compared one by one. */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

const PADDING = new Set([' ', '\t', '\n', '\r']);

/** Pass-1 facts of a tallied column; tokens, bad values and semantic matches come from the caller's queries. */
export function tallyFacts(
  plan: ColumnPlan,
  entries: readonly TallyEntry[],
  rest: Pick<ColumnFacts, 'tokenCounts' | 'invalidCount' | 'semanticMatchingCount' | 'unitCount'>,
): ColumnFacts {
  const { valueType } = plan.rule;
  const validCount = entries.reduce((sum, e) => sum + e.count, 0);
  const positioned = entries.length > 0 && entries[0]!.position !== null;
  const numeric = positioned && validCount > 0 ? numericFacts(valueType, entries, validCount) : null;
  const text = valueType === 'string';
  let extremes: { min: string; max: string } | null = null;
  if (!positioned && entries.length > 0) {
    const sorted = [...entries].sort((a, b) => byteOrder(a.value, b.value));
    extremes = { min: sorted[0]!.value, max: sorted[sorted.length - 1]!.value };
  }
  let lengths: ColumnFacts['lengths'] = null;
  let whitespaceCount: number | null = null;
  if (text) {
    let min = Infinity;
    let max = 0;
    let total = 0;
    whitespaceCount = 0;
    for (const { value, count } of entries) {
      // Code points, as DuckDB's length().
      const length = [...value].length;
      min = Math.min(min, length);
      max = Math.max(max, length);
      total += length * count;
      if (PADDING.has(value[0] ?? '') || PADDING.has(value[value.length - 1] ?? '')) whitespaceCount += count;
    }
    if (validCount > 0) lengths = { min, max, mean: total / validCount };
  }
  const integerLabel = valueType === 'integer' && entries.length > 0;
  const label = (x: number | undefined) => (x === undefined ? null : positionLabel(valueType, x));
  return {
    validCount,
    invalidCount: rest.invalidCount,
    tokenCounts: rest.tokenCounts,
    distinct: { count: entries.length, approximate: false, relativeStandardError: null },
    frequencies: entries.map(({ value, count }) => ({ value, count })),
    invalidDistinct: 0,
    // Integers keep their own text (exact beyond 2^53); other positions are labelled as the SQL passes label them.
    min: extremes ? extremes.min : integerLabel ? entries[0]!.value : label(numeric?.min),
    max: extremes ? extremes.max : integerLabel ? entries[entries.length - 1]!.value : label(numeric?.max),
    numeric,
    trueCount: valueType === 'boolean' ? entries.filter((e) => e.value === 'true').reduce((sum, e) => sum + e.count, 0) : null,
    lengths,
    whitespaceCount,
    semanticMatchingCount: rest.semanticMatchingCount,
    unitCount: rest.unitCount,
    tally: entries,
  };
}

/** Pass-2 facts (histogram, IQR and robust-z outliers, the exact MAD) of a tallied numeric or temporal column. */
export function tallyDistribution(plan: ColumnPlan, facts: ColumnFacts, histogramBins: number): DistributionFacts {
  const entries = facts.tally!;
  const numeric = facts.numeric;
  if (!numeric) return { bins: null, outliers: null, frequencies: facts.frequencies };
  const layout = binLayout(numeric.min, numeric.max, histogramBins, plan.rule.valueType);
  const counts = new Array<number>(layout.count).fill(0);
  const { q1, median, q3 } = quartiles(numeric.quantiles);
  const mild = iqrFences(q1, q3, 1.5);
  const extreme = iqrFences(q1, q3, 3);
  let mildCount = 0;
  let extremeCount = 0;
  for (const { position, count } of entries) {
    const x = position!;
    const bin = layout.width === 0 ? 0 : Math.min(Math.floor((x - layout.lower) / layout.width), layout.count - 1);
    counts[bin] = (counts[bin] ?? 0) + count;
    if (x < mild.lower || x > mild.upper) mildCount += count;
    if (x < extreme.lower || x > extreme.upper) extremeCount += count;
  }
  // The exact MAD: quantile_cont(|x − median|, 0.5) over the deviations, as a multiset sorted by size.
  const deviations = entries
    .map(({ position, count }) => ({ value: '', count, position: Math.abs(position! - median) }))
    .sort((a, b) => a.position - b.position);
  const mad = tallyQuantile(deviations, facts.validCount, 0.5);
  let robustZCount: number | null = null;
  if (mad !== 0) {
    const bounds = robustZBounds(median, mad);
    robustZCount = entries.reduce((sum, e) => sum + (e.position! < bounds.lower || e.position! > bounds.upper ? e.count : 0), 0);
  }
  return {
    bins: { layout, counts },
    outliers: { q1, q3, median, mildCount, extremeCount, mad, robustZCount },
    frequencies: facts.frequencies,
  };
}
