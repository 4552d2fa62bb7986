/** Exact duplicate rows: rows whose every cell equals an earlier row's, compared through a 64-bit row hash. */
import type { DuckDBSession } from '../engine/duckdb-session.js';
import { toCount } from '../engine/duckdb-session.js';
import type { ColumnPlan } from '../inference/column-plan.js';
import { PROFILED_TABLE, rowCellsSql } from '../statistics/typed-table.js';
import type { DuplicateRows } from '../types.js';

export async function findDuplicateRows(session: DuckDBSession, plans: readonly ColumnPlan[], rowCount: number): Promise<DuplicateRows> {
  const rowHash = `hash(${rowCellsSql(plans).join(', ')})`;
  // Counting distinct hashes is a cheap aggregate; the group-by for examples runs only when there are any.
  const counted = await session.one(`SELECT count(*) - count(DISTINCT ${rowHash}) AS duplicates FROM ${PROFILED_TABLE}`);
  if (toCount(counted['duplicates']) === 0) return noDuplicateRows();
  const rows = await session.rows(
    `SELECT n, first_rows, sum(n - 1) OVER () AS duplicates FROM (
       SELECT count(*) AS n, min(rowid, 5) AS first_rows FROM ${PROFILED_TABLE} GROUP BY ${rowHash}
       HAVING count(*) > 1)
     ORDER BY first_rows[1] LIMIT 5`,
  );
  const count = rows.length === 0 ? 0 : toCount(rows[0]!['duplicates']);
  return {
    count,
    share: rowCount === 0 ? 0 : count / rowCount,
    examples: rows.map((row) => ({
      rows: (row['first_rows'] as unknown[]).map((r) => toCount(r) + 1).sort((a, b) => a - b),
      count: toCount(row['n']),
    })),
    method: 'hash64',
  };
}

export function noDuplicateRows(): DuplicateRows {
  return { count: 0, share: 0, examples: [], method: 'hash64' };
}
