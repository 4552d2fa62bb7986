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
import { AggregateQuery } from './aggregate-query.js';
import type { ValueCount } from './frequency-summary.js';
import { parseMap } from './row-values.js';
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
 * hash of the row number, so the same file always gives the same sample) holding every numeric column's
 * position x{i}. Quantiles (pass 1) and the MAD (pass 2) are computed exactly on it. The `reservoir_quantile`
 * aggregate is not used: combined across threads it keeps only part of the data (on a file sorted by id it
 * reported the median of 1..1,000,000 as 155,648).
 */
export const QUANTILE_SAMPLE_TABLE = 'quantile_sample';
export const sampleColumn = (index: number) => `x${index}`;
const SAMPLE_HASH_MODULUS = 1 << 30;

async function createQuantileSample(session: DuckDBSession, plans: readonly ColumnPlan[], rowCount: number): Promise<void> {
  const columns = plans.flatMap((plan) => {
    const n = numericExpression(plan);
    return n ? [`${n} AS ${sampleColumn(plan.index)}`] : [];
  });
  if (columns.length === 0) return;
  const threshold = Math.ceil((QUANTILE_SAMPLE_SIZE / Math.max(1, rowCount)) * SAMPLE_HASH_MODULUS);
  await session.run(
    `CREATE OR REPLACE TEMP TABLE ${QUANTILE_SAMPLE_TABLE} AS SELECT ${columns.join(', ')} FROM ${PROFILED_TABLE} WHERE hash(rowid + 42) % ${SAMPLE_HASH_MODULUS} < ${threshold}`,
  );
}

export async function dropQuantileSample(session: DuckDBSession): Promise<void> {
  await session.run(`DROP TABLE IF EXISTS ${QUANTILE_SAMPLE_TABLE}`);
}

/**
 * Quantiles of every numeric column from the sample; a column with no value in the sample (a nearly empty
 * column) gets exact quantiles over all its (few) values instead.
 */
async function sampleQuantiles(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  facts: ColumnFacts[],
  rowCount: number,
): Promise<void> {
  const numericPlans = plans.filter((plan) => facts[plan.index]!.numeric !== null);
  if (numericPlans.length === 0) return;
  await createQuantileSample(session, plans, rowCount);
  const levels = `[${QUANTILE_LEVELS.join(', ')}]`;
  const fromSample = new AggregateQuery();
  const sampled = numericPlans.map((plan) => {
    const x = sampleColumn(plan.index);
    return { plan, q: fromSample.add(`quantile_cont(${x}, ${levels})`), n: fromSample.add(`count(${x})`) };
  });
  const row = await fromSample.run(session, QUANTILE_SAMPLE_TABLE);
  const missed: ColumnPlan[] = [];
  for (const { plan, q, n } of sampled) {
    const numeric = facts[plan.index]!.numeric!;
    numeric.quantilesSampleSize = toCount(row[n]);
    if (numeric.quantilesSampleSize === 0) missed.push(plan);
    else numeric.quantiles = ((row[q] as unknown[] | null) ?? []).map((value) => toNumber(value) ?? 0);
  }
  if (missed.length === 0) return;
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
  const query = new AggregateQuery();
  const readers = plans.map((plan) => addColumnAggregates(query, plan, exact, nullTokens));
  const row = await query.run(session, PROFILED_TABLE, onProgress);
  const facts = readers.map((read) => read(row));
  await countInvalidDistinct(session, plans, facts, nullTokens);
  if (!exact) await sampleQuantiles(session, plans, facts, rowCount);
  return facts;
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

function addColumnAggregates(query: AggregateQuery, plan: ColumnPlan, exact: boolean, nullTokens: readonly string[]) {
  const v = valueColumn(plan.index);
  const b = badColumn(plan.index);
  const text = isTextColumn(plan);
  const n = numericExpression(plan);

  const valid = query.add(`count(${v})`);
  // Typed columns: null tokens hide among the unparsed values b (few rows); empty fields have neither v nor b.
  const unparsed = text ? null : query.add(`count(${b})`);
  const tokens = text
    ? query.add(`histogram(${tokenColumn(plan.index)})`)
    : query.add(`histogram(${nullTokenIndexSql(b, nullTokens)}) FILTER (WHERE ${b} IS NOT NULL)`);

  const lowCardinality = plan.sampleDistinct <= LOW_CARDINALITY_SAMPLE_DISTINCT;
  const exactDistinct = exact || lowCardinality;
  const frequencies = lowCardinality ? query.add(`histogram(${v})`) : null;
  const distinct = lowCardinality
    ? null
    : exact
      ? query.add(`count(DISTINCT ${v})`)
      : query.add(`count(DISTINCT ${v}) FILTER (WHERE hash(${v}) % ${DISTINCT_SUBSAMPLE_MODULUS} = 0)`);

  const extremes = n ? null : { min: query.add(`CAST(min(${v}) AS VARCHAR)`), max: query.add(`CAST(max(${v}) AS VARCHAR)`) };
  const numeric = n
    ? {
        min: query.add(`min(${n})`),
        max: query.add(`max(${n})`),
        mean: query.add(`avg(${n})`),
        stdDev: query.add(`stddev_samp(${n})`),
        skewness: query.add(`skewness(${n})`),
        kurtosis: query.add(`kurtosis(${n})`),
        // Above the exact row limit, from the quantile sample (sampleQuantiles).
        quantiles: exact ? query.add(`quantile_cont(${n}, [${QUANTILE_LEVELS.join(', ')}])`) : null,
        signs: query.add(`histogram(sign(${n}))`),
      }
    : null;

  const trueCount = plan.rule.valueType === 'boolean' ? query.add(`count(*) FILTER (WHERE ${v})`) : null;
  const lengths = text
    ? {
        min: query.add(`min(length(${v}))`),
        max: query.add(`max(length(${v}))`),
        mean: query.add(`avg(length(${v}))`),
        padded: query.add(`count(*) FILTER (WHERE ${paddedSql(v)})`),
      }
    : null;
  const semantic = plan.semantic ? query.add(`count(*) FILTER (WHERE ${semanticColumn(plan.index)})`) : null;

  return (row: Record<string, unknown>): ColumnFacts => {
    const valueCounts = frequencies
      ? parseMap(row[frequencies]).map(({ key, count }) => ({ value: String(key), count }))
      : null;
    const rawDistinct = valueCounts ? valueCounts.length : toCount(row[distinct!]);
    const estimated = exactDistinct ? rawDistinct : rawDistinct * DISTINCT_SUBSAMPLE_MODULUS;
    const validCount = toCount(row[valid]);
    const tokenCounts = new Map<number, number>();
    for (const { key, count } of parseMap(row[tokens])) tokenCounts.set(toCount(key) - 1, count);
    const tokenTotal = [...tokenCounts.values()].reduce((sum, c) => sum + c, 0);
    const numericMin = numeric ? toNumber(row[numeric.min]) : null;
    const numericMax = numeric ? toNumber(row[numeric.max]) : null;
    const signs = new Map(numeric ? parseMap(row[numeric.signs]).map(({ key, count }) => [toNumber(key), count]) : []);
    const label = (x: number | null) => (x === null ? null : positionLabel(plan.rule.valueType, x));
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
        numeric && numericMin !== null
          ? {
              min: numericMin,
              max: numericMax ?? numericMin,
              mean: toNumber(row[numeric.mean]),
              stdDev: toNumber(row[numeric.stdDev]),
              skewness: toNumber(row[numeric.skewness]),
              kurtosis: toNumber(row[numeric.kurtosis]),
              quantiles: numeric.quantiles ? ((row[numeric.quantiles] as unknown[] | null) ?? []).map((q) => toNumber(q) ?? 0) : [],
              quantilesApproximate: !exact,
              quantilesSampleSize: exact ? null : 0,
              zeroCount: signs.get(0) ?? 0,
              negativeCount: signs.get(-1) ?? 0,
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
