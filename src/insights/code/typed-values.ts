/**
 * How to parse a column's text as its profiled type, in SQL and in pandas, the way the profiler parsed it
 * (same date format, same decimal separator, same boolean words), so that "does not parse" means the same
 * rows in the suggestion as in the evidence.
 */
import type { ColumnProfile, ValueType } from '../../profiling/index.js';
import { FALSE_WORDS, TRUE_WORDS, parsesAs } from '../../profiling/inference/value-parsers.js';
import { col, pyList, pyStr } from './python.js';
import { listLiteral, literal, trimmed } from './sql.js';

/** How a column's text parses: its profiled type, or a candidate type of a text column. */
export interface ParseAs {
  valueType: ValueType;
  decimalSeparator: '.' | ',' | null;
  dateFormat: string | null;
}

export function profiledParse(column: ColumnProfile, valueType: ValueType = column.distributionData.valueType): ParseAs {
  const { decimalSeparator, dateFormat } = column.distributionData.typeConsistency;
  return { valueType, decimalSeparator, dateFormat };
}

/** The keys of typeConsistency.candidateShares ('integer', 'decimal(,)', 'date(%d/%m/%Y)'…) as parse rules. */
export function parseOfCandidate(key: string): ParseAs | null {
  if (key === 'integer' || key === 'boolean' || key === 'datetime' || key === 'time')
    return { valueType: key, decimalSeparator: null, dateFormat: null };
  if (key === 'decimal(.)' || key === 'decimal(,)')
    return { valueType: 'decimal', decimalSeparator: key === 'decimal(,)' ? ',' : '.', dateFormat: null };
  if (key === 'date(ISO)') return { valueType: 'date', decimalSeparator: null, dateFormat: null };
  const layout = /^date\((.+)\)$/.exec(key);
  return layout ? { valueType: 'date', decimalSeparator: null, dateFormat: layout[1]! } : null;
}

/** SQL expression: the typed value, NULL when the text is missing or does not parse. */
export function parsedSql(column: ColumnProfile, valueType: ValueType | ParseAs = column.distributionData.valueType): string {
  const t = trimmed(column.columnName);
  const parse = typeof valueType === 'string' ? profiledParse(column, valueType) : valueType;
  const cast = castSql(t, parse);
  const tokens = parsingMissingTokens(column, parse);
  return tokens.length === 0 ? cast : `CASE WHEN ${t} IN ${listLiteral(tokens)} THEN NULL ELSE ${cast} END`;
}

function castSql(t: string, parse: ParseAs): string {
  const { decimalSeparator, dateFormat } = parse;
  switch (parse.valueType) {
    case 'integer':
      return `TRY_CAST(${t} AS BIGINT)`;
    case 'decimal':
      return decimalSeparator === ','
        ? `TRY_CAST(replace(${t}, ',', '.') AS DOUBLE)`
        : // DuckDB reads 'inf' and 'nan' as doubles; the profiler does not count them as numbers.
          `CASE WHEN isfinite(TRY_CAST(${t} AS DOUBLE)) THEN TRY_CAST(${t} AS DOUBLE) END`;
    case 'boolean':
      return `CASE WHEN lower(${t}) IN ${listLiteral(TRUE_WORDS)} THEN true WHEN lower(${t}) IN ${listLiteral(FALSE_WORDS)} THEN false END`;
    case 'date':
      return dateFormat ? `CAST(TRY_STRPTIME(${t}, ${literal(dateFormat)}) AS DATE)` : `TRY_CAST(${t} AS DATE)`;
    case 'datetime':
      return `TRY_CAST(${t} AS TIMESTAMP)`;
    case 'time':
      return `TRY_CAST(${t} AS TIME)`;
    case 'string':
      return t;
  }
}

/** The column's null tokens that would parse as the type (`-999` among numbers): missing, not values. */
function parsingMissingTokens(column: ColumnProfile, parse: ParseAs): string[] {
  if (parse.valueType === 'string') return [];
  return missingTokens(column).filter((token) => token !== '' && parsesAs(parse, token));
}

/** SQL expression: a number for numeric columns (NULL otherwise), for bounds checks. */
export function numericSql(column: ColumnProfile): string {
  return parsedSql(column, column.distributionData.valueType === 'integer' ? 'integer' : 'decimal');
}

/** pandas expression: the parsed Series (NaN/NaT where the text does not parse). */
export function parsedPandas(column: ColumnProfile, valueType: ValueType | ParseAs = column.distributionData.valueType): string {
  const c = col(column.columnName);
  const parse = typeof valueType === 'string' ? profiledParse(column, valueType) : valueType;
  const text = `${c}.astype("string").str.strip()`;
  const tokens = parsingMissingTokens(column, parse);
  const s = tokens.length === 0 ? text : `${text}.mask(${text}.isin(${pyList(tokens)}))`;
  const { decimalSeparator, dateFormat } = parse;
  switch (parse.valueType) {
    case 'integer':
    case 'decimal':
      return decimalSeparator === ','
        ? `pd.to_numeric(${s}.str.replace(",", ".", regex=False), errors="coerce")`
        : `pd.to_numeric(${s}, errors="coerce")`;
    case 'boolean':
      return `${s}.str.lower().map({**dict.fromkeys(${pyList(TRUE_WORDS)}, True), **dict.fromkeys(${pyList(FALSE_WORDS)}, False)})`;
    case 'date':
    case 'datetime':
      return dateFormat ? `pd.to_datetime(${s}, format=${pyStr(dateFormat)}, errors="coerce")` : `pd.to_datetime(${s}, errors="coerce")`;
    case 'time':
      return `pd.to_datetime(${s}, format="mixed", errors="coerce").dt.time`;
    case 'string':
      return s;
  }
}

/** The profile's null tokens seen in this column, plus '' (an empty or blank field). */
export function missingTokens(column: ColumnProfile): string[] {
  return [...new Set(['', ...column.distributionData.missing.tokens.map((t) => t.token.trim())])];
}

/** SQL condition: the cell is missing (NULL, blank, or one of the null tokens seen). */
export function missingSql(column: ColumnProfile): string {
  return `(${trimmed(column.columnName)} IS NULL OR ${trimmed(column.columnName)} IN ${listLiteral(missingTokens(column))})`;
}

/** pandas boolean Series: the cell is missing. */
export function missingPandas(column: ColumnProfile): string {
  return `(${col(column.columnName)}.isna() | ${col(column.columnName)}.astype("string").str.strip().isin(${pyList(missingTokens(column))}))`;
}
