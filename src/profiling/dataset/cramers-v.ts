/**
 * Cramér's V between low-cardinality columns: all contingency tables come from one GROUPING SETS query,
 * then V = sqrt(χ² / (n · (min(r, c) − 1))) is computed here (no bias correction).
 */
import type { DuckDBSession } from '../engine/duckdb-session.js';
import { toCount } from '../engine/duckdb-session.js';
import type { ColumnPlan } from '../inference/column-plan.js';
import { PROFILED_TABLE, valueColumn } from '../statistics/typed-table.js';

export interface CramersVFacts {
  a: number;
  b: number;
  cramersV: number;
  n: number;
}

export function cramersV(table: ReadonlyMap<string, ReadonlyMap<string, number>>): { v: number; n: number } | null {
  const rowTotals = new Map<string, number>();
  const colTotals = new Map<string, number>();
  let n = 0;
  for (const [r, cols] of table) {
    for (const [c, count] of cols) {
      rowTotals.set(r, (rowTotals.get(r) ?? 0) + count);
      colTotals.set(c, (colTotals.get(c) ?? 0) + count);
      n += count;
    }
  }
  const k = Math.min(rowTotals.size, colTotals.size);
  if (n === 0 || k < 2) return null;
  let chi2 = 0;
  for (const [r, rTotal] of rowTotals) {
    for (const [c, cTotal] of colTotals) {
      const expected = (rTotal * cTotal) / n;
      const observed = table.get(r)?.get(c) ?? 0;
      chi2 += (observed - expected) ** 2 / expected;
    }
  }
  return { v: Math.sqrt(chi2 / (n * (k - 1))), n };
}

export async function computeCramersV(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  columns: readonly number[],
): Promise<CramersVFacts[]> {
  if (columns.length < 2) return [];
  const pairs: [number, number][] = [];
  for (let i = 0; i < columns.length; i++) for (let j = i + 1; j < columns.length; j++) pairs.push([columns[i]!, columns[j]!]);
  // Each column's text under an alias of its own (a packed table's values are list elements, not names).
  const alias = (c: number) => `c${c}`;
  const select = columns.map((c) => `CAST(${valueColumn(plans[c]!)} AS VARCHAR) AS ${alias(c)}`);
  const sets = pairs.map(([a, b]) => `(${alias(a)}, ${alias(b)})`).join(', ');
  const grouping = columns.map(alias).join(', ');
  // The pairs' tables are sums over the columns' joint table: one hash aggregation over the rows (a few thousand
  // groups of these few-valued columns, at most one per row), then the grouping sets over those groups instead of
  // one hash table per pair fed every row (taxis ×155: 429 → ≈ 100 ms).
  const rows = await session.rows(
    `SELECT ${grouping}, GROUPING(${grouping}) AS grouping_mask, sum(n) AS n
     FROM (SELECT ${grouping}, count(*) AS n FROM (SELECT ${select} FROM ${PROFILED_TABLE}) GROUP BY ALL) GROUP BY GROUPING SETS (${sets})`,
  );
  // GROUPING() sets bit (k-1-i) for column i when it is NOT grouped in that row's set.
  const tables = new Map<string, Map<string, Map<string, number>>>();
  // In a fixed order, so that χ² sums the same terms in the same order on every run (the engine returns the groups
  // in any order).
  const sortKey = (row: Record<string, unknown>) => JSON.stringify([row['grouping_mask'], ...columns.map((c) => row[alias(c)] ?? null)]);
  const ordered = rows.map((row) => ({ row, key: sortKey(row) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { row } of ordered) {
    const mask = toCount(row['grouping_mask']);
    const grouped = columns.filter((_, i) => (mask & (1 << (columns.length - 1 - i))) === 0);
    if (grouped.length !== 2) continue;
    const [a, b] = grouped as [number, number];
    const x = row[alias(a)];
    const y = row[alias(b)];
    if (x === null || y === null) continue;
    const key = `${a}:${b}`;
    const table = tables.get(key) ?? new Map<string, Map<string, number>>();
    const inner = table.get(String(x)) ?? new Map<string, number>();
    inner.set(String(y), toCount(row['n']));
    table.set(String(x), inner);
    tables.set(key, table);
  }
  return pairs.flatMap(([a, b]) => {
    const result = cramersV(tables.get(`${a}:${b}`) ?? new Map());
    return result ? [{ a, b, cramersV: result.v, n: result.n }] : [];
  });
}
