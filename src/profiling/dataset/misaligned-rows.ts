/**
 * Misaligned rows: rows with several cells out of place. One odd cell is a typo or a stray value; two or more in
 * one row are the trace of a field inserted, dropped or swapped (an unquoted delimiter, a missing field), which
 * moves every later value of the row. Most of the moved values are still valid in their new column (a fare in
 * the tip, a zone in the other zone column), so only the row as a whole gives them away.
 *
 * A cell is out of place when it
 *   - does not parse as its column's type (unparseable),
 *   - is a number among labels or a value of another column (the lists the column profiles report),
 *   - is missing in a column that is almost never missing; a row's missing cells count once, since fields that
 *     are missing together (a zone and its borough) are a pattern, not a shift.
 */
import { listValue } from '@duckdb/node-api';
import type { DuckDBSession } from '../engine/duckdb-session.js';
import { balancedSql } from '../engine/sql.js';
import type { ColumnPlan } from '../inference/column-plan.js';
import { invalidValueSql } from '../statistics/column-sql.js';
import { isTextColumn, valueColumn } from '../statistics/typed-table.js';

/** A row is misaligned from this many out-of-place signals on. */
export const MISALIGNED_MIN_SIGNALS = 2;
/** A missing cell is out of place in a column missing in at most this share of the rows. */
export const RARE_MISSING_SHARE = 0.01;

const MISPLACED_TABLE = 'misplaced_values';

export interface MisalignmentInputs {
  /** Per column: values that do not parse as its type. */
  invalidCounts: readonly number[];
  /** Per column: values of it that belong to another column (trimmed), or null. */
  misplacedValues: readonly (readonly string[] | null)[];
  missingCounts: readonly number[];
  /** Per column: SQL that holds when its cell is missing. */
  missingSql: readonly string[];
  rowCount: number;
}

/** Which columns give which signal (plan indices). */
export interface MisalignmentSignals {
  unparseable: number[];
  misplaced: number[];
  rareMissing: number[];
}

/** SQL over the typed table, once the misplaced values are loaded. */
export interface MisalignmentSql {
  signals: MisalignmentSignals;
  /** The row is misaligned: it has at least MISALIGNED_MIN_SIGNALS signals. */
  condition: string;
  /** The plan indices of the row's out-of-place cells, comma-separated. */
  columns: string;
}

function chooseSignals(plans: readonly ColumnPlan[], inputs: MisalignmentInputs): MisalignmentSignals {
  const { invalidCounts, misplacedValues, missingCounts, rowCount } = inputs;
  const indices = plans.map((_, i) => i);
  return {
    unparseable: indices.filter((i) => !isTextColumn(plans[i]!) && invalidCounts[i]! > 0),
    misplaced: indices.filter((i) => (misplacedValues[i]?.length ?? 0) > 0),
    rareMissing: indices.filter((i) => missingCounts[i]! > 0 && missingCounts[i]! <= RARE_MISSING_SHARE * rowCount),
  };
}

/**
 * Loads the misplaced values into a table (bound parameters: they are cell values) and returns the row's
 * signal SQL, or null when no row can reach MISALIGNED_MIN_SIGNALS (missing cells alone count once).
 */
export async function misalignmentSql(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  inputs: MisalignmentInputs,
): Promise<MisalignmentSql | null> {
  const signals = chooseSignals(plans, inputs);
  const cellSignals = signals.unparseable.length + signals.misplaced.length;
  if (cellSignals === 0 || cellSignals + (signals.rareMissing.length > 0 ? 1 : 0) < MISALIGNED_MIN_SIGNALS) return null;

  await session.run(`CREATE OR REPLACE TEMP TABLE ${MISPLACED_TABLE} (c INTEGER, value VARCHAR)`);
  for (const i of signals.misplaced) {
    await session.run(`INSERT INTO ${MISPLACED_TABLE} SELECT $1::INTEGER, unnest($2::VARCHAR[])`, [
      i,
      listValue([...inputs.misplacedValues[i]!]),
    ]);
  }
  const cells = [
    ...signals.unparseable.map((i) => ({ i, sql: invalidValueSql(plans[i]!) })),
    ...signals.misplaced.map((i) => {
      const v = valueColumn(plans[i]!);
      // Trimmed as the insight's SQL and the value lists are (spaces, tabs, line breaks).
      const trimmed = `trim(${v}, ' ' || chr(9) || chr(10) || chr(13))`;
      return { i, sql: `(${v} IS NOT NULL AND ${trimmed} IN (SELECT value FROM ${MISPLACED_TABLE} WHERE c = ${i}))` };
    }),
  ];
  const missing = signals.rareMissing.map((i) => ({ i, sql: inputs.missingSql[i]! }));
  const anyMissing =
    missing.length === 0
      ? null
      : balancedSql(
          missing.map((m) => m.sql),
          'OR',
        );
  const count = balancedSql(
    [...cells.map((c) => c.sql), ...(anyMissing ? [anyMissing] : [])].map((sql) => `CAST(${sql} AS INTEGER)`),
    '+',
  );
  const columns = [...cells, ...missing]
    .sort((a, b) => a.i - b.i)
    .map((c) => `CASE WHEN ${c.sql} THEN '${c.i}' END`)
    .join(', ');
  return { signals, condition: `${count} >= ${MISALIGNED_MIN_SIGNALS}`, columns: `concat_ws(',', ${columns})` };
}
