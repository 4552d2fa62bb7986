/**
 * Turns a detected file into a DuckDB relation whose columns are all VARCHAR and named c0, c1, …
 * positionally. Naming columns ourselves is what makes hostile header names harmless: they never appear
 * in SQL. The file path is always the bound parameter $1.
 */
import type { DuckDBSession } from '../engine/duckdb-session.js';
import { stringLiteral } from '../engine/sql.js';
import { ProfilingError } from '../errors.js';
import { sniffCsvDialect } from './csv-dialect.js';
import type { SourceFileInfo } from '../types.js';
import type { DetectedFile } from './file-format.js';

export interface SourceRelation {
  /** A FROM-clause item; the file path is parameter $1. */
  fromSql: string;
  /** Original column names, in file order. */
  names: string[];
  /** Positional VARCHAR column name for column i. */
  rawColumn: (index: number) => string;
  delimiter: string | null;
  hasHeader: boolean | null;
  /** First records already parsed while sniffing (CSV), as DuckDB would read them (empty field = NULL). */
  headRecords: (string | null)[][] | null;
}

export const rawColumnName = (index: number): string => `c${index}`;

/** What a profile or an inspection reports about the file it read. */
export function sourceFileInfo(path: string, file: DetectedFile, source: SourceRelation): SourceFileInfo {
  return {
    path,
    format: file.format,
    sizeBytes: file.sizeBytes,
    encoding: file.encoding,
    delimiter: source.delimiter,
    hasHeader: source.hasHeader,
  };
}

/** Longest CSV record accepted, in bytes. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** A CSV needs no engine here (sniffed in JS), so the session may still be opening: it is awaited only for others. */
export async function openSourceRelation(
  session: DuckDBSession | PromiseLike<DuckDBSession>,
  file: DetectedFile,
  sampleRecords: number,
): Promise<SourceRelation> {
  if (file.format === 'csv') return csvRelation(file, sampleRecords);
  const reader = file.format === 'json' ? `read_json($1, format = 'auto')` : 'read_parquet($1)';
  const described = await (await session).rows(`DESCRIBE SELECT * FROM ${reader}`, [file.path]).catch((error: unknown) => {
    throw translateReadError(error);
  });
  const names = described.map((row) => String(row['column_name']));
  if (names.length === 0) throw new ProfilingError('NOT_TABULAR', 'The file has no columns');
  // Positional references (#1, #2, …) again keep the file's own names out of the SQL text.
  const select = names.map((_, i) => `CAST(#${i + 1} AS VARCHAR) AS ${rawColumnName(i)}`).join(', ');
  return {
    fromSql: `(SELECT ${select} FROM ${reader})`,
    names,
    rawColumn: rawColumnName,
    delimiter: null,
    hasHeader: null,
    headRecords: null,
  };
}

function csvRelation(file: DetectedFile, sampleRecords: number): SourceRelation {
  const dialect = sniffCsvDialect(file.headText, file.headIsWholeFile, sampleRecords);
  const columns = dialect.header.map((_, i) => `${stringLiteral(rawColumnName(i))}: 'VARCHAR'`).join(', ');
  const options = [
    'auto_detect = false',
    `header = ${dialect.hasHeader}`,
    'skip = 0',
    `delim = ${stringLiteral(dialect.delimiter)}`,
    `quote = '"'`,
    `escape = '"'`,
    `columns = {${columns}}`,
    'strict_mode = true',
    `encoding = ${stringLiteral(file.encoding === 'latin-1' ? 'latin-1' : 'utf-8')}`,
    // A single cell may legitimately be large (free text); DuckDB's default 2 MB would reject it.
    `max_line_size = ${MAX_LINE_BYTES}`,
    // DuckDB sizes its read buffer from max_line_size (16 × it) unless told: one 256 MB buffer held the
    // benchmark's 89 MB file whole and the scan ran on one thread (count(*) 280 ms vs 150 ms on two). 32 MB is
    // DuckDB's default buffer, still twice the longest line allowed.
    `buffer_size = ${2 * MAX_LINE_BYTES}`,
  ];
  return {
    fromSql: `read_csv($1, ${options.join(', ')})`,
    names: dialect.header,
    rawColumn: rawColumnName,
    delimiter: dialect.delimiter,
    hasHeader: dialect.hasHeader,
    headRecords: dialect.sampleRecords.map((record) =>
      dialect.header.map((_, i) => (record[i] === undefined || record[i] === '' ? null : record[i]!)),
    ),
  };
}

/** Rewrites DuckDB reader errors into ProfilingErrors that name the problem and the line. */
export function translateReadError(error: unknown): Error {
  if (error instanceof ProfilingError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const lineMatch = /CSV Error on Line: (\d+)/.exec(message);
  const line = lineMatch ? Number(lineMatch[1]) : null;
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (columns) {
    return new ProfilingError(
      'RAGGED_ROWS',
      `Ragged row at line ${line ?? '?'}: ${columns[2]} fields where the header has ${columns[1]}`,
      line,
      { cause: error },
    );
  }
  if (/Invalid unicode|not utf-8 encoded/i.test(message)) {
    return new ProfilingError('ENCODING', `Invalid UTF-8 at line ${line ?? '?'}; the file mixes encodings`, line, {
      cause: error,
    });
  }
  if (/unterminated quote|Value with unterminated quote/i.test(message)) {
    return new ProfilingError('MALFORMED', `Unterminated quoted field starting at line ${line ?? '?'}`, line, {
      cause: error,
    });
  }
  if (/JSON|Malformed/i.test(message)) {
    const detail = withoutPaths(message.split('\n')[0]!).replace(/^Invalid Input Error: Malformed JSON\s*,?\s*/i, '');
    return new ProfilingError('MALFORMED', `Malformed JSON ${detail}`.trim(), line, { cause: error });
  }
  const firstLine = withoutPaths(message.split('\n').slice(0, 3).join(' '));
  return new ProfilingError(line ? 'MALFORMED' : 'ENGINE', `Could not read the file: ${firstLine}`, line, { cause: error });
}

/** DuckDB names the file it read; behind the API that is the server's storage path, no client's business. */
function withoutPaths(text: string): string {
  return text.replace(/\s*in file "[^"]*"/g, '').replace(/"\/[^"]*"|'\/[^']*'/g, 'the file');
}

/** Refuses a file wider than the profiler takes, before a row of it is read. */
export function refuseTooWide(source: Pick<SourceRelation, 'names'>, maxColumns: number): void {
  if (source.names.length > maxColumns) {
    throw new ProfilingError(
      'TOO_WIDE',
      `The file has ${source.names.length} columns; at most ${maxColumns} can be analysed (split it, or drop columns)`,
    );
  }
}
