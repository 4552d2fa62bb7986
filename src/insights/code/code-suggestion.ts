/**
 * codeSuggestion text: a pandas section then an SQL section, each under a header line that is a comment in
 * its own language, so either section can be copied and run as it is.
 */
import type { CodeSuggestion } from '../types.js';
import { DATASET_TABLE } from './sql.js';

export const PANDAS_HEADER = '# pandas (df is the file loaded with pandas.read_csv)';
export const SQL_HEADER = `-- SQL (DuckDB; the data is the table or view "${DATASET_TABLE}")`;

export function formatCodeSuggestion(code: CodeSuggestion): string {
  const sql = [...(code.sql.affectedRows ? ['-- rows affected', `${code.sql.affectedRows};`] : []), '-- fix', `${code.sql.fix};`];
  return [PANDAS_HEADER, code.pandas, '', SQL_HEADER, ...sql].join('\n');
}

/** The two sections of a codeSuggestion (for tools that only want one of them). */
export function splitCodeSuggestion(codeSuggestion: string): { pandas: string; sql: string } {
  const at = codeSuggestion.indexOf(`\n${SQL_HEADER}`);
  if (!codeSuggestion.startsWith(PANDAS_HEADER) || at < 0) throw new Error('Not a codeSuggestion');
  return { pandas: codeSuggestion.slice(0, at).trimEnd(), sql: codeSuggestion.slice(at + 1) };
}
