/**
 * OUTLIERS: values beyond the 3×IQR fences (the robust z-score when the IQR is 0), and impossible values:
 * negative numbers where only positives make sense, dates after the day the file was profiled.
 */
import type { ColumnProfile } from '../../profiling/index.js';
import { pyNum, pyStr } from '../code/python.js';
import { DATASET_TABLE, ident, num, text } from '../code/sql.js';
import { numericSql, parsedPandas, parsedSql } from '../code/typed-values.js';
import { LADDERS, THRESHOLDS, adjustForGoal, fromLadder } from '../severity.js';
import type { InsightCheck } from '../types.js';
import {
  evidence,
  exampleList,
  fmtCount,
  isNumeric,
  looksLikeIdentifier,
  name,
  pct,
  presentCount,
  type Finding,
  type RuleContext,
} from './context.js';

export function outliers(context: RuleContext): Finding[] {
  return context.profile.columns.flatMap((c) => [
    ...statisticalOutliers(c, context),
    ...negativeValues(c, context),
    ...zeroMeasurements(c, context),
    ...futureDates(c, context),
  ]);
}

/** Six significant digits: enough to read, the evidence keeps the exact bounds. */
const short = (x: number) => String(Number(x.toPrecision(6)));

function statisticalOutliers(column: ColumnProfile, context: RuleContext): Finding[] {
  const o = column.distributionData.outliers;
  if (!o || !isNumeric(column) || looksLikeIdentifier(column, context.profile)) return [];
  const present = presentCount(column);
  // IQR 0 (more than half the values equal) makes every other value an "outlier": use the robust z instead.
  const useIqr = o.iqr.iqr > 0;
  const rule = useIqr ? o.iqr.extreme : o.robustZ.rule;
  if (!rule || rule.count === 0) return [];
  const method = useIqr ? `${THRESHOLDS.outlierIqrMultiplier}×IQR fences` : `robust z-score beyond ±${o.robustZ.threshold}`;
  const skew = column.distributionData.numeric?.skewness ?? 0;
  const share = rule.count / present;
  const examples = o.examples.filter((e) => {
    const v = Number(e.value);
    return v < rule.lower || v > rule.upper;
  });
  const value = numericSql(column);
  const outside = `(${value} < ${num(rule.lower)} OR ${value} > ${num(rule.upper)})`;
  const series = parsedPandas(column, column.distributionData.valueType === 'integer' ? 'integer' : 'decimal');
  return [
    {
      type: 'OUTLIERS',
      severity: adjustForGoal(fromLadder(LADDERS.outliers, share), { goal: context.goal, dimension: 'accuracy', onTarget: false }),
      columnName: column.columnName,
      description:
        `${name(column.columnName)} has ${fmtCount(rule.count)} of ${fmtCount(present)} values (${pct(share)}) outside ${rule.lowerLabel} … ${rule.upperLabel} (${method}` +
        `${useIqr ? `; Q1 ${short(o.iqr.q1)}, Q3 ${short(o.iqr.q3)}` : `; median ${short(o.robustZ.median)}, MAD ${short(o.robustZ.mad)}`})` +
        (examples.length ? `. Most extreme: ${exampleList(examples)}.` : '.') +
        (Math.abs(skew) >= THRESHOLDS.extremeSkew
          ? ` The column is strongly skewed (skewness ${skew.toFixed(2)}): many of these may be its genuine long tail.`
          : ''),
      recommendation:
        Math.abs(skew) >= THRESHOLDS.extremeSkew
          ? 'Check a few of these rows at the source; if they are genuine, prefer a log transform or robust models over removing them.'
          : 'Check these rows at the source: fix entry errors (a misplaced decimal point, a wrong unit), cap (winsorise) genuine extremes, or filter them out for models sensitive to outliers.',
      code: {
        pandas: [
          'import pandas as pd',
          `values = ${series}`,
          `outliers = (values < ${pyNum(rule.lower)}) | (values > ${pyNum(rule.upper)})`,
          'df = df[~outliers]',
          `# or cap instead of dropping: df[${pyStr(column.columnName)}] = values.clip(${pyNum(rule.lower)}, ${pyNum(rule.upper)})`,
        ].join('\n'),
        sql: {
          affectedRows: `SELECT * FROM ${DATASET_TABLE} WHERE ${outside}`,
          fix: `SELECT * FROM ${DATASET_TABLE} WHERE NOT coalesce(${outside}, false)`,
        },
      },
      evidence: evidence({
        check: useIqr ? 'iqr_outliers' : 'robust_z_outliers',
        count: rule.count,
        unit: 'values',
        denominator: present,
        denominatorLabel: 'non-missing values',
        threshold: useIqr
          ? { name: 'IQR multiplier', value: THRESHOLDS.outlierIqrMultiplier }
          : { name: 'robust |z|', value: o.robustZ.threshold },
        examples,
        approximate: o.approximate,
        impact: { dimension: 'accuracy', units: rule.count },
        facts: {
          lower: rule.lower,
          upper: rule.upper,
          lowerLabel: rule.lowerLabel,
          upperLabel: rule.upperLabel,
          q1: o.iqr.q1,
          q3: o.iqr.q3,
          iqr: o.iqr.iqr,
          mildIqrCount: o.iqr.mild.count,
          robustZMedian: o.robustZ.median,
          robustZMad: o.robustZ.mad,
          robustZCount: o.robustZ.rule?.count ?? null,
          skewness: skew,
        },
      }),
    },
  ];
}

/** Quantities that cannot be negative, by the words of the column name. */
const NON_NEGATIVE_NAME =
  /(^|[^a-z])(age|ages|price|prices|fare|fares|cost|amount|qty|quantity|count|distance|weight|height|length|width|depth|size|duration|salary|income|mass|tip|tolls|total|area|volume|population|passengers|year|years|mm|cm|kg|km|g)([^a-z]|$)/;

function negativeValues(column: ColumnProfile, context: RuleContext): Finding[] {
  const negative = column.distributionData.rowChecks?.negative;
  if (!isNumeric(column) || !negative || negative.count === 0) return [];
  const present = presentCount(column);
  const share = negative.count / present;
  const byName = NON_NEGATIVE_NAME.test(column.columnName.toLowerCase().replace(/([a-z])([A-Z])/g, '$1_$2'));
  // Without a telling name, negatives are suspicious only as a rare exception in an otherwise positive column.
  if (!byName && share > THRESHOLDS.rareNegativeShare) return [];
  return [
    impossible(column, context, {
      check: 'negative_values',
      count: negative.count,
      present,
      examples: negative.examples,
      what: `negative value${negative.count === 1 ? '' : 's'}`,
      why: byName
        ? `the name says it is a quantity that cannot be negative`
        : `negatives are a rare exception here (at most ${pct(THRESHOLDS.rareNegativeShare)} of the values)`,
      condition: `${numericSql(column)} < 0`,
      pandasCondition: `${parsedPandas(column, 'decimal')} < 0`,
      facts: { reason: byName ? 'name' : 'rare', rareNegativeShare: THRESHOLDS.rareNegativeShare },
    }),
  ];
}

/** Physical measurements and prices, by the words of the column name: zero is no measurement at all. */
const NON_ZERO_NAME =
  /(^|[^a-z])(price|prices|weight|height|length|width|depth|size|mass|area|volume|carat|carats|diameter|radius|thickness|x|y|z|mm|cm|kg|km|lb|lbs|oz)([^a-z]|$)/;
/** Zeros are entry errors only as an exception; more often, zero means something (free, not measured). */
const RARE_ZERO_SHARE = 0.05;

function zeroMeasurements(column: ColumnProfile, context: RuleContext): Finding[] {
  const zero = column.distributionData.rowChecks?.zero;
  const numeric = column.distributionData.numeric;
  if (!isNumeric(column) || !zero || zero.count === 0 || !numeric || numeric.negativeCount > 0) return [];
  const present = presentCount(column);
  if (zero.count / present > RARE_ZERO_SHARE) return [];
  if (!NON_ZERO_NAME.test(column.columnName.toLowerCase().replace(/([a-z])([A-Z])/g, '$1_$2'))) return [];
  return [
    impossible(column, context, {
      check: 'zero_measurements',
      count: zero.count,
      present,
      examples: zero.examples,
      what: `zero${zero.count === 1 ? '' : 's'}`,
      why: `the name says it is a measurement (a length, weight, size or price), which an existing thing cannot have at 0, and zeros are rare here (at most ${pct(RARE_ZERO_SHARE)})`,
      condition: `${numericSql(column)} = 0`,
      pandasCondition: `${parsedPandas(column, 'decimal')} == 0`,
      facts: { rareZeroShare: RARE_ZERO_SHARE },
    }),
  ];
}

/** Columns where a future date is expected. */
const FUTURE_OK_NAME = /due|expir|deadline|schedul|planned|forecast|valid_until|end|renewal|maturity|next/i;

function futureDates(column: ColumnProfile, context: RuleContext): Finding[] {
  const future = column.distributionData.rowChecks?.future;
  if (!future || future.count === 0 || FUTURE_OK_NAME.test(column.columnName)) return [];
  const present = presentCount(column);
  const after = column.distributionData.valueType === 'date' ? `DATE '${future.after}'` : `CAST(DATE '${future.after}' + 1 AS TIMESTAMP)`;
  const op = column.distributionData.valueType === 'date' ? '>' : '>=';
  const pandasAfter =
    column.distributionData.valueType === 'date'
      ? `pd.Timestamp(${pyStr(future.after)})`
      : `pd.Timestamp(${pyStr(future.after)}) + pd.Timedelta(days=1)`;
  return [
    impossible(column, context, {
      check: 'future_dates',
      count: future.count,
      present,
      examples: future.examples,
      what: `date${future.count === 1 ? '' : 's'} after ${future.after} (the day the file was profiled)`,
      why: 'records cannot describe events that have not happened yet',
      condition: `${parsedSql(column)} ${op} ${after}`,
      pandasCondition: `${parsedPandas(column)} ${op} ${pandasAfter}`,
      facts: { after: future.after },
    }),
  ];
}

interface ImpossibleInput {
  check: InsightCheck;
  count: number;
  present: number;
  examples: { row: number; value: string }[];
  what: string;
  why: string;
  condition: string;
  pandasCondition: string;
  facts: Record<string, unknown>;
}

function impossible(column: ColumnProfile, context: RuleContext, input: ImpossibleInput): Finding {
  const share = input.count / input.present;
  const c = ident(column.columnName);
  return {
    type: 'OUTLIERS',
    severity: adjustForGoal(fromLadder(LADDERS.impossibleValues, share), {
      goal: context.goal,
      dimension: 'validity',
      onTarget: context.target?.columnName === column.columnName,
    }),
    columnName: column.columnName,
    description:
      `${name(column.columnName)} has ${fmtCount(input.count)} ${input.what} among ${fmtCount(input.present)} values (${pct(share)}); ` +
      `impossible because ${input.why}. Examples: ${exampleList(input.examples)}.`,
    recommendation:
      'Treat these as entry errors: correct them at the source if possible, otherwise set them to missing (and impute) rather than keep them.',
    code: {
      pandas: [
        'import pandas as pd',
        `impossible = ${input.pandasCondition}`,
        `df.loc[impossible, ${pyStr(column.columnName)}] = pd.NA`,
      ].join('\n'),
      sql: {
        affectedRows: `SELECT * FROM ${DATASET_TABLE} WHERE ${input.condition}`,
        fix: `SELECT * REPLACE (CASE WHEN ${input.condition} THEN NULL ELSE ${text(column.columnName)} END AS ${c}) FROM ${DATASET_TABLE}`,
      },
    },
    evidence: evidence({
      check: input.check,
      count: input.count,
      unit: 'values',
      denominator: input.present,
      denominatorLabel: 'non-missing values',
      threshold: { name: 'any impossible value', value: 0 },
      examples: input.examples,
      impact: { dimension: 'validity', units: input.count },
      facts: input.facts,
    }),
  };
}
