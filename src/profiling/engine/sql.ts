/**
 * The only places where text becomes SQL. User data (column names, cell values, the file path) never goes
 * through here: the path is a bound parameter and columns are referenced by generated names (c0, c1, …), read
 * by position (#1, #2, …) from JSON and Parquet. These helpers quote the profiler's own constants (null tokens,
 * regexes, formats, the CSV reader's options), escaping so that no input can end the literal.
 */

export function stringLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error('NUL cannot appear in a SQL literal');
  return `'${value.replaceAll("'", "''")}'`;
}

export function stringListLiteral(values: readonly string[]): string {
  return `[${values.map(stringLiteral).join(', ')}]`;
}

export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
  // Exponent form keeps full double precision and is valid DuckDB syntax.
  return `(${value.toExponential(17)})::DOUBLE`;
}

/**
 * `a op b op c …` as a balanced tree of parentheses. DuckDB refuses expressions nested deeper than its
 * max_expression_depth (1,000), which a flat chain over 1,000 columns is; the tree is log₂(n) deep.
 */
export function balancedSql(terms: readonly string[], operator: '+' | 'OR' | 'AND'): string {
  if (terms.length === 0) throw new Error('balancedSql needs at least one term');
  if (terms.length === 1) return terms[0]!;
  const middle = Math.ceil(terms.length / 2);
  return `(${balancedSql(terms.slice(0, middle), operator)} ${operator} ${balancedSql(terms.slice(middle), operator)})`;
}
