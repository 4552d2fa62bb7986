/**
 * Row-level facts for the insights (src/insights) that the statistics passes do not keep: the first rows where
 * each column is missing, how many fields each row is missing, negative numbers, zeros and dates after the day
 * of profiling, and rows with several cells out of place (misaligned-rows.ts), with the first examples.
 *
 * One scan groups the rows by their number of missing fields (and counts future dates and misaligned rows on
 * the way); the first
 * rows of each check come from fetchExamples, whose "first rows" branches stop after five matches instead of
 * scanning the table (top-n aggregates over every row cost ≈ 0.1 s CPU at 1M rows).
 */
import type { RowChecks } from '../distribution-schema.js';
import type { DuckDBSession } from '../engine/duckdb-session.js';
import { toCount } from '../engine/duckdb-session.js';
import { balancedSql } from '../engine/sql.js';
import type { ColumnPlan } from '../inference/column-plan.js';
import { invalidValueSql } from '../statistics/column-sql.js';
import { fetchExamples, type ExampleRequest } from '../statistics/examples-pass.js';
import { PROFILED_TABLE, isTextColumn, tokenColumn, valueColumn } from '../statistics/typed-table.js';
import type { MisalignedRows, RowMissingness } from '../types.js';
import { MISALIGNED_MIN_SIGNALS, RARE_MISSING_SHARE, misalignmentSql } from './misaligned-rows.js';

/** A row is "mostly missing" from this share of its fields on. */
export const MOSTLY_MISSING_ROW_SHARE = 0.5;

export interface RowCheckFacts {
  columns: RowChecks[];
  missingness: RowMissingness;
  misaligned: MisalignedRows;
}

/** Per column, the counts the profiles report, and the values that belong to another column (trimmed). */
export interface RowCheckInputs {
  missingCounts: readonly number[];
  negativeCounts: readonly number[];
  zeroCounts: readonly number[];
  invalidCounts: readonly number[];
  misplacedValues: readonly (readonly string[] | null)[];
  rowCount: number;
}

const isNumber = (plan: ColumnPlan) => plan.rule.valueType === 'integer' || plan.rule.valueType === 'decimal';

/**
 * SQL: is the cell of this column missing (empty field or null token, not a bad value)? A typed column without bad
 * values is missing exactly where it has no value: the shorter test is the same on this table, and a wide file's
 * queries, which hold one per column, plan much faster with it.
 */
function missingSql(plan: ColumnPlan, invalidCount: number): string {
  if (isTextColumn(plan)) return `(${tokenColumn(plan)} IS NOT NULL)`;
  if (invalidCount === 0) return `(${valueColumn(plan)} IS NULL)`;
  return `(${valueColumn(plan)} IS NULL AND NOT ${invalidValueSql(plan)})`;
}

export async function computeRowChecks(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  inputs: RowCheckInputs,
): Promise<RowCheckFacts> {
  const { missingCounts, negativeCounts, zeroCounts, rowCount } = inputs;
  const today = new Date().toISOString().slice(0, 10);
  const missingFlags = plans.map((plan, i) => missingSql(plan, inputs.invalidCounts[i]!));
  const missingPerRow =
    plans.length === 0
      ? '0'
      : balancedSql(
          missingFlags.map((flag) => `${flag}::INTEGER`),
          '+',
        );
  const mostlyThreshold = Math.max(1, Math.ceil(plans.length * MOSTLY_MISSING_ROW_SHARE));
  // A date is in the future when it is after today; a datetime when it is after the end of today (UTC).
  const futureSql = (plan: ColumnPlan): string | null => {
    const v = valueColumn(plan);
    if (plan.rule.valueType === 'date') return `${v} > DATE '${today}'`;
    if (plan.rule.valueType === 'datetime') return `${v} >= CAST(DATE '${today}' + 1 AS TIMESTAMP)`;
    return null;
  };
  const future = plans.map(futureSql);

  const futureColumns = plans.flatMap((_, i) => (future[i] ? [i] : []));
  const futureSums = futureColumns.map((i) => `, sum(CAST(${future[i]} AS INTEGER)) AS f${i}`).join('');
  const misalignment = rowCount === 0 ? null : await misalignmentSql(session, plans, { ...inputs, missingSql: missingFlags });
  const misalignedSum = misalignment ? `, sum(CAST(${misalignment.condition} AS INTEGER)) AS misaligned` : '';
  const groups =
    rowCount === 0
      ? []
      : await session.rows(`SELECT ${missingPerRow} AS k, count(*) AS n${futureSums}${misalignedSum} FROM ${PROFILED_TABLE} GROUP BY 1`);
  const misalignedCount = groups.reduce((sum, g) => sum + toCount(g['misaligned']), 0);
  const futureCounts = plans.map((_, i) => groups.reduce((sum, g) => sum + toCount(g[`f${i}`]), 0));
  const fieldsPerRow = groups
    .map((g) => ({ missingFields: toCount(g['k']), rows: toCount(g['n']) }))
    .sort((a, b) => a.missingFields - b.missingFields);
  const mostlyCount = fieldsPerRow.filter((f) => f.missingFields >= mostlyThreshold).reduce((sum, f) => sum + f.rows, 0);

  // Examples only where the counts say there are some: a branch with no match would scan the whole table.
  const requests: ExampleRequest[] = [];
  plans.forEach((plan, i) => {
    const v = valueColumn(plan);
    if (missingCounts[i]! > 0) requests.push({ key: `${i}:missing`, value: 'NULL', condition: missingFlags[i]!, orderBy: null });
    if (isNumber(plan) && negativeCounts[i]! > 0) requests.push({ key: `${i}:negative`, value: v, condition: `${v} < 0`, orderBy: null });
    if (isNumber(plan) && zeroCounts[i]! > 0) requests.push({ key: `${i}:zero`, value: v, condition: `${v} = 0`, orderBy: null });
    if (futureCounts[i]! > 0) requests.push({ key: `${i}:future`, value: v, condition: future[i]!, orderBy: null });
  });
  if (mostlyCount > 0)
    requests.push({ key: 'mostly', value: missingPerRow, condition: `${missingPerRow} >= ${mostlyThreshold}`, orderBy: null });
  if (misalignment && misalignedCount > 0)
    requests.push({ key: 'misaligned', value: misalignment.columns, condition: misalignment.condition, orderBy: null });
  const examples = await fetchExamples(session, requests);
  const nameOf = (i: number) => plans[i]!.columnName;
  const examplesOf = (key: string) => examples.get(key) ?? [];

  const columns: RowChecks[] = plans.map((plan, i) => ({
    missingRows: examplesOf(`${i}:missing`).map((e) => e.row),
    negative: isNumber(plan) && negativeCounts[i]! > 0 ? { count: negativeCounts[i]!, examples: examplesOf(`${i}:negative`) } : null,
    zero: isNumber(plan) && zeroCounts[i]! > 0 ? { count: zeroCounts[i]!, examples: examplesOf(`${i}:zero`) } : null,
    future: future[i] ? { after: today, count: futureCounts[i]!, examples: examplesOf(`${i}:future`) } : null,
  }));
  return {
    columns,
    missingness: {
      fieldsPerRow,
      threshold: MOSTLY_MISSING_ROW_SHARE,
      mostlyMissing: {
        count: mostlyCount,
        share: rowCount === 0 ? 0 : mostlyCount / rowCount,
        examples: examplesOf('mostly').map((e) => ({ row: e.row, missingFields: Number(e.value) })),
      },
    },
    misaligned: {
      count: misalignedCount,
      share: rowCount === 0 ? 0 : misalignedCount / rowCount,
      minimumSignals: MISALIGNED_MIN_SIGNALS,
      rareMissingShare: RARE_MISSING_SHARE,
      signals: {
        unparseable: (misalignment?.signals.unparseable ?? []).map(nameOf),
        misplaced: (misalignment?.signals.misplaced ?? []).map(nameOf),
        rareMissing: (misalignment?.signals.rareMissing ?? []).map(nameOf),
      },
      examples: examplesOf('misaligned').map((e) => ({ row: e.row, columns: e.value.split(',').map((i) => nameOf(Number(i))) })),
    },
  };
}
