/**
 * QUALITY_ISSUE checks that need a target column (ML_PREPARATION, or GENERAL_AUDIT given a target): class
 * balance (entropy and the minority share) and likely target leakage.
 */
import type { ColumnProfile } from '../../profiling/index.js';
import { col, pyStr } from '../code/python.js';
import { DATASET_TABLE, ident } from '../code/sql.js';
import { LADDERS, THRESHOLDS, fromLadder } from '../severity.js';
import { evidence, fmtCount, name, pct, presentCount, q, type Finding, type RuleContext } from './context.js';

export function targetChecks(context: RuleContext): Finding[] {
  const target = context.target;
  if (!target) return [];
  return [...classBalance(target), ...leakage(target, context)];
}

function classBalance(target: ColumnProfile): Finding[] {
  const classes = target.distributionData.topValues.values;
  const present = presentCount(target);
  if (target.uniqueCount < 2 || target.uniqueCount > THRESHOLDS.maxClasses || present === 0 || classes.length === 0) return [];
  // topValues lists at most ten classes; the rest are pooled into one remainder for the entropy.
  const listed = classes.reduce((sum, v) => sum + v.count, 0);
  const counts = [...classes.map((v) => v.count), ...(present > listed ? [present - listed] : [])];
  const entropy = -counts.reduce((sum, n) => sum + (n / present) * Math.log2(n / present), 0);
  const k = target.uniqueCount;
  const normalised = entropy / Math.log2(k);
  const minority = classes[classes.length - 1]!;
  const minorityShare = (present > listed ? Math.min(minority.count, present - listed) : minority.count) / present;
  const severity = fromLadder(LADDERS.minorityClass, minorityShare);
  const distribution = classes.map((v) => `${q(v.value)} ${fmtCount(v.count)} (${pct(v.count / present)})`).join(', ');
  return [
    {
      type: 'QUALITY_ISSUE',
      severity,
      columnName: target.columnName,
      description:
        `Class balance of the target ${name(target.columnName)}: ${distribution}. Normalised entropy ${normalised.toFixed(3)} (1 = perfectly balanced); ` +
        `the minority class ${q(minority.value)} is ${pct(minorityShare)} of the rows.`,
      recommendation:
        severity === 'INFO'
          ? 'Balanced enough for ordinary training; still stratify the train/test split and report per-class metrics (precision/recall, not only accuracy).'
          : 'Stratify the split, report per-class metrics (precision/recall, PR-AUC), and use class weights or resampling of the training set only.',
      code: {
        pandas: [
          'from sklearn.model_selection import train_test_split',
          `print(${col(target.columnName)}.value_counts(normalize=True))`,
          `train, test = train_test_split(df, test_size=0.2, stratify=${col(target.columnName)}, random_state=0)`,
        ].join('\n'),
        sql: {
          affectedRows: null,
          fix: `SELECT ${ident(target.columnName)}, count(*) AS n, count(*) / sum(count(*)) OVER () AS share FROM ${DATASET_TABLE} GROUP BY ALL ORDER BY n DESC`,
        },
      },
      evidence: evidence({
        check: 'class_imbalance',
        count: minority.count,
        unit: 'rows',
        denominator: present,
        denominatorLabel: 'rows with a target value',
        threshold: { name: 'minority share for INFO', value: LADDERS.minorityClass[0]!.min },
        examples: classes.slice(0, 5).map((v) => ({ row: null, value: v.value, count: v.count })),
        approximate: target.distributionData.topValues.approximate,
        facts: { entropyBits: entropy, normalisedEntropy: normalised, classes: k, minorityClass: minority.value, minorityShare },
      }),
    },
  ];
}

function leakage(target: ColumnProfile, context: RuleContext): Finding[] {
  const byName = new Map(context.profile.columns.map((c) => [c.columnName, c]));
  const fewValues = (n: string) => (byName.get(n)?.uniqueCount ?? Infinity) <= THRESHOLDS.cramersMaxDistinct;
  const strongest = new Map<string, { measure: string; strength: number; n: number }>();
  const consider = (columns: [string, string], measure: string, strength: number, n: number) => {
    if (!columns.includes(target.columnName)) return;
    const feature = columns[0] === target.columnName ? columns[1] : columns[0];
    if (Math.abs(strength) < THRESHOLDS.leakage) return;
    const previous = strongest.get(feature);
    if (!previous || Math.abs(previous.strength) < Math.abs(strength)) strongest.set(feature, { measure, strength, n });
  };
  for (const p of context.profile.correlations.pearson) consider(p.columns, 'Pearson r', p.coefficient, p.n);
  for (const p of context.profile.correlations.cramersV) {
    if (fewValues(p.columns[0]) && fewValues(p.columns[1])) consider(p.columns, "Cramér's V", p.cramersV, p.n);
  }
  return [...strongest]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([feature, s]) => ({
      type: 'QUALITY_ISSUE' as const,
      severity: 'HIGH' as const,
      columnName: feature,
      description:
        `${name(feature)} nearly determines the target ${name(target.columnName)}: ${s.measure} ${s.strength.toFixed(3)} over ${fmtCount(s.n)} rows (threshold ${THRESHOLDS.leakage}). ` +
        'A feature this strong is usually recorded after the outcome, or derived from it.',
      recommendation:
        'Check when and how this column is filled in; if it is not available at prediction time, drop it from the features, or the model will look excellent offline and fail in production.',
      code: {
        pandas: `df = df.drop(columns=[${pyStr(feature)}])`,
        sql: { affectedRows: null, fix: `SELECT * EXCLUDE (${ident(feature)}) FROM ${DATASET_TABLE}` },
      },
      evidence: evidence({
        check: 'target_leakage',
        count: 1,
        unit: 'columns',
        denominator: null,
        threshold: { name: s.measure, value: THRESHOLDS.leakage },
        examples: [],
        facts: { target: target.columnName, measure: s.measure, strength: s.strength, n: s.n },
      }),
    }));
}
