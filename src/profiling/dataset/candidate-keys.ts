/** Columns that could be a primary key: every row has a value, it parses, and no value repeats. */
import type { DuckDBSession } from '../engine/duckdb-session.js';
import { toCount } from '../engine/duckdb-session.js';
import type { ColumnPlan } from '../inference/column-plan.js';
import type { ColumnFacts } from '../statistics/facts.js';
import { PROFILED_TABLE, valueColumn } from '../statistics/typed-table.js';

/** Returns the indexes of key columns; approximate distinct counts are confirmed exactly, in one query. */
export async function findCandidateKeys(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  facts: readonly ColumnFacts[],
  rowCount: number,
): Promise<number[]> {
  if (rowCount === 0) return [];
  const complete = plans.filter((_, i) => facts[i]!.validCount === rowCount);
  const exactKeys = complete.filter((p) => !facts[p.index]!.distinct.approximate && facts[p.index]!.distinct.count === rowCount);
  const toConfirm = complete.filter((p) => {
    const distinct = facts[p.index]!.distinct;
    // Within ~4 standard errors of "all distinct": worth an exact check, unless the subsample already holds a value
    // twice (random timestamps at 1M rows: 287 ms of count(DISTINCT) to find what the subsample had shown).
    return distinct.approximate && !distinct.duplicatesSeen && distinct.count >= rowCount * (1 - 4 * (distinct.relativeStandardError ?? 0));
  });
  if (toConfirm.length === 0) return exactKeys.map((p) => p.index);
  const select = toConfirm.map((p) => `count(DISTINCT ${valueColumn(p)}) AS k${p.index}`).join(', ');
  const row = await session.one(`SELECT ${select} FROM ${PROFILED_TABLE}`);
  const confirmed = toConfirm.filter((p) => toCount(row[`k${p.index}`]) === rowCount);
  for (const p of confirmed) {
    // The exact check is also the exact distinct count.
    facts[p.index]!.distinct = { count: rowCount, approximate: false, relativeStandardError: null };
  }
  return [...exactKeys, ...confirmed].map((p) => p.index).sort((a, b) => a - b);
}
