/**
 * Misaligned rows (DATA_TYPE_MISMATCH, dataset-level): rows with several cells out of place, the trace of a
 * field inserted, dropped or swapped. The profiler counts them (profiling/dataset/misaligned-rows.ts); the SQL
 * and pandas here rebuild its signals from the column profiles, so they select the same rows.
 */
import type { ColumnProfile } from '../../profiling/index.js';
import { balancedSql } from '../../profiling/engine/sql.js';
import { col, pyList } from '../code/python.js';
import { DATASET_TABLE, listLiteral, trimmed } from '../code/sql.js';
import { missingPandas, missingSql, parsedPandas, parsedSql } from '../code/typed-values.js';
import { LADDERS, adjustForGoal, fromLadder } from '../severity.js';
import { evidence, fmtCount, pct, type Finding, type RuleContext } from './context.js';

interface Signal {
  sql: string;
  pandas: string;
}

export function misalignedRows(context: RuleContext): Finding[] {
  const { profile } = context;
  const facts = profile.misalignedRows;
  if (!facts || facts.count === 0) return [];
  const byName = new Map(profile.columns.map((c) => [c.columnName, c]));
  const columnsOf = (names: readonly string[]) => names.map((n) => byName.get(n)!);
  const cells = [...columnsOf(facts.signals.unparseable).map(unparseable), ...columnsOf(facts.signals.misplaced).map(misplaced)];
  const missing = columnsOf(facts.signals.rareMissing);
  const signals: Signal[] = [
    ...cells,
    ...(missing.length === 0
      ? []
      : [{ sql: balancedSql(missing.map(missingSql), 'OR'), pandas: `(${missing.map(missingPandas).join(' | ')})` }]),
  ];
  const countSql = balancedSql(
    signals.map((s) => `CAST(${s.sql} AS INTEGER)`),
    '+',
  );
  const countPandas = signals.map((s) => `${s.pandas}.astype(int)`).join(' + ');
  const misaligned = `${countSql} >= ${facts.minimumSignals}`;
  const first = facts.examples.map((e) => `row ${e.row} (${e.columns.join(', ')})`).join(', ');
  return [
    {
      type: 'DATA_TYPE_MISMATCH',
      severity: adjustForGoal(fromLadder(LADDERS.misalignedRows, facts.share), {
        goal: context.goal,
        dimension: 'validity',
        onTarget: false,
      }),
      columnName: null,
      description:
        `${fmtCount(facts.count)} of ${fmtCount(profile.rowCount)} rows (${pct(facts.share)}) have ${facts.minimumSignals} or more cells out of place ` +
        '(a value that does not parse as its column, a value of another column, an empty cell in a column that is almost never empty): ' +
        `their fields look shifted or swapped, so even the values that look valid are probably in the wrong column. First: ${first}.`,
      recommendation:
        'Re-read these rows from the source: a delimiter inside an unquoted field or a missing field moves every later value of the row. If they cannot be repaired, drop them rather than trust any of their cells.',
      code: {
        pandas: `import pandas as pd\nout_of_place = ${countPandas}\nprint(df[out_of_place >= ${facts.minimumSignals}])\ndf = df[out_of_place < ${facts.minimumSignals}]`,
        sql: {
          affectedRows: `SELECT * FROM ${DATASET_TABLE} WHERE ${misaligned}`,
          fix: `SELECT * FROM ${DATASET_TABLE} WHERE NOT (${misaligned})`,
        },
      },
      evidence: evidence({
        check: 'misaligned_rows',
        count: facts.count,
        unit: 'rows',
        denominator: profile.rowCount,
        denominatorLabel: 'rows',
        threshold: { name: 'cells out of place in a row', value: facts.minimumSignals },
        examples: facts.examples.map((e) => ({ row: e.row, value: `out of place: ${e.columns.join(', ')}` })),
        // The unparseable and misplaced cells are charged by their columns' insights: no second charge.
        impact: null,
        facts: { signals: facts.signals, rareMissingShare: facts.rareMissingShare },
      }),
    },
  ];
}

/** A present value that does not parse as the column's type (as unparseable_values selects it). */
function unparseable(column: ColumnProfile): Signal {
  return {
    sql: `(NOT ${missingSql(column)} AND ${parsedSql(column)} IS NULL)`,
    pandas: `(~${missingPandas(column)} & ${parsedPandas(column)}.isna())`,
  };
}

/** A value listed as a number among labels or a value of another column. */
function misplaced(column: ColumnProfile): Signal {
  const { strayNumbers, foreignValues } = column.distributionData;
  const values = [...new Set([...(strayNumbers?.values ?? []), ...(foreignValues?.values ?? [])].map((v) => v.value.trim()))];
  return {
    // Never NULL (an empty cell is not listed), so the row's sum of signals is never NULL either.
    sql: `(${trimmed(column.columnName)} IS NOT NULL AND ${trimmed(column.columnName)} IN ${listLiteral(values)})`,
    pandas: `${col(column.columnName)}.astype("string").str.strip().isin(${pyList(values)})`,
  };
}
