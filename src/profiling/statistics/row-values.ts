/** Decoding of the small structured results (row examples, histograms) DuckDB returns as JSON. */
import type { RowValue } from '../distribution-schema.js';
import { toCount } from '../engine/duckdb-session.js';

/** SQL: up to `limit` (row, value) examples of `value` where `condition`, ordered by `orderBy` ascending. */
export function examplesSql(value: string, condition: string, limit = 5, orderBy = 'rowid'): string {
  return `arg_min(struct_pack(r := rowid, v := CAST(${value} AS VARCHAR)), ${orderBy}, ${limit}) FILTER (WHERE ${condition})`;
}

/** Like examplesSql but the `limit` largest `orderBy`. */
export function extremeExamplesSql(value: string, condition: string, orderBy: string, limit = 5): string {
  return `arg_max(struct_pack(r := rowid, v := CAST(${value} AS VARCHAR)), ${orderBy}, ${limit}) FILTER (WHERE ${condition})`;
}

export function parseExamples(value: unknown): RowValue[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry) => {
    const { r, v } = entry as { r: unknown; v: unknown };
    return { row: toCount(r) + 1, value: String(v ?? '') };
  });
}

/** DuckDB MAP → JSON is an array of {key, value}. histogram() also counts NULL, which is dropped here. */
export function parseMap(value: unknown): { key: unknown; count: number }[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((entry) => {
      const { key, value: count } = entry as { key: unknown; value: unknown };
      return { key, count: toCount(count) };
    })
    .filter((entry) => entry.key !== null && entry.key !== undefined);
}
