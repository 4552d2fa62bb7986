/**
 * Pass 1 over the typed table: counts, missing tokens, parse failures, distinct counts, moments, quantiles,
 * lengths, whitespace and semantic conformity for every column, in one query.
 *
 * Each aggregate costs a few nanoseconds per row, so the pass computes only what cannot be derived: text
 * renderings of numeric extremes are made in JS, zero/negative counts share one sign histogram, and row
 * examples come later from a filtered query (examples-pass.ts) instead of an aggregate over every row.
 */
import type { DuckDBSession } from '../engine/duckdb-session.js';
import { toCount, toNumber } from '../engine/duckdb-session.js';
import type { ColumnPlan } from '../inference/column-plan.js';
import { numericPositionSql } from '../inference/value-parsers.js';
import { AggregateQuery, DistinctCountQuery, GroupCountQuery, type KeyCount } from './aggregate-query.js';
import { numberLiteral } from '../engine/sql.js';
import type { ValueCount } from './frequency-summary.js';
import {
  PROFILED_TABLE, badColumn, isTextColumn, nullTokenIndexSql, semanticColumn, tokenColumn, valueColumn,
} from './typed-table.js';
import { positionLabel } from './value-labels.js';

export const QUANTILE_LEVELS = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99] as const;
/** Hash-subsampling rate for approximate distinct counts: values whose hash ≡ 0 (mod K) are counted exactly. */
export const DISTINCT_SUBSAMPLE_MODULUS = 16;
/**
 * Below this many distinct values in the inference sample a column is taken as low-cardinality: its exact value
 * frequencies (hence its exact distinct count) come from one histogram aggregate, cheap at any size.
 */
const LOW_CARDINALITY_SAMPLE_DISTINCT = 1000;
/** Above the exact row limit, quantiles come from a uniform sample of about this many rows. */
export const QUANTILE_SAMPLE_SIZE = 65_536;
/**
 * Above the exact row limit: a pseudo-random, seeded sample of about QUANTILE_SAMPLE_SIZE rows (selected by a
 * hash of the row number, so the same file always gives the same sample) of every numeric column's position.
 * Quantiles (pass 1) and the MAD (pass 2) are computed exactly on it, here in JS: the sampled values come back
 * as plain columns of doubles, and sorting 65,536 of them takes a few milliseconds, while DuckDB runs each
 * holistic aggregate on one thread (≈ 0.15 s for the sample table, the quantiles and the MADs at 1M rows).
 * The `reservoir_quantile` aggregate is not used: combined across threads it keeps only part of the data (on a
 * file sorted by id it reported the median of 1..1,000,000 as 155,648).
 */
const SAMPLE_HASH_MODULUS = 1 << 30;

/**
 * DuckDB's quantile_cont on sorted values: position (n − 1)·p, linear interpolation lo·(1 − d) + hi·d between
 * its neighbours (the same formula, bit for bit: checked against DuckDB on thousands of random columns).
 */
export function interpolatedQuantile(sorted: Float64Array, p: number): number {
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  if (lower === upper) return sorted[lower]!;
  const d = position - lower;
  return sorted[lower]! * (1 - d) + sorted[upper]! * d;
}

/** Median absolute deviation from `median` of the sampled values, as quantile_cont(abs(x − median), 0.5). */
export function sampleMedianAbsoluteDeviation(sorted: Float64Array, median: number): number {
  const deviations = sorted.map((x) => Math.abs(x - median));
  // The two order statistics around the middle, by selection (no full sort), then the same interpolation.
  const position = (deviations.length - 1) * 0.5;
  const lower = Math.floor(position);
  const low = selectKth(deviations, lower);
  if (lower === Math.ceil(position)) return low;
  let high = Infinity;
  for (let i = lower + 1; i < deviations.length; i++) if (deviations[i]! < high) high = deviations[i]!;
  const d = position - lower;
  return low * (1 - d) + high * d;
}

/** k-th smallest value (0-based), partially reordering `values` so that every later element is ≥ it. */
function selectKth(values: Float64Array, k: number): number {
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

/** Sorted sampled positions of each numeric column, with the quantiles and MAD they give (empty: none sampled). */
interface ColumnSample {
  size: number;
  quantiles: number[];
  mad: number;
}

/** The sampled positions of every column that has them, as plain columns of doubles (NULLs left out later). */
async function fetchQuantileSample(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  rowCount: number,
): Promise<Map<number, unknown[]>> {
  const numericPlans = plans.filter((plan) => numericExpression(plan) !== null);
  const sampled = new Map<number, unknown[]>();
  if (numericPlans.length === 0) return sampled;
  const threshold = Math.ceil((QUANTILE_SAMPLE_SIZE / Math.max(1, rowCount)) * SAMPLE_HASH_MODULUS);
  const positions = numericPlans.map((plan) => numericExpression(plan)!).join(', ');
  const columns = await session.columns(
    `SELECT ${positions} FROM ${PROFILED_TABLE} WHERE hash(rowid + 42) % ${SAMPLE_HASH_MODULUS} < ${threshold}`,
  );
  numericPlans.forEach((plan, i) => sampled.set(plan.index, columns[i] ?? []));
  return sampled;
}

/** Sorting and selection in JS (≈ 15 ms a column): done while the engine runs pass 1. */
function summarizeSample(values: readonly unknown[]): ColumnSample {
  const sorted = Float64Array.from(values.filter((x): x is number => typeof x === 'number')).sort();
  if (sorted.length === 0) return { size: 0, quantiles: [], mad: 0 };
  const quantiles = QUANTILE_LEVELS.map((p) => interpolatedQuantile(sorted, p));
  return { size: sorted.length, quantiles, mad: sampleMedianAbsoluteDeviation(sorted, quantiles[QUANTILE_LEVELS.indexOf(0.5)]!) };
}

/**
 * Quantiles (and the MAD, for the distribution pass) of every numeric column from the sample; a column with no
 * value in the sample (a nearly empty column) gets exact quantiles over all its (few) values instead.
 */
async function applySampleQuantiles(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  facts: ColumnFacts[],
  samples: ReadonlyMap<number, ColumnSample>,
): Promise<void> {
  const missed: ColumnPlan[] = [];
  for (const plan of plans) {
    const numeric = facts[plan.index]!.numeric;
    const sample = samples.get(plan.index);
    if (!numeric || !sample) continue;
    numeric.quantilesSampleSize = sample.size;
    if (sample.size === 0) missed.push(plan);
    else {
      numeric.quantiles = sample.quantiles;
      numeric.sampleMad = sample.mad;
    }
  }
  if (missed.length === 0) return;
  const levels = `[${QUANTILE_LEVELS.join(', ')}]`;
  const exactQuery = new AggregateQuery();
  const exact = missed.map((plan) => ({ plan, q: exactQuery.add(`quantile_cont(${numericExpression(plan)!}, ${levels})`) }));
  const exactRow = await exactQuery.run(session, PROFILED_TABLE);
  for (const { plan, q } of exact) {
    const numeric = facts[plan.index]!.numeric!;
    numeric.quantiles = ((exactRow[q] as unknown[] | null) ?? []).map((value) => toNumber(value) ?? 0);
    numeric.quantilesSampleSize = null;
    // Computed on every value after all; the MAD and outliers then are too (see the distribution pass).
    numeric.quantilesApproximate = false;
  }
}

export interface DistinctEstimate {
  count: number;
  approximate: boolean;
  relativeStandardError: number | null;
}

export interface NumericFacts {
  min: number;
  max: number;
  mean: number | null;
  stdDev: number | null;
  skewness: number | null;
  kurtosis: number | null;
  quantiles: number[];
  quantilesApproximate: boolean;
  quantilesSampleSize: number | null;
  zeroCount: number;
  negativeCount: number;
  /** Above the exact row limit: the MAD of the quantile sample (absent when quantiles are exact). */
  sampleMad?: number;
}

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
}

export function numericExpression(plan: ColumnPlan): string | null {
  return numericPositionSql(plan.rule.valueType, valueColumn(plan.index));
}

/** SQL: is the unparsed text b{i} a real bad value (not a null token)? */
export function invalidValueSql(plan: ColumnPlan, nullTokens: readonly string[]): string {
  const b = badColumn(plan.index);
  return `(${b} IS NOT NULL AND ${nullTokenIndexSql(b, nullTokens)} IS NULL)`;
}

/** SQL: leading or trailing space/tab/newline, by prefix/suffix tests that allocate nothing (trim() copies). */
export function paddedSql(v: string): string {
  const sides = ['prefix', 'suffix'].flatMap((side) => ["' '", 'chr(9)', 'chr(10)', 'chr(13)'].map((ch) => `${side}(${v}, ${ch})`));
  return `(${sides.join(' OR ')})`;
}

export async function runColumnPass(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  rowCount: number,
  exact: boolean,
  nullTokens: readonly string[],
  onProgress: (percent: number) => void,
): Promise<ColumnFacts[]> {
  const shifts = await momentShifts(session, plans);
  const query = new AggregateQuery();
  const groups = new GroupCountQuery();
  const distincts = new DistinctCountQuery();
  const readers = plans.map((plan) => addColumnAggregates(query, groups, distincts, plan, exact, nullTokens, shifts.get(plan.index) ?? 0));
  // Above the exact row limit the quantile sample is fetched first and sorted in JS while pass 1 runs.
  const sampled = exact ? null : await fetchQuantileSample(session, plans, rowCount);
  const pending = query.run(session, PROFILED_TABLE, onProgress);
  pending.catch(() => {});
  const samples = new Map([...(sampled ?? new Map<number, unknown[]>())].map(([index, values]) => [index, summarizeSample(values)]));
  const row = await pending;
  const counts = await groups.run(session, PROFILED_TABLE);
  const distinctCounts = await distincts.run(session, PROFILED_TABLE);
  const facts = readers.map((read) => read(row, counts, distinctCounts));
  await countInvalidDistinct(session, plans, facts, nullTokens);
  if (!exact) await applySampleQuantiles(session, plans, facts, samples);
  return facts;
}

/** Rows at the head of the table whose values give each numeric column's moment shift (see momentShifts). */
const SHIFT_HEAD_ROWS = 2048;

/**
 * Skewness and kurtosis come from sums of powers of (x − c). DuckDB's own skewness()/kurtosis() sum raw powers
 * of x through pow() — slow (a fifth of pass 1) and, for values far from zero (epoch seconds), prone to
 * cancellation. Shifting by c, an actual value near the centre (the median of the first rows), gives the same
 * formulas better conditioned, and exactly zero spread for a constant column.
 */
async function momentShifts(session: DuckDBSession, plans: readonly ColumnPlan[]): Promise<Map<number, number>> {
  const query = new AggregateQuery();
  const pending = plans.flatMap((plan) => {
    const n = numericExpression(plan);
    return n ? [{ index: plan.index, alias: query.add(`quantile_disc(${n}, 0.5)`) }] : [];
  });
  const shifts = new Map<number, number>();
  if (pending.length === 0) return shifts;
  const row = await query.run(session, `(SELECT * FROM ${PROFILED_TABLE} LIMIT ${SHIFT_HEAD_ROWS})`);
  for (const { index, alias } of pending) shifts.set(index, toNumber(row[alias]) ?? 0);
  return shifts;
}

/** DuckDB's skewness() (adjusted Fisher–Pearson), from the count and the sums of d, d², d³ (d = x − c). */
export function skewnessFromSums(n: number, s1: number, s2: number, s3: number): number | null {
  if (n <= 2) return null;
  const temp = 1 / n;
  const div = Math.sqrt(Math.pow(temp * (s2 - s1 * s1 * temp), 3));
  if (!(div > 0)) return null;
  const temp1 = Math.sqrt(n * (n - 1)) / (n - 2);
  const result = (temp1 * temp * (s3 - 3 * s2 * s1 * temp + 2 * Math.pow(s1, 3) * temp * temp)) / div;
  return Number.isFinite(result) ? result : null;
}

/** DuckDB's kurtosis() (sample excess kurtosis, bias-corrected), from the count and the sums of d … d⁴. */
export function kurtosisFromSums(n: number, s1: number, s2: number, s3: number, s4: number): number | null {
  if (n <= 3) return null;
  const temp = 1 / n;
  const m2 = temp * (s2 - s1 * s1 * temp);
  if (!(m2 > 0)) return null;
  const m4 = temp * (s4 - 4 * s3 * s1 * temp + 6 * s2 * s1 * s1 * temp * temp - 3 * Math.pow(s1, 4) * Math.pow(temp, 3));
  const result = ((n - 1) * (((n + 1) * m4) / (m2 * m2) - 3 * (n - 1))) / ((n - 2) * (n - 3));
  return Number.isFinite(result) ? result : null;
}

/** SQL counting the rows where `condition` holds: sum of a cast is several times cheaper than count(*) FILTER. */
export function countWhereSql(condition: string): string {
  return `sum(CAST(${condition} AS INTEGER))`;
}

/**
 * Distinct bad values, only for the columns that have any: a DISTINCT aggregate is costly inside the wide
 * pass-1 query even when it sees no row, and here it reads just the (mostly NULL) unparsed-text columns.
 */
async function countInvalidDistinct(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  facts: ColumnFacts[],
  nullTokens: readonly string[],
): Promise<void> {
  const query = new AggregateQuery();
  const aliases = plans.map((plan) =>
    !isTextColumn(plan) && facts[plan.index]!.invalidCount > 0
      ? query.add(`count(DISTINCT ${badColumn(plan.index)}) FILTER (WHERE ${invalidValueSql(plan, nullTokens)})`)
      : null,
  );
  if (query.isEmpty) return;
  const row = await query.run(session, PROFILED_TABLE);
  plans.forEach((plan, i) => {
    const alias = aliases[i];
    if (alias) facts[plan.index]!.invalidDistinct = toCount(row[alias]);
  });
}

function addColumnAggregates(
  query: AggregateQuery,
  groups: GroupCountQuery,
  distincts: DistinctCountQuery,
  plan: ColumnPlan,
  exact: boolean,
  nullTokens: readonly string[],
  shift: number,
) {
  const v = valueColumn(plan.index);
  const b = badColumn(plan.index);
  const text = isTextColumn(plan);
  const n = numericExpression(plan);

  const valid = query.add(`count(${v})`);
  // Typed columns: null tokens hide among the unparsed values b (few rows); empty fields have neither v nor b.
  const unparsed = text ? null : query.add(`count(${b})`);
  const tokens = text
    ? groups.add(tokenColumn(plan.index), `${tokenColumn(plan.index)} IS NOT NULL`, 'number')
    : groups.add(nullTokenIndexSql(b, nullTokens), `${b} IS NOT NULL`, 'number');

  const lowCardinality = plan.sampleDistinct <= LOW_CARDINALITY_SAMPLE_DISTINCT;
  const exactDistinct = exact || lowCardinality;
  // DOUBLE keys stay JSON numbers so that they read exactly as before (String(number)); others as DuckDB renders them.
  const frequencies = lowCardinality ? groups.add(v, null, plan.rule.valueType === 'decimal' ? 'number' : 'text') : null;
  const distinct = lowCardinality
    ? null
    : distincts.add(v, exact ? null : `hash(${v}) % ${DISTINCT_SUBSAMPLE_MODULUS} = 0`);

  const extremes = n ? null : { min: query.add(`CAST(min(${v}) AS VARCHAR)`), max: query.add(`CAST(max(${v}) AS VARCHAR)`) };
  const d = `(${n} - ${numberLiteral(shift)})`;
  // Zero and negative counts are reported for numbers only (not for epoch positions of dates and times).
  const isNumber = plan.rule.valueType === 'integer' || plan.rule.valueType === 'decimal';
  const numeric = n
    ? {
        min: query.add(`min(${n})`),
        max: query.add(`max(${n})`),
        mean: query.add(`avg(${n})`),
        stdDev: query.add(`stddev_samp(${n})`),
        // Skewness and kurtosis from these four sums (see momentShifts); the count is the column's valid count.
        sums: [1, 2, 3, 4].map((power) => query.add(`sum(${Array(power).fill(d).join(' * ')})`)),
        // Above the exact row limit, from the quantile sample (applySampleQuantiles).
        quantiles: exact ? query.add(`quantile_cont(${n}, [${QUANTILE_LEVELS.join(', ')}])`) : null,
        zeros: isNumber ? query.add(countWhereSql(`${n} = 0`)) : null,
        negatives: isNumber ? query.add(countWhereSql(`${n} < 0`)) : null,
      }
    : null;

  const trueCount = plan.rule.valueType === 'boolean' ? query.add(countWhereSql(v)) : null;
  const lengths = text
    ? {
        min: query.add(`min(length(${v}))`),
        max: query.add(`max(length(${v}))`),
        mean: query.add(`avg(length(${v}))`),
        padded: query.add(countWhereSql(paddedSql(v))),
      }
    : null;
  const semantic = plan.semantic ? query.add(countWhereSql(semanticColumn(plan.index))) : null;

  return (row: Record<string, unknown>, counts: readonly KeyCount[][], distinctCounts: readonly number[]): ColumnFacts => {
    const valueCounts = frequencies === null ? null : counts[frequencies]!.map(({ key, count }) => ({ value: String(key), count }));
    const rawDistinct = valueCounts ? valueCounts.length : distinctCounts[distinct!]!;
    const estimated = exactDistinct ? rawDistinct : rawDistinct * DISTINCT_SUBSAMPLE_MODULUS;
    const validCount = toCount(row[valid]);
    const tokenCounts = new Map<number, number>();
    for (const { key, count } of counts[tokens]!) tokenCounts.set(toCount(key) - 1, count);
    const tokenTotal = [...tokenCounts.values()].reduce((sum, c) => sum + c, 0);
    const numericMin = numeric ? toNumber(row[numeric.min]) : null;
    const numericMax = numeric ? toNumber(row[numeric.max]) : null;
    const label = (x: number | null) => (x === null ? null : positionLabel(plan.rule.valueType, x));
    const sums = numeric ? numeric.sums.map((alias) => toNumber(row[alias]) ?? 0) : null;
    return {
      validCount,
      invalidCount: unparsed ? toCount(row[unparsed]) - tokenTotal : 0,
      tokenCounts,
      distinct: {
        // A subsample estimate can overshoot the number of values; cap it there.
        count: Math.min(estimated, validCount),
        approximate: !exactDistinct,
        relativeStandardError: exactDistinct ? null : Math.sqrt((DISTINCT_SUBSAMPLE_MODULUS - 1) / Math.max(1, estimated)),
      },
      frequencies: valueCounts,
      // Filled by countInvalidDistinct for the columns with bad values.
      invalidDistinct: 0,
      min: extremes ? ((row[extremes.min] as string | null) ?? null) : label(numericMin),
      max: extremes ? ((row[extremes.max] as string | null) ?? null) : label(numericMax),
      numeric:
        numeric && sums && numericMin !== null
          ? {
              min: numericMin,
              max: numericMax ?? numericMin,
              mean: toNumber(row[numeric.mean]),
              stdDev: toNumber(row[numeric.stdDev]),
              skewness: skewnessFromSums(validCount, sums[0]!, sums[1]!, sums[2]!),
              kurtosis: kurtosisFromSums(validCount, sums[0]!, sums[1]!, sums[2]!, sums[3]!),
              quantiles: numeric.quantiles ? ((row[numeric.quantiles] as unknown[] | null) ?? []).map((q) => toNumber(q) ?? 0) : [],
              quantilesApproximate: !exact,
              quantilesSampleSize: exact ? null : 0,
              zeroCount: numeric.zeros ? toCount(row[numeric.zeros]) : 0,
              negativeCount: numeric.negatives ? toCount(row[numeric.negatives]) : 0,
            }
          : null,
      trueCount: trueCount ? toCount(row[trueCount]) : null,
      lengths:
        lengths && validCount > 0
          ? { min: toCount(row[lengths.min]), max: toCount(row[lengths.max]), mean: toNumber(row[lengths.mean]) ?? 0 }
          : null,
      whitespaceCount: lengths ? toCount(row[lengths.padded]) : null,
      semanticMatchingCount: semantic ? toCount(row[semantic]) : null,
    };
  };
}
