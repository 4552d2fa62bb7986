/**
 * Pass 1 over the typed table: counts, missing tokens, parse failures, distinct counts, moments, quantiles,
 * lengths, whitespace and semantic conformity for every column, in one query.
 */
import type { RowValue } from '../distribution-schema.js';
import type { DuckDBSession } from '../engine/duckdb-session.js';
import { toCount, toNumber } from '../engine/duckdb-session.js';
import type { ColumnPlan } from '../inference/column-plan.js';
import { semanticMatchSql } from '../inference/semantic-types.js';
import { numericPositionSql } from '../inference/value-parsers.js';
import { AggregateQuery } from './aggregate-query.js';
import { examplesSql, parseExamples, parseMap } from './row-values.js';
import { PROFILED_TABLE, badColumn, hasBadColumn, tokenColumn, valueColumn } from './typed-table.js';

export const QUANTILE_LEVELS = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99] as const;
/** Hash-subsampling rate for approximate distinct counts: values whose hash ≡ 0 (mod K) are counted exactly. */
export const DISTINCT_SUBSAMPLE_MODULUS = 16;
/** Below this many distinct values in the inference sample an exact distinct count is cheap at any size. */
const LOW_CARDINALITY_SAMPLE_DISTINCT = 1000;

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
  zeroCount: number;
  negativeCount: number;
}

export interface ColumnFacts {
  validCount: number;
  invalidCount: number;
  /** token index (0-based into the token list) → count */
  tokenCounts: Map<number, number>;
  invalidExamples: RowValue[];
  distinct: DistinctEstimate;
  invalidDistinct: number;
  min: string | null;
  max: string | null;
  numeric: NumericFacts | null;
  trueCount: number | null;
  lengths: { min: number; max: number; mean: number } | null;
  whitespace: { count: number; examples: RowValue[] } | null;
  semantic: { matchingCount: number; nonMatchingExamples: RowValue[] } | null;
}

export function numericExpression(plan: ColumnPlan): string | null {
  return numericPositionSql(plan.rule.valueType, valueColumn(plan.index));
}

export async function runColumnPass(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  exact: boolean,
  onProgress: (percent: number) => void,
): Promise<ColumnFacts[]> {
  const query = new AggregateQuery();
  const readers = plans.map((plan) => addColumnAggregates(query, plan, exact));
  const row = await query.run(session, PROFILED_TABLE, onProgress);
  return readers.map((read) => read(row));
}

function addColumnAggregates(query: AggregateQuery, plan: ColumnPlan, exact: boolean) {
  const v = valueColumn(plan.index);
  const t = tokenColumn(plan.index);
  const b = badColumn(plan.index);
  const typed = hasBadColumn(plan);
  const isString = plan.rule.valueType === 'string';
  const n = numericExpression(plan);

  const valid = query.add(`count(${v})`);
  const tokens = query.add(`histogram(${t})`);
  const invalid = typed ? query.add(`count(${b})`) : null;
  const invalidExamples = typed ? query.add(examplesSql(b, `${b} IS NOT NULL`)) : null;
  const invalidDistinct = typed ? query.add(`count(DISTINCT ${b})`) : null;

  const exactDistinct = exact || plan.sampleDistinct <= LOW_CARDINALITY_SAMPLE_DISTINCT;
  const distinct = exactDistinct
    ? query.add(`count(DISTINCT ${v})`)
    : query.add(`count(DISTINCT ${v}) FILTER (WHERE hash(${v}) % ${DISTINCT_SUBSAMPLE_MODULUS} = 0)`);

  const min = query.add(`CAST(min(${v}) AS VARCHAR)`);
  const max = query.add(`CAST(max(${v}) AS VARCHAR)`);

  const numeric = n
    ? {
        min: query.add(`min(${n})`),
        max: query.add(`max(${n})`),
        mean: query.add(`avg(${n})`),
        stdDev: query.add(`stddev_samp(${n})`),
        skewness: query.add(`skewness(${n})`),
        kurtosis: query.add(`kurtosis(${n})`),
        quantiles: query.add(
          `${exact ? 'quantile_cont' : 'approx_quantile'}(${n}, [${QUANTILE_LEVELS.join(', ')}])`,
        ),
        zero: query.add(`count(*) FILTER (WHERE ${n} = 0)`),
        negative: query.add(`count(*) FILTER (WHERE ${n} < 0)`),
      }
    : null;

  const trueCount = plan.rule.valueType === 'boolean' ? query.add(`count(*) FILTER (WHERE ${v})`) : null;

  const text = isString
    ? {
        minLength: query.add(`min(length(${v}))`),
        maxLength: query.add(`max(length(${v}))`),
        meanLength: query.add(`avg(length(${v}))`),
        whitespace: query.add(`count(*) FILTER (WHERE ${v} <> trim(${v}))`),
        whitespaceExamples: query.add(examplesSql(v, `${v} <> trim(${v})`)),
      }
    : null;

  const semantic = plan.semantic
    ? {
        matching: query.add(`count(*) FILTER (WHERE ${semanticMatchSql(plan.semantic.type, `trim(${v})`)})`),
        examples: query.add(examplesSql(v, `NOT ${semanticMatchSql(plan.semantic.type, `trim(${v})`)}`)),
      }
    : null;

  return (row: Record<string, unknown>): ColumnFacts => {
    const rawDistinct = toCount(row[distinct]);
    const estimated = exactDistinct ? rawDistinct : rawDistinct * DISTINCT_SUBSAMPLE_MODULUS;
    const validCount = toCount(row[valid]);
    const numericMin = numeric ? toNumber(row[numeric.min]) : null;
    return {
      validCount,
      invalidCount: invalid ? toCount(row[invalid]) : 0,
      tokenCounts: new Map(parseMap(row[tokens]).map(({ key, count }) => [toCount(key) - 1, count])),
      invalidExamples: invalidExamples ? parseExamples(row[invalidExamples]) : [],
      distinct: {
        // A subsample estimate can overshoot the number of values; cap it there.
        count: Math.min(estimated, validCount),
        approximate: !exactDistinct,
        relativeStandardError: exactDistinct
          ? null
          : Math.sqrt((DISTINCT_SUBSAMPLE_MODULUS - 1) / Math.max(1, estimated)),
      },
      invalidDistinct: invalidDistinct ? toCount(row[invalidDistinct]) : 0,
      min: (row[min] as string | null) ?? null,
      max: (row[max] as string | null) ?? null,
      numeric:
        numeric && numericMin !== null
          ? {
              min: numericMin,
              max: toNumber(row[numeric.max]) ?? numericMin,
              mean: toNumber(row[numeric.mean]),
              stdDev: toNumber(row[numeric.stdDev]),
              skewness: toNumber(row[numeric.skewness]),
              kurtosis: toNumber(row[numeric.kurtosis]),
              quantiles: ((row[numeric.quantiles] as unknown[] | null) ?? []).map((q) => toNumber(q) ?? 0),
              quantilesApproximate: !exact,
              zeroCount: toCount(row[numeric.zero]),
              negativeCount: toCount(row[numeric.negative]),
            }
          : null,
      trueCount: trueCount ? toCount(row[trueCount]) : null,
      lengths:
        text && validCount > 0
          ? {
              min: toCount(row[text.minLength]),
              max: toCount(row[text.maxLength]),
              mean: toNumber(row[text.meanLength]) ?? 0,
            }
          : null,
      whitespace: text
        ? { count: toCount(row[text.whitespace]), examples: parseExamples(row[text.whitespaceExamples]) }
        : null,
      semantic: semantic
        ? { matchingCount: toCount(row[semantic.matching]), nonMatchingExamples: parseExamples(row[semantic.examples]) }
        : null,
    };
  };
}
