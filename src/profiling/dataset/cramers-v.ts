/**
 * Cramér's V between low-cardinality columns: all contingency tables come from one GROUPING SETS query,
 * then V = sqrt(χ² / (n · (min(r, c) − 1))) is computed here (no bias correction).
 */
import type { DuckDBSession } from '../engine/duckdb-session.js';
import { toCount } from '../engine/duckdb-session.js';
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

export async function computeCramersV(session: DuckDBSession, columns: readonly number[]): Promise<CramersVFacts[]> {
  if (columns.length < 2) return [];
  const pairs: [number, number][] = [];
  for (let i = 0; i < columns.length; i++) for (let j = i + 1; j < columns.length; j++) pairs.push([columns[i]!, columns[j]!]);
  const select = columns.map((c) => `CAST(${valueColumn(c)} AS VARCHAR) AS ${valueColumn(c)}`);
  const sets = pairs.map(([a, b]) => `(${valueColumn(a)}, ${valueColumn(b)})`).join(', ');
  const grouping = columns.map(valueColumn).join(', ');
  const rows = await session.rows(
    `SELECT ${grouping}, GROUPING(${grouping}) AS grouping_mask, count(*) AS n
     FROM (SELECT ${select} FROM ${PROFILED_TABLE}) GROUP BY GROUPING SETS (${sets})`,
  );
  // GROUPING() sets bit (k-1-i) for column i when it is NOT grouped in that row's set.
  const tables = new Map<string, Map<string, Map<string, number>>>();
  for (const row of rows) {
    const mask = toCount(row['grouping_mask']);
    const grouped = columns.filter((_, i) => (mask & (1 << (columns.length - 1 - i))) === 0);
    if (grouped.length !== 2) continue;
    const [a, b] = grouped as [number, number];
    const x = row[valueColumn(a)];
    const y = row[valueColumn(b)];
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
