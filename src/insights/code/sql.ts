/**
 * SQL text for suggestions. Column names and values are user data: identifiers are double-quoted with quotes
 * doubled, values are single-quoted with quotes doubled, so no header or cell can end a literal or add a
 * statement. The SQL reads the table or view named `dataset` (DATASET_TABLE), whose columns carry the
 * profile's column names as text; see dataset-view.ts for the view the tests (and a user) can create.
 */
export const DATASET_TABLE = 'dataset';

export function ident(name: string): string {
  // NUL cannot appear in a DuckDB identifier; no header the profiler reads contains one, but never emit it.
  return `"${name.replaceAll('\u0000', '').replaceAll('"', '""')}"`;
}

export function literal(value: string): string {
  const parts = value.split('\u0000').map((part) => `'${part.replaceAll("'", "''")}'`);
  return parts.join(' || chr(0) || ');
}

export function listLiteral(values: readonly string[]): string {
  return `(${values.map(literal).join(', ')})`;
}

/** A double with full precision; exponent form is valid DuckDB and PostgreSQL syntax. */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
  return Number.isInteger(value) && Math.abs(value) < 2 ** 53 ? `${value}` : `CAST('${value}' AS DOUBLE)`;
}

/** The column as text (works whether the reader typed it or not). */
export const text = (column: string): string => `CAST(${ident(column)} AS VARCHAR)`;
/** Text without surrounding spaces, tabs or line breaks (what the profiler trims before parsing). */
export const trimmed = (column: string): string => `trim(${text(column)}, ' ' || chr(9) || chr(10) || chr(13))`;
