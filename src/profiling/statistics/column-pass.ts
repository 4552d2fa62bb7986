/**
 * Pass 1 over the typed table: counts, missing tokens, parse failures, distinct counts, moments, quantiles,
 * lengths, whitespace and semantic conformity for every column. One GROUP BY query first counts each column's null
 * tokens and bad values, and the values of low-cardinality columns, whose statistics then all come from those
 * counts (tallied-columns.ts); one aggregate query covers the other columns, then one query their distinct counts.
 *
 * Each aggregate costs a few nanoseconds per row, so the pass computes only what cannot be derived: text
 * renderings of numeric extremes are made in JS, the mean and variance come from the moment sums, and row
 * examples come later from filtered queries (examples-pass.ts) instead of an aggregate over every row.
 */
import { listValue } from '@duckdb/node-api';
import type { DuckDBSession } from '../engine/duckdb-session.js';
import { toCount, toNumber } from '../engine/duckdb-session.js';
import { numberLiteral } from '../engine/sql.js';
import type { ColumnPlan } from '../inference/column-plan.js';
import { numericPositionSql } from '../inference/value-parsers.js';
import { AggregateQuery, DistinctCountQuery, GroupCountQuery, type KeyCount } from './aggregate-query.js';
import { countWhereSql, invalidValueSql, numericExpression, paddedSql, semanticSql, unitSql } from './column-sql.js';
import type { ColumnFacts, TallyEntry } from './facts.js';
import { kurtosisFromSums, meanAndStdDevFromSums, skewnessFromSums } from './moments.js';
import { QUANTILE_LEVELS, interpolatedQuantile, quantileAt, quantilesSql, sampleMedianAbsoluteDeviation, selectKth } from './quantiles.js';
import { QUANTILE_SAMPLE_SALT, VALUE_COUNTS_MAX_DISTINCT, hashedRowSampleSql } from './sampling.js';
import { tallyFacts, tallyOf } from './tallied-columns.js';
import { PROFILED_TABLE, badColumn, isTextColumn, nullTokenIndexSql, tokenColumn, valueColumn, valueSqlType } from './typed-table.js';
import { positionLabel } from './value-labels.js';
import { slice } from './progress-steps.js';

/** Hash-subsampling rate for approximate distinct counts: values whose hash ≡ 0 (mod K) are counted exactly. */
const DISTINCT_SUBSAMPLE_MODULUS = 16;
/**
 * Integer columns whose range (max − min + 1) is at most this many values get an exact distinct count at any size,
 * from one bit per possible value (bitstring_agg: 8 MB at most, ≈ 9 ms at 1M rows against ≈ 40 ms for a hash
 * aggregation); such a column's candidate-key check then needs no second look.
 */
const BITMAP_MAX_RANGE = 2n ** 26n;
/**
 * Above the exact row limit: a pseudo-random, seeded sample of about this many rows (hashedRowSampleSql) of every
 * numeric column's position. Quantiles (pass 1) and the MAD (pass 2) are computed exactly on it, here in JS: the
 * sampled values come back as plain columns of doubles, and sorting 65,536 of them takes a few milliseconds, while
 * DuckDB runs each holistic aggregate on one thread (≈ 0.15 s for the sample table, the quantiles and the MADs at
 * 1M rows). The `reservoir_quantile` aggregate is not used: combined across threads it keeps only part of the data
 * (on a file sorted by id it reported the median of 1..1,000,000 as 155,648).
 */
const QUANTILE_SAMPLE_SIZE = 65_536;

/** What a column's sampled positions give: their number, the quantiles and the MAD (size 0: none sampled). */
interface ColumnSample {
  size: number;
  quantiles: number[];
  mad: number;
}

/** The sampled positions of every numeric column, NULLs left out (a column with no sampled value: empty). */
async function fetchQuantileSample(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  rowCount: number,
): Promise<Map<number, Float64Array>> {
  const numericPlans = plans.filter((plan) => numericExpression(plan) !== null);
  const sampled = new Map<number, Float64Array>();
  if (numericPlans.length === 0) return sampled;
  const positions = numericPlans.map((plan) => numericExpression(plan)!).join(', ');
  const columns = await session.columns(
    `SELECT ${positions} FROM ${PROFILED_TABLE} WHERE ${hashedRowSampleSql(QUANTILE_SAMPLE_SIZE, rowCount, QUANTILE_SAMPLE_SALT)}`,
  );
  numericPlans.forEach((plan, i) => {
    sampled.set(plan.index, Float64Array.from((columns[i] ?? []).filter((x): x is number => typeof x === 'number')));
  });
  return sampled;
}

/** Sorting in JS (a few ms a column), in place: done while the engine runs pass 1. */
function summarizeSample(values: Float64Array): ColumnSample {
  const sorted = values.sort();
  if (sorted.length === 0) return { size: 0, quantiles: [], mad: 0 };
  const quantiles = QUANTILE_LEVELS.map((p) => interpolatedQuantile(sorted, p));
  return { size: sorted.length, quantiles, mad: sampleMedianAbsoluteDeviation(sorted, quantileAt(quantiles, 0.5)!) };
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
  const exactQuery = new AggregateQuery();
  const exact = missed.map((plan) => ({ plan, q: exactQuery.add(quantilesSql(numericExpression(plan)!)) }));
  const exactRow = await exactQuery.run(session, PROFILED_TABLE);
  for (const { plan, q } of exact) {
    const numeric = facts[plan.index]!.numeric!;
    numeric.quantiles = ((exactRow[q] as unknown[] | null) ?? []).map((value) => toNumber(value) ?? 0);
    numeric.quantilesSampleSize = null;
    // Computed on every value after all; the MAD and outliers then are too (see the distribution pass).
    numeric.quantilesApproximate = false;
  }
}

export async function runColumnPass(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  rowCount: number,
  exact: boolean,
  onProgress: (percent: number) => void,
): Promise<ColumnFacts[]> {
  // Counts per key first: the value tallies of the columns the inference sample found low-cardinality, which then
  // need no pass-1 scan (tallied-columns.ts). Null tokens and bad values are counted by pass 1 (addTokenPresence).
  const groups = new GroupCountQuery();
  // Low-cardinality columns: at most half of VALUE_COUNTS_MAX_DISTINCT distinct values estimated from the inference
  // sample (ColumnPlan.estimatedDistinct), a margin for the estimate. Their exact value counts come from one GROUP BY,
  // cheap at any size, and give all of their statistics (tallied-columns.ts).
  const frequencyGroups = plans.map((plan) =>
    plan.estimatedDistinct <= VALUE_COUNTS_MAX_DISTINCT / 2
      ? // DOUBLE keys stay JSON numbers so that they read as before (String(number)); others as DuckDB renders them.
        groups.add({
          key: valueColumn(plan),
          type: valueSqlType(plan.rule.valueType),
          where: null,
          render: plan.rule.valueType === 'decimal' ? 'number' : 'text',
          position: numericPositionSql(plan.rule.valueType, 'k'),
        })
      : null,
  );
  // The slices are the steps' shares of the pass' time on large files.
  const counts = await groups.run(session, PROFILED_TABLE, slice(onProgress, 0, 35));
  onProgress(35);
  const frequencies = plans.map((_, i) => (frequencyGroups[i] === null ? null : counts[frequencyGroups[i]!]!));
  const tallies = plans.map((plan, i) => (frequencies[i] ? tallyOf(plan, frequencies[i]!, numericExpression(plan) !== null) : null));

  const scanned = plans.filter((plan) => tallies[plan.index] === null);
  // Above the exact row limit the quantile sample is fetched first: it gives the moment shifts, and it is sorted in
  // JS while pass 1 runs.
  const sampled = exact ? null : await fetchQuantileSample(session, scanned, rowCount);
  const shifts = await momentShifts(session, scanned, rowCount, sampled);
  onProgress(45);
  const matches = await countTalliedMatches(session, plans, tallies);
  const query = new AggregateQuery();
  const presence = addTokenPresence(query, plans);
  const readers = plans.map((plan, i) =>
    tallies[i]
      ? talliedReader(plan, tallies[i]!, matches.get(plan.index) ?? { semantic: null, unit: null })
      : addColumnAggregates(query, plan, exact, shifts.get(plan.index) ?? 0, frequencies[i]!),
  );
  const pending = query.run(session, PROFILED_TABLE, slice(onProgress, 45, 90));
  pending.catch(() => {});
  const samples = new Map([...(sampled ?? new Map<number, Float64Array>())].map(([index, values]) => [index, summarizeSample(values)]));
  const row = await pending;
  onProgress(90);
  const read = readers.map((reader) => reader(row));
  const facts = read.map((r) => r.facts);
  const tokens = await countTokens(session, plans, presence(row), facts, rowCount);
  facts.forEach((f, i) => {
    Object.assign(f, tokens[i]!);
  });
  await countDistinctValues(session, plans, read, exact);
  await countInvalidDistinct(session, plans, facts);
  onProgress(97);
  if (!exact) await applySampleQuantiles(session, plans, facts, samples);
  onProgress(100);
  return facts;
}

type TokenFacts = Pick<ColumnFacts, 'tokenCounts' | 'invalidCount'>;

const NO_TOKENS = (): TokenFacts => ({ tokenCounts: new Map(), invalidCount: 0 });

/**
 * Which columns have null tokens other than '' (text) or unparsed text (typed), from pass 1's scan: per column
 * max(t) and count(b), or, packed (typed-table.ts), one aggregate per list of tokens or unparsed text, which then
 * answers for all the list's columns (a wide file's 1,400 aggregates become 40).
 */
function addTokenPresence(query: AggregateQuery, plans: readonly ColumnPlan[]): (row: Record<string, unknown>) => boolean[] {
  const aliases = new Map<string, string>();
  const presenceOf = (plan: ColumnPlan): { alias: string; token: boolean } => {
    const text = isTextColumn(plan);
    const slot = text ? plan.storage?.token : plan.storage?.bad;
    const sql = slot
      ? text
        ? `max(list_max(l${slot.list}))`
        : `count(l${slot.list})`
      : text
        ? `max(${tokenColumn(plan)})`
        : `count(${badColumn(plan)})`;
    let alias = aliases.get(sql);
    if (alias === undefined) {
      alias = query.add(sql);
      aliases.set(sql, alias);
    }
    return { alias, token: text };
  };
  const presence = plans.map(presenceOf);
  // Text: a token besides '' (index 1); typed: any unparsed text.
  return (row) => presence.map(({ alias, token }) => (token ? toCount(row[alias]) > 1 : toCount(row[alias]) > 0));
}

/**
 * Null tokens and bad values of every column. Most columns have none but empty cells, which a text column has
 * wherever it has no value (its valid count is known); the columns with other tokens or unparsed text get their
 * counts per token from a GROUP BY each (on a 1,000-column file, a GROUP BY for every column cost a scan of
 * 100 million mostly-NULL keys).
 */
async function countTokens(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  present: readonly boolean[],
  facts: readonly ColumnFacts[],
  rowCount: number,
): Promise<TokenFacts[]> {
  const detail = new GroupCountQuery();
  const branches = plans.map((plan, i) => {
    if (!present[i]) return null;
    return isTextColumn(plan)
      ? detail.add({ key: tokenColumn(plan), type: 'INTEGER', where: `${tokenColumn(plan)} IS NOT NULL`, render: 'number' })
      : // Key 0: text that is no null token, a bad value.
        detail.add({
          key: `coalesce(${nullTokenIndexSql(badColumn(plan), plan.nullTokens)}, 0)`,
          type: 'INTEGER',
          where: `${badColumn(plan)} IS NOT NULL`,
          render: 'number',
        });
  });
  const counts = await detail.run(session, PROFILED_TABLE);
  return plans.map((plan, i) => {
    const branch = branches[i];
    if (branch !== null && branch !== undefined) return tokenFacts(counts[branch]!);
    // A text cell without a value holds a token (t{i} is set exactly where v{i} is not); here only '' (token 1).
    const empty = isTextColumn(plan) ? rowCount - facts[i]!.validCount : 0;
    return { tokenCounts: new Map(empty > 0 ? [[0, empty]] : []), invalidCount: 0 };
  });
}

/** Null tokens (key k: token k − 1) and bad values (key 0) of one column, from its token counts. */
function tokenFacts(counts: readonly KeyCount[]): TokenFacts {
  const tokenCounts = new Map<number, number>();
  let invalidCount = 0;
  for (const { key, count } of counts) {
    const k = toCount(key);
    if (k === 0) invalidCount += count;
    else tokenCounts.set(k - 1, count);
  }
  return { tokenCounts, invalidCount };
}

type MatchCounts = { semantic: number | null; unit: number | null };

/**
 * Semantic and unit matches of the tallied columns, from their distinct values: each value tested once (one small
 * query, the values as parameters) and counted as often as it occurs, instead of a regex on every row (a
 * percentage column with a unit: ≈ 0.13 s CPU of the load at 1M rows).
 */
async function countTalliedMatches(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  tallies: readonly (readonly TallyEntry[] | null)[],
): Promise<Map<number, MatchCounts>> {
  const tests: { index: number; kind: keyof MatchCounts; entries: readonly TallyEntry[] }[] = [];
  for (const plan of plans) {
    const entries = tallies[plan.index];
    if (!entries) continue;
    if (plan.semantic) tests.push({ index: plan.index, kind: 'semantic', entries });
    if (plan.unit) tests.push({ index: plan.index, kind: 'unit', entries });
  }
  const counts = new Map<number, MatchCounts>();
  if (tests.length === 0) return counts;
  // The values are user data: parameters, never SQL text.
  const select = tests.map(({ index, kind }, i) => {
    const plan = plans[index]!;
    return `list_transform($${i + 1}::VARCHAR[], lambda x: ${kind === 'semantic' ? semanticSql(plan, 'x') : unitSql(plan, 'x')}) AS m${i}`;
  });
  const row = await session.one(
    `SELECT ${select.join(', ')}`,
    tests.map(({ entries }) => listValue(entries.map((e) => e.value))),
  );
  tests.forEach(({ index, kind, entries }, i) => {
    const matched = (row[`m${i}`] as (boolean | null)[] | null) ?? [];
    const count = entries.reduce((sum, e, j) => sum + (matched[j] === true ? e.count : 0), 0);
    const column = counts.get(index) ?? { semantic: null, unit: null };
    column[kind] = count;
    counts.set(index, column);
  });
  return counts;
}

/** A tallied column's pass-1 facts: all from its value counts (semantic and unit matches: countTalliedMatches). */
function talliedReader(plan: ColumnPlan, tally: readonly TallyEntry[], matches: MatchCounts) {
  return (_row: Record<string, unknown>): ColumnRead => ({
    facts: tallyFacts(plan, tally, {
      // Set by countTokens, once pass 1 has counted them.
      ...NO_TOKENS(),
      semanticMatchingCount: plan.semantic ? (matches.semantic ?? 0) : null,
      unitCount: plan.unit ? (matches.unit ?? 0) : null,
    }),
    integerBounds: null,
  });
}

/** Rows of the hashed sample that give each numeric column's moment shift at or below the exact row limit. */
const SHIFT_SAMPLE_ROWS = 4096;

/**
 * Mean, variance, skewness and kurtosis all come from sums of powers of d = x − c (one pass, four sums, no
 * avg()/stddev_samp()/skewness()/kurtosis() beside them: DuckDB's skewness and kurtosis sum raw powers of x
 * through pow(), slow and, for values far from zero such as epoch seconds, prone to cancellation). The shift c is
 * the median of a pseudo-random sample spread over the whole table, so d is centred and the sums well conditioned
 * even for a sorted file; a constant column gets exactly zero spread.
 *
 * Above the exact row limit the quantile sample (already fetched) gives c; otherwise a small hashed sample. A
 * column with no value in the sample (nearly empty) takes the median of the table's first rows.
 */
async function momentShifts(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  rowCount: number,
  quantileSample: ReadonlyMap<number, Float64Array> | null,
): Promise<Map<number, number>> {
  const numericPlans = plans.filter((plan) => numericExpression(plan) !== null);
  const shifts = new Map<number, number>();
  if (quantileSample) {
    for (const plan of numericPlans) {
      // Selection reorders the sample in place, which its later sort does not mind.
      const values = quantileSample.get(plan.index);
      if (values && values.length > 0) shifts.set(plan.index, selectKth(values, (values.length - 1) >> 1));
    }
  } else {
    await medianShifts(
      session,
      numericPlans,
      `${PROFILED_TABLE} WHERE ${hashedRowSampleSql(SHIFT_SAMPLE_ROWS, rowCount, QUANTILE_SAMPLE_SALT)}`,
      shifts,
    );
  }
  const unsampled = numericPlans.filter((plan) => !shifts.has(plan.index));
  if (unsampled.length > 0) await medianShifts(session, unsampled, `(SELECT * FROM ${PROFILED_TABLE} LIMIT ${SHIFT_SAMPLE_ROWS})`, shifts);
  return shifts;
}

async function medianShifts(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  from: string,
  shifts: Map<number, number>,
): Promise<void> {
  if (plans.length === 0) return;
  const query = new AggregateQuery();
  const pending = plans.map((plan) => ({ index: plan.index, alias: query.add(`quantile_disc(${numericExpression(plan)!}, 0.5)`) }));
  const row = await query.run(session, from);
  for (const { index, alias } of pending) {
    const median = toNumber(row[alias]);
    if (median !== null) shifts.set(index, median);
  }
}

/** What pass 1 read for one column, and what its distinct count still needs. */
interface ColumnRead {
  facts: ColumnFacts;
  /** Exact extremes of an integer column (BIGINT, beyond 2^53 too). */
  integerBounds: { min: bigint; max: bigint } | null;
}

/**
 * Distinct counts of the columns whose exact frequencies pass 1 did not take: a bitmap for integer columns of a
 * bounded range (exact at any size), otherwise one GROUP BY per column, over every value at or below the exact row
 * limit and over a hash subsample above it.
 */
async function countDistinctValues(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  read: readonly ColumnRead[],
  exact: boolean,
): Promise<void> {
  const distincts = new DistinctCountQuery();
  const pending = plans.flatMap((plan, i) => {
    const { facts, integerBounds } = read[i]!;
    if (facts.frequencies !== null) return [];
    const v = valueColumn(plan);
    if (integerBounds && integerBounds.max - integerBounds.min < BITMAP_MAX_RANGE) {
      return [{ facts, approximate: false, branch: distincts.addBitmap(v, integerBounds.min, integerBounds.max) }];
    }
    // Dates have few distinct values (days) and a small integer key: exact, and cheap, at any size.
    const approximate = !exact && plan.rule.valueType !== 'date';
    const modulus = approximate ? DISTINCT_SUBSAMPLE_MODULUS : null;
    const expected = approximate ? facts.validCount / DISTINCT_SUBSAMPLE_MODULUS : facts.validCount;
    return [{ facts, approximate, branch: distincts.add(v, valueSqlType(plan.rule.valueType), modulus, expected) }];
  });
  const counts = await distincts.run(session, PROFILED_TABLE);
  for (const { facts, approximate, branch } of pending) {
    const { distinct: counted, rows } = counts[branch]!;
    const estimate = approximate ? counted * DISTINCT_SUBSAMPLE_MODULUS : counted;
    facts.distinct = {
      // A subsample estimate can overshoot the number of values; cap it there.
      count: Math.min(estimate, facts.validCount),
      approximate,
      relativeStandardError: approximate ? Math.sqrt((DISTINCT_SUBSAMPLE_MODULUS - 1) / Math.max(1, estimate)) : null,
      // Equal values hash alike, so a value that occurs twice falls into the subsample twice or not at all.
      ...(approximate && rows !== null && rows > counted ? { duplicatesSeen: true } : {}),
    };
  }
}

/**
 * Distinct bad values, only for the columns that have any: a DISTINCT aggregate is costly inside the wide
 * pass-1 query even when it sees no row, and here it reads just the (mostly NULL) unparsed-text columns.
 */
async function countInvalidDistinct(session: DuckDBSession, plans: readonly ColumnPlan[], facts: ColumnFacts[]): Promise<void> {
  const query = new AggregateQuery();
  const aliases = plans.map((plan) =>
    !isTextColumn(plan) && facts[plan.index]!.invalidCount > 0
      ? query.add(`count(DISTINCT ${badColumn(plan)}) FILTER (WHERE ${invalidValueSql(plan)})`)
      : null,
  );
  if (query.isEmpty) return;
  const row = await query.run(session, PROFILED_TABLE);
  plans.forEach((plan, i) => {
    const alias = aliases[i];
    if (alias) facts[plan.index]!.invalidDistinct = toCount(row[alias]);
  });
}

/** Pass-1 aggregates of a column the table is scanned for; `frequencies`: its value counts when it has them. */
function addColumnAggregates(
  query: AggregateQuery,
  plan: ColumnPlan,
  exact: boolean,
  shift: number,
  frequencies: readonly KeyCount[] | null,
) {
  const v = valueColumn(plan);
  const text = isTextColumn(plan);
  const n = numericExpression(plan);

  const valid = query.add(`count(${v})`);

  const extremes = n ? null : { min: query.add(`CAST(min(${v}) AS VARCHAR)`), max: query.add(`CAST(max(${v}) AS VARCHAR)`) };
  const d = `(${n} - ${numberLiteral(shift)})`;
  // Zero and negative counts are reported for numbers only (not for epoch positions of dates and times).
  const isNumber = plan.rule.valueType === 'integer' || plan.rule.valueType === 'decimal';
  // Numbers' extremes from the typed column itself: exact for BIGINT (the distinct bitmap's bounds), and no cast.
  const isInteger = plan.rule.valueType === 'integer';
  const extremeOf = (aggregate: 'min' | 'max') => query.add(isNumber ? `${aggregate}(${v})` : `${aggregate}(${n})`);
  const numeric = n
    ? {
        min: extremeOf('min'),
        max: extremeOf('max'),
        // Every moment from these four sums (see momentShifts); the count is the column's valid count. The mean and
        // standard deviation come from compensated (Kahan) sums: the standard deviation of 1..1,000,000 is within
        // 4e-15 of the exact value, as stddev_samp's was, where plain sums were off by 3e-12. Skewness and kurtosis
        // keep plain sums (fsum costs ≈ 1.7× sum), whose error there is far below what those figures can show.
        sums: [1, 2, 3, 4].map((power) => query.add(`${power <= 2 ? 'fsum' : 'sum'}(${Array(power).fill(d).join(' * ')})`)),
        // Above the exact row limit, from the quantile sample (applySampleQuantiles).
        quantiles: exact ? query.add(quantilesSql(n)) : null,
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
  const semantic = plan.semantic ? query.add(countWhereSql(semanticSql(plan))) : null;
  const unit = plan.unit ? query.add(countWhereSql(unitSql(plan))) : null;

  return (row: Record<string, unknown>): ColumnRead => {
    const valueCounts = frequencies === null ? null : frequencies.map(({ key, count }) => ({ value: String(key), count }));
    const validCount = toCount(row[valid]);
    const numericMin = numeric ? toNumber(row[numeric.min]) : null;
    const numericMax = numeric ? toNumber(row[numeric.max]) : null;
    const label = (x: number | null) => (x === null ? null : positionLabel(plan.rule.valueType, x));
    const sums = numeric ? numeric.sums.map((alias) => toNumber(row[alias]) ?? 0) : null;
    const rawExtreme = (alias: string | undefined) => (alias === undefined ? null : (row[alias] as string | number | null));
    const integerBounds =
      isInteger && numeric && rawExtreme(numeric.min) !== null
        ? { min: BigInt(rawExtreme(numeric.min)!), max: BigInt(rawExtreme(numeric.max)!) }
        : null;
    const facts: ColumnFacts = {
      validCount,
      // Set by countTokens, once pass 1 has counted them.
      ...NO_TOKENS(),
      // Low-cardinality columns: exact, from their frequencies; the others are counted by countDistinctValues.
      distinct: { count: valueCounts ? valueCounts.length : 0, approximate: false, relativeStandardError: null },
      frequencies: valueCounts,
      // Filled by countInvalidDistinct for the columns with bad values.
      invalidDistinct: 0,
      min: extremes ? ((row[extremes.min] as string | null) ?? null) : integerBounds ? String(integerBounds.min) : label(numericMin),
      max: extremes ? ((row[extremes.max] as string | null) ?? null) : integerBounds ? String(integerBounds.max) : label(numericMax),
      numeric:
        numeric && sums && numericMin !== null
          ? {
              min: numericMin,
              max: numericMax ?? numericMin,
              ...meanAndStdDevFromSums(validCount, shift, sums[0]!, sums[1]!),
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
      unitCount: unit ? toCount(row[unit]) : null,
    };
    return { facts, integerBounds };
  };
}
