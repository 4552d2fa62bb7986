/** Decoding of the structured aggregate results (MAP) that DuckDB returns as JSON. */
import { toCount } from '../engine/duckdb-session.js';

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
