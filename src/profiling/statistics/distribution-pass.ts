/**
 * Pass 2 (needs pass 1's bounds): histograms, IQR outliers, the median absolute deviation, exact value
 * frequencies of low-cardinality columns and Pearson correlations; at or below the exact row limit, a short
 * pass 3 for robust-z outliers, which needs the exact MAD (above it the MAD comes from the sample first).
 */
import type { DuckDBSession } from '../engine/duckdb-session.js';
import { toCount, toNumber } from '../engine/duckdb-session.js';
import { numberLiteral } from '../engine/sql.js';
import type { ColumnPlan } from '../inference/column-plan.js';
import { AggregateQuery, GroupCountQuery, type KeyCount } from './aggregate-query.js';
import { countWhereSql, numericExpression } from './column-sql.js';
import { binLayout, iqrFences, outsideFencesSql, outsideRobustZSql, robustZBounds, type BinLayout } from './distribution-rules.js';
import type { ColumnFacts, DistributionFacts, OutlierFacts, PearsonFacts } from './facts.js';
import { quartiles } from './quantiles.js';
import { VALUE_COUNTS_MAX_DISTINCT } from './sampling.js';
import { tallyDistribution } from './tallied-columns.js';
import { PROFILED_TABLE, valueColumn, valueSqlType } from './typed-table.js';
import { slice } from './progress-steps.js';

export async function runDistributionPass(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  facts: readonly ColumnFacts[],
  pearsonColumns: readonly number[],
  options: { exact: boolean; histogramBins: number },
  onProgress: (percent: number) => void,
): Promise<{ columns: DistributionFacts[]; pearson: PearsonFacts[] }> {
  // Above the exact row limit the MAD comes from the quantile sample, before this pass, so that the robust-z
  // counts join this pass instead of needing a third one.
  const sampleMads = options.exact ? new Map<number, number>() : sampleMedianAbsoluteDeviations(plans, facts);
  // Counts per histogram bin × outlier class, and exact value frequencies, come from GROUP BY queries; the
  // aggregates that are not counts (correlations, the exact MAD) from one aggregate query.
  const query = new AggregateQuery();
  const groups = new GroupCountQuery();
  const readers = plans.map((plan, i) => {
    const columnFacts = facts[i]!;
    // Tallied columns (few distinct values) get all of this from their value counts, exactly, without a scan.
    if (columnFacts.tally) return () => tallyDistribution(plan, columnFacts, options.histogramBins);
    return addDistributionAggregates(query, groups, plan, columnFacts, sampleMads.get(i) ?? null, options);
  });
  const pearsonReaders = pearsonPairs(pearsonColumns).map(([a, b]) => {
    const x = numericExpression(plans[a]!)!;
    const y = numericExpression(plans[b]!)!;
    const r = query.add(`corr(${x}, ${y})`);
    const n = query.add(`regr_count(${x}, ${y})`);
    return (row: Record<string, unknown>): PearsonFacts | null => {
      const coefficient = toNumber(row[r]);
      return coefficient === null ? null : { a, b, coefficient, n: toCount(row[n]) };
    };
  });
  const counts = await groups.run(session, PROFILED_TABLE, slice(onProgress, 0, 60));
  onProgress(60);
  const row = await query.run(session, PROFILED_TABLE, slice(onProgress, 60, 90));
  onProgress(90);
  const columns = readers.map((read) => read(row, counts));
  const pearson = pearsonReaders.map((read) => read(row)).filter((p): p is PearsonFacts => p !== null);
  await runRobustZPass(session, plans, columns);
  return { columns, pearson };
}

function pearsonPairs(columns: readonly number[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < columns.length; i++) for (let j = i + 1; j < columns.length; j++) pairs.push([columns[i]!, columns[j]!]);
  return pairs;
}

/**
 * One GROUP BY key per numeric value: bin × 8 + fence class × 2 + beyond the robust-z bounds, so that a single
 * hash aggregation over a few dozen groups counts the histogram, both IQR fences and the robust-z outliers.
 */
const BIN_STRIDE = 8;
const FENCE_STRIDE = 2;

function addDistributionAggregates(
  query: AggregateQuery,
  groups: GroupCountQuery,
  plan: ColumnPlan,
  facts: ColumnFacts,
  sampleMad: number | null,
  options: { exact: boolean; histogramBins: number },
) {
  const v = valueColumn(plan);
  const n = numericExpression(plan);
  const numeric = facts.numeric;

  // A column pass 1 took no value counts for (its estimate was too high) but that has few values after all gets
  // exact frequencies here, by a GROUP BY (see VALUE_COUNTS_MAX_DISTINCT).
  const frequencies =
    facts.frequencies === null && facts.distinct.count <= VALUE_COUNTS_MAX_DISTINCT && facts.validCount > 0
      ? groups.add({
          key: v,
          type: valueSqlType(plan.rule.valueType),
          where: null,
          render: plan.rule.valueType === 'decimal' ? 'number' : 'text',
        })
      : null;

  let classes: { layout: BinLayout; group: number } | null = null;
  let outliers: { q1: number; q3: number; median: number; mad: string | null; robustZ: boolean } | null = null;
  if (n && numeric) {
    const layout = binLayout(numeric.min, numeric.max, options.histogramBins, plan.rule.valueType);
    const binIndex =
      layout.width === 0
        ? '0'
        : `least(CAST(floor((${n} - ${numberLiteral(layout.lower)}) / ${numberLiteral(layout.width)}) AS INTEGER), ${layout.count - 1})`;
    const { q1, median, q3 } = quartiles(numeric.quantiles);
    // Beyond the 3x fence (2), the 1.5x fence only (1) or inside (0); and beyond the robust-z bounds (1) or not.
    // Above the exact row limit the MAD comes from the quantile sample (sampleMedianAbsoluteDeviations), so
    // robust-z outliers are counted here; at or below it, the exact MAD is computed here and they are counted in
    // pass 3. A zero MAD gives no robust-z rule.
    const mild = iqrFences(q1, q3, 1.5);
    const zBounds = sampleMad ? robustZBounds(median, sampleMad) : null;
    const classify =
      `(CAST(${outsideFencesSql(n, q1, q3, 3)} AS INTEGER) + CAST(${outsideFencesSql(n, q1, q3, 1.5)} AS INTEGER)) * ${FENCE_STRIDE}` +
      (sampleMad ? ` + CAST(${outsideRobustZSql(n, median, sampleMad)} AS INTEGER)` : '');
    // Most values lie inside both the mild fences and the robust-z bounds: one range test settles them, and the
    // other comparisons run only on the rest (CASE evaluates a branch on its rows alone).
    const innerLower = Math.max(mild.lower, zBounds?.lower ?? -Infinity);
    const innerUpper = Math.min(mild.upper, zBounds?.upper ?? Infinity);
    const outlierClass =
      innerLower <= innerUpper
        ? `CASE WHEN ${n} >= ${numberLiteral(innerLower)} AND ${n} <= ${numberLiteral(innerUpper)} THEN 0 ELSE ${classify} END`
        : classify;
    // The WHERE matters: least() ignores NULL arguments, so missing values would land in the last bin.
    const key = `${binIndex} * ${BIN_STRIDE} + ${outlierClass}`;
    classes = { layout, group: groups.add({ key, type: 'INTEGER', where: `${n} IS NOT NULL`, render: 'number' }) };
    outliers = {
      q1,
      q3,
      median,
      mad: sampleMad === null ? query.add(`quantile_cont(abs(${n} - ${numberLiteral(median)}), 0.5)`) : null,
      robustZ: zBounds !== null,
    };
  }

  return (row: Record<string, unknown>, counts: readonly KeyCount[][]): DistributionFacts => {
    let bins: DistributionFacts['bins'] = null;
    let mildCount = 0;
    let extremeCount = 0;
    let robustZCount = 0;
    if (classes) {
      const binCounts = new Array<number>(classes.layout.count).fill(0);
      for (const { key, count } of counts[classes.group]!) {
        const code = toCount(key);
        const bin = Math.floor(code / BIN_STRIDE);
        const fence = Math.floor((code % BIN_STRIDE) / FENCE_STRIDE);
        binCounts[bin] = (binCounts[bin] ?? 0) + count;
        if (fence >= 1) mildCount += count;
        if (fence === 2) extremeCount += count;
        if (code % FENCE_STRIDE === 1) robustZCount += count;
      }
      bins = { layout: classes.layout, counts: binCounts };
    }
    return {
      bins,
      outliers: outliers
        ? {
            q1: outliers.q1,
            q3: outliers.q3,
            median: outliers.median,
            mildCount,
            extremeCount,
            mad: outliers.mad ? (toNumber(row[outliers.mad]) ?? 0) : (sampleMad ?? 0),
            robustZCount: outliers.robustZ ? robustZCount : null,
          }
        : null,
      frequencies: frequencies === null ? facts.frequencies : counts[frequencies]!.map(({ key, count }) => ({ value: String(key), count })),
    };
  };
}

/** Above the exact row limit: each sampled column's MAD from its quantile sample (see applySampleQuantiles). */
function sampleMedianAbsoluteDeviations(plans: readonly ColumnPlan[], columnFacts: readonly ColumnFacts[]): Map<number, number> {
  const mads = new Map<number, number>();
  for (const plan of plans) {
    const numeric = columnFacts[plan.index]!.numeric;
    if (!numericExpression(plan) || !numeric?.quantilesApproximate || numeric.sampleMad === undefined) continue;
    mads.set(plan.index, numeric.sampleMad);
  }
  return mads;
}

/** SQL counting values beyond the robust-z threshold (MAD not zero). */
function robustZCountSql(n: string, median: number, mad: number): string {
  return countWhereSql(outsideRobustZSql(n, median, mad));
}

/** Pass 3: counts beyond the robust-z threshold, for columns whose MAD is not zero. */
async function runRobustZPass(session: DuckDBSession, plans: readonly ColumnPlan[], columns: DistributionFacts[]): Promise<void> {
  const query = new AggregateQuery();
  const pending: { facts: OutlierFacts; alias: string }[] = [];
  plans.forEach((plan, i) => {
    const facts = columns[i]!.outliers;
    const n = numericExpression(plan);
    // Counted in pass 2 already when the MAD came from the sample.
    if (!facts || !n || facts.mad === 0 || facts.robustZCount !== null) return;
    pending.push({ facts, alias: query.add(robustZCountSql(n, facts.median, facts.mad)) });
  });
  if (query.isEmpty) return;
  const row = await query.run(session, PROFILED_TABLE);
  for (const { facts, alias } of pending) facts.robustZCount = toCount(row[alias]);
}
