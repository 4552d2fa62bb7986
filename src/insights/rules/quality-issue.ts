/**
 * QUALITY_ISSUE: columns that are fine cell by cell but weak as data: constant or near-constant columns,
 * identifier-like columns, very high cardinality text, extreme skew, strongly correlated pairs. None of these
 * costs score points (no cell is wrong); the goal decides how loudly they are reported.
 */
import type { ColumnProfile } from '../../profiling/index.js';
import { col, pyList, pyStr } from '../code/python.js';
import { DATASET_TABLE, ident, listLiteral } from '../code/sql.js';
import { numericSql } from '../code/typed-values.js';
import { THRESHOLDS } from '../severity.js';
import type { InsightSeverity } from '../types.js';
import {
  distinctShare,
  evidence,
  fmtCount,
  isNumeric,
  isText,
  looksLikeIdentifier,
  name,
  pct,
  presentCount,
  q,
  type Finding,
  type RuleContext,
} from './context.js';

export function qualityIssue(context: RuleContext): Finding[] {
  const features = context.profile.columns.filter((c) => c.columnName !== context.target?.columnName);
  // DATA_QUALITY is about the values themselves: distributions and relationships are not its business.
  const distributions = context.goal !== 'DATA_QUALITY';
  const perColumn = features.flatMap((c) => [
    ...constantColumn(c, context),
    ...identifierLike(c, context),
    ...(distributions ? [...highCardinality(c, context), ...skewed(c, context)] : []),
  ]);
  return distributions ? [...perColumn, ...correlatedPairs(context)] : perColumn;
}

const ml = (context: RuleContext) => context.goal === 'ML_PREPARATION';
const dropColumn = (column: string) => ({
  pandas: `df = df.drop(columns=[${pyStr(column)}])`,
  sql: { affectedRows: null, fix: `SELECT * EXCLUDE (${ident(column)}) FROM ${DATASET_TABLE}` },
});

function constantColumn(column: ColumnProfile, context: RuleContext): Finding[] {
  const present = presentCount(column);
  const top = column.distributionData.topValues.values[0];
  if (present === 0 || !top) return [];
  const topShare = top.count / present;
  const constant = column.uniqueCount <= 1;
  if (!constant && topShare < THRESHOLDS.nearConstantShare) return [];
  const severity: InsightSeverity = constant ? (ml(context) ? 'MEDIUM' : 'LOW') : ml(context) ? 'LOW' : 'INFO';
  return [
    {
      type: 'QUALITY_ISSUE',
      severity,
      columnName: column.columnName,
      description: constant
        ? `${name(column.columnName)} has a single value, ${q(top.value)}, in all ${fmtCount(present)} non-missing rows: it carries no information.`
        : `${name(column.columnName)} is nearly constant: ${q(top.value)} in ${fmtCount(top.count)} of ${fmtCount(present)} values (${pct(topShare)}; threshold ${pct(THRESHOLDS.nearConstantShare)}).`,
      recommendation: constant
        ? 'Drop the column (or keep it as documentation only); it cannot explain any variation.'
        : 'Drop it for modelling unless the rare values matter (then treat it as a rare-event flag).',
      code: dropColumn(column.columnName),
      evidence: evidence({
        check: constant ? 'constant_column' : 'near_constant_column',
        count: top.count,
        unit: 'values',
        denominator: present,
        denominatorLabel: 'non-missing values',
        threshold: { name: 'most frequent value share', value: constant ? 1 : THRESHOLDS.nearConstantShare },
        examples: [{ row: null, value: top.value, count: top.count }],
        facts: { distinctCount: column.uniqueCount },
      }),
    },
  ];
}

function identifierLike(column: ColumnProfile, context: RuleContext): Finding[] {
  if (!looksLikeIdentifier(column, context.profile)) return [];
  const present = presentCount(column);
  const share = distinctShare(column);
  const examples = column.distributionData.patterns.shapes.slice(0, 3).map((s) => ({ row: null, value: s.example, count: s.count }));
  return [
    {
      type: 'QUALITY_ISSUE',
      severity: ml(context) ? 'MEDIUM' : context.goal === 'DATA_QUALITY' ? 'INFO' : 'LOW',
      columnName: column.columnName,
      description:
        `${name(column.columnName)} is identifier-like: ${fmtCount(column.uniqueCount)} distinct values among ${fmtCount(present)} (${pct(share)}), ` +
        `in ${column.distributionData.patterns.distinctPatterns} shapes such as ${examples.map((e) => q(e.value)).join(', ')}.`,
      recommendation: ml(context)
        ? 'Exclude it from the features: a model memorises identifiers instead of learning (keep it aside to trace predictions back to records); extract a meaningful part (a title, a prefix) if there is one.'
        : 'Use it to identify or join records, not as a measurement; check whether it is personal data that should be removed or pseudonymised.',
      code: dropColumn(column.columnName),
      evidence: evidence({
        check: 'identifier_like',
        count: column.uniqueCount,
        unit: 'values',
        denominator: present,
        denominatorLabel: 'non-missing values',
        threshold: { name: 'distinct share', value: THRESHOLDS.identifierDistinctShare },
        examples,
        facts: { dataType: column.dataType, distinctShare: share },
      }),
    },
  ];
}

function highCardinality(column: ColumnProfile, context: RuleContext): Finding[] {
  if (!isText(column) || column.uniqueCount <= THRESHOLDS.highCardinality || looksLikeIdentifier(column, context.profile)) return [];
  if (column.distributionData.semantic?.type === 'free_text') return [];
  const present = presentCount(column);
  const top = column.distributionData.topValues.values.slice(0, 5);
  const topShare = top.reduce((sum, v) => sum + v.count, 0) / Math.max(1, present);
  const keep = column.distributionData.topValues.values.slice(0, 10).map((v) => v.value);
  return [
    {
      type: 'QUALITY_ISSUE',
      severity: ml(context) ? 'LOW' : 'INFO',
      columnName: column.columnName,
      description:
        `${name(column.columnName)} is a high-cardinality category: ${fmtCount(column.uniqueCount)} distinct values (threshold ${THRESHOLDS.highCardinality}); ` +
        `the 5 most frequent cover ${pct(topShare)} of the rows.`,
      recommendation: ml(context)
        ? 'Do not one-hot encode it as is: keep the frequent categories and group the rest as "other", or use frequency or (cross-validated) target encoding.'
        : 'Group rare categories as "other" for reporting; check whether some are spellings of the same value.',
      code: {
        pandas: `top = ${pyList(keep)}\ndf[${pyStr(column.columnName)}] = ${col(column.columnName)}.where(${col(column.columnName)}.isin(top) | ${col(column.columnName)}.isna(), "other")`,
        sql: {
          affectedRows: null,
          fix: `SELECT * REPLACE (CASE WHEN ${ident(column.columnName)} IS NULL OR CAST(${ident(column.columnName)} AS VARCHAR) IN ${listLiteral(keep)} THEN CAST(${ident(column.columnName)} AS VARCHAR) ELSE 'other' END AS ${ident(column.columnName)}) FROM ${DATASET_TABLE}`,
        },
      },
      evidence: evidence({
        check: 'high_cardinality',
        count: column.uniqueCount,
        unit: 'values',
        denominator: present,
        denominatorLabel: 'non-missing values',
        threshold: { name: 'distinct values above', value: THRESHOLDS.highCardinality },
        examples: top.map((v) => ({ row: null, value: v.value, count: v.count })),
        approximate: column.distributionData.uniqueness.approximate,
        facts: { distinctCount: column.uniqueCount, top5Share: topShare },
      }),
    },
  ];
}

function skewed(column: ColumnProfile, context: RuleContext): Finding[] {
  const numeric = column.distributionData.numeric;
  const skew = numeric?.skewness ?? null;
  const threshold = context.goal === 'EXPLORATORY' ? THRESHOLDS.exploratorySkew : THRESHOLDS.extremeSkew;
  if (
    !isNumeric(column) ||
    skew === null ||
    Math.abs(skew) < threshold ||
    column.uniqueCount < 3 ||
    looksLikeIdentifier(column, context.profile)
  )
    return [];
  const q50 = numeric!.quantiles.find((x) => x.p === 0.5);
  const q99 = numeric!.quantiles.find((x) => x.p === 0.99);
  const nonNegative = Number(column.minValue) >= 0;
  const transform = skew > 0 && nonNegative ? 'log1p' : 'yeo-johnson';
  const value = numericSql(column);
  return [
    {
      type: 'QUALITY_ISSUE',
      severity: ml(context) ? 'LOW' : 'INFO',
      columnName: column.columnName,
      description:
        `${name(column.columnName)} is ${Math.abs(skew) >= THRESHOLDS.extremeSkew ? 'strongly ' : ''}${skew > 0 ? 'right' : 'left'}-skewed (skewness ${skew.toFixed(2)}, threshold ±${threshold}): ` +
        `median ${q50?.label ?? column.median}, 99th percentile ${q99?.label ?? '?'}, maximum ${column.maxValue}, mean ${column.mean?.toFixed(2) ?? '?'}.`,
      recommendation:
        transform === 'log1p'
          ? 'Use a log transform (log1p, the values are non-negative) for linear models and distance-based methods, and report medians rather than means.'
          : 'Use a power transform (Yeo-Johnson handles negatives) for linear models and distance-based methods, and report medians rather than means.',
      code:
        transform === 'log1p'
          ? {
              pandas: `import numpy as np\nimport pandas as pd\ndf[${pyStr(`${column.columnName}_log1p`)}] = np.log1p(pd.to_numeric(${col(column.columnName)}, errors="coerce"))`,
              sql: {
                affectedRows: null,
                fix: `SELECT *, ln(1 + ${value}) AS ${ident(`${column.columnName}_log1p`)} FROM ${DATASET_TABLE}`,
              },
            }
          : {
              pandas: `import pandas as pd\nfrom sklearn.preprocessing import PowerTransformer\nvalues = pd.to_numeric(${col(column.columnName)}, errors="coerce").to_frame()\ndf[${pyStr(`${column.columnName}_yeojohnson`)}] = PowerTransformer(method="yeo-johnson").fit_transform(values)[:, 0]`,
              // Yeo-Johnson needs a fitted lambda; a signed log is the SQL-only approximation.
              sql: {
                affectedRows: null,
                fix: `SELECT *, sign(${value}) * ln(1 + abs(${value})) AS ${ident(`${column.columnName}_signed_log`)} FROM ${DATASET_TABLE}`,
              },
            },
      evidence: evidence({
        check: 'skewed_distribution',
        count: presentCount(column),
        unit: 'values',
        denominator: null,
        threshold: { name: '|skewness|', value: threshold },
        examples: [],
        facts: { skewness: skew, kurtosis: numeric!.kurtosis, quantiles: numeric!.quantiles, transform },
      }),
    },
  ];
}

function correlatedPairs(context: RuleContext): Finding[] {
  const threshold = context.goal === 'EXPLORATORY' ? THRESHOLDS.exploratoryCorrelation : THRESHOLDS.strongCorrelation;
  const target = context.target?.columnName;
  const byName = new Map(context.profile.columns.map((c) => [c.columnName, c]));
  const fewValues = (n: string) => (byName.get(n)?.uniqueCount ?? Infinity) <= THRESHOLDS.cramersMaxDistinct;
  const pairs = [
    ...context.profile.correlations.pearson.map((p) => ({ columns: p.columns, strength: p.coefficient, measure: 'Pearson r', n: p.n })),
    ...context.profile.correlations.cramersV
      .filter((p) => fewValues(p.columns[0]) && fewValues(p.columns[1]))
      .map((p) => ({ columns: p.columns, strength: p.cramersV, measure: "Cramér's V", n: p.n })),
  ].filter((p) => Math.abs(p.strength) >= threshold && !p.columns.includes(target ?? '\u0000'));
  const seen = new Set<string>();
  return pairs
    .filter((p) => {
      const key = [...p.columns].sort().join('\u0000');
      return !seen.has(key) && seen.add(key);
    })
    .map((p) => {
      const [a, b] = p.columns;
      return {
        type: 'QUALITY_ISSUE' as const,
        severity: (ml(context) && Math.abs(p.strength) >= THRESHOLDS.strongCorrelation ? 'MEDIUM' : 'INFO') as InsightSeverity,
        columnName: b,
        description: `${name(a)} and ${name(b)} are strongly related: ${p.measure} ${p.strength.toFixed(3)} over ${fmtCount(p.n)} rows (threshold ${threshold}).`,
        recommendation: ml(context)
          ? `Multicollinearity: keep one of the two (or combine them) for linear models; tree models cope, but importances get split between them.`
          : 'A strong relationship worth knowing: one column may be derived from the other (e.g. a total from its parts), or they measure the same thing.',
        code: dropColumn(b),
        evidence: evidence({
          check: ml(context) ? 'multicollinearity' : 'strong_correlation',
          count: 1,
          unit: 'pairs' as const,
          denominator: null,
          threshold: { name: p.measure, value: threshold },
          examples: [],
          facts: { columns: [a, b], measure: p.measure, strength: p.strength, n: p.n },
        }),
      };
    });
}
