/** DUPLICATES: exact duplicate rows, and repeated values in a column that looks like a key. */
import type { ColumnProfile } from '../../profiling/index.js';
import { col, pyStr } from '../code/python.js';
import { DATASET_TABLE } from '../code/sql.js';
import { parsedSql } from '../code/typed-values.js';
import { LADDERS, THRESHOLDS, adjustForGoal, fromLadder } from '../severity.js';
import {
  distinctShare,
  evidence,
  exampleList,
  fmtCount,
  fmtEstimate,
  keyLikeName,
  looksLikeKey,
  name,
  pct,
  presentCount,
  type Finding,
  type RuleContext,
} from './context.js';

export function duplicates(context: RuleContext): Finding[] {
  const rows = duplicateRows(context);
  const keys = context.profile.columns.flatMap((c) => duplicatedKeys(c, context));
  return rows ? [rows, ...keys] : keys;
}

function duplicateRows(context: RuleContext): Finding | null {
  const { duplicateRows: d, rowCount } = context.profile;
  if (d.count === 0) return null;
  const groups = d.examples.map((g) => `rows ${g.rows.join(', ')}${g.count > g.rows.length ? ` (${g.count} copies)` : ''}`);
  return {
    type: 'DUPLICATES',
    severity: adjustForGoal(fromLadder(LADDERS.duplicateRows, d.share), { goal: context.goal, dimension: 'uniqueness', onTarget: false }),
    columnName: null,
    description:
      `${fmtCount(d.count)} of ${fmtCount(rowCount)} rows (${pct(d.share)}) are exact copies of an earlier row (every field equal). ` +
      `Identical groups: ${groups.join('; ')}.`,
    recommendation:
      'Remove the copies unless identical records are genuinely expected (e.g. repeated measurements without an id); duplicates inflate counts and leak between train and test splits.',
    code: {
      pandas: 'df = df.drop_duplicates(keep="first")',
      sql: {
        // EXCEPT ALL leaves exactly the extra copies: each group minus one of its rows.
        affectedRows: `SELECT * FROM ${DATASET_TABLE} EXCEPT ALL SELECT DISTINCT * FROM ${DATASET_TABLE}`,
        fix: `SELECT DISTINCT * FROM ${DATASET_TABLE}`,
      },
    },
    evidence: evidence({
      check: 'duplicate_rows',
      count: d.count,
      unit: 'rows',
      denominator: rowCount,
      denominatorLabel: 'rows',
      threshold: { name: 'any duplicate row', value: 0 },
      examples: d.examples.flatMap((g) => g.rows.map((row) => ({ row, value: `copy of row ${g.rows[0]}` }))).slice(0, 5),
      impact: { dimension: 'uniqueness', units: d.count },
      facts: { groups: d.examples, method: d.method },
    }),
  };
}

/** Values that repeat an earlier value in a key-like column (exact, or estimated from the distinct count). */
export function duplicatedKeyCount(column: ColumnProfile): { count: number; approximate: boolean } {
  const exact = column.distributionData.uniqueness.duplicatedValueCount;
  if (exact !== null) return { count: exact, approximate: false };
  return { count: Math.max(0, presentCount(column) - column.uniqueCount), approximate: true };
}

function duplicatedKeys(column: ColumnProfile, context: RuleContext): Finding[] {
  if (!looksLikeKey(column, context.profile)) return [];
  const { count, approximate } = duplicatedKeyCount(column);
  if (count === 0) return [];
  const present = presentCount(column);
  const share = count / present;
  const top = column.distributionData.topValues;
  // Counts of named values are exact unless the profile could only estimate them (then marked ≈).
  const countsExact = !top.approximate || top.countsExact === true;
  const repeated = top.values.filter((v) => v.count > 1);
  const examples = repeated.slice(0, 5).map((v) => ({ row: null, value: v.value, count: v.count }));
  const key = parsedSql(column);
  const why = keyLikeName(column.columnName)
    ? 'its name marks it as an identifier'
    : `${pct(distinctShare(column))} of its values are distinct`;
  return [
    {
      type: 'DUPLICATES',
      severity: adjustForGoal(fromLadder(LADDERS.duplicateKeys, share), { goal: context.goal, dimension: 'uniqueness', onTarget: false }),
      columnName: column.columnName,
      description:
        `${name(column.columnName)} looks like a key (${why}) but ${fmtEstimate(count, approximate)} of its ${fmtCount(present)} values (${pct(share)}) repeat an earlier value` +
        (examples.length ? `: ${examples.map((e) => `${exampleList([e])} ×${fmtEstimate(e.count, !countsExact)}`).join(', ')}.` : '.'),
      recommendation:
        'Find out whether these are the same entity recorded twice (deduplicate, keeping the latest or most complete record) or different entities sharing an id (assign new ids). Joins on this column will multiply rows until then.',
      code: {
        pandas: [
          `repeated = ${col(column.columnName)}.notna() & ${col(column.columnName)}.duplicated(keep=False)`,
          'print(df[repeated].sort_values(' + pyStr(column.columnName) + '))',
          `df = df[~(${col(column.columnName)}.notna() & ${col(column.columnName)}.duplicated(keep="first"))]`,
        ].join('\n'),
        sql: {
          affectedRows: `SELECT * FROM ${DATASET_TABLE} WHERE ${key} IN (SELECT ${key} FROM ${DATASET_TABLE} GROUP BY ALL HAVING count(*) > 1) ORDER BY ${key}`,
          fix: `SELECT * FROM ${DATASET_TABLE} QUALIFY ${key} IS NULL OR row_number() OVER (PARTITION BY ${key}) = 1`,
        },
      },
      evidence: evidence({
        check: 'duplicate_key_values',
        count,
        unit: 'values',
        denominator: present,
        denominatorLabel: 'non-missing values',
        threshold: { name: 'distinct share that makes a column key-like', value: THRESHOLDS.keyDistinctShare },
        examples,
        approximate,
        impact: { dimension: 'uniqueness', units: count },
        facts: { distinctCount: column.uniqueCount, distinctShare: distinctShare(column), namedLikeKey: keyLikeName(column.columnName) },
      }),
    },
  ];
}
