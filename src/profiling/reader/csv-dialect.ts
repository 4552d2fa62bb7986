/**
 * CSV dialect sniffing done in JS on the file's head. DuckDB's own sniffer silently skips leading rows when
 * rows are ragged, which would lose data without a word, so the dialect is decided here and DuckDB then reads
 * in strict mode, failing with the offending line.
 */
import { ProfilingError } from '../errors.js';

export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITER_CANDIDATES)[number];

export interface CsvDialect {
  delimiter: Delimiter;
  hasHeader: boolean;
  /** Header cells as written (or generated names when there is no header). */
  header: string[];
  /** First records of the head (header excluded), for a first look at the data. */
  sampleRecords: string[][];
}

const MAX_SNIFF_RECORDS = 500;

/**
 * RFC 4180 record splitter: double-quote quoting with "" as escape; quoted fields may contain newlines.
 * Lines without a quote character (most of them) are split directly; only quoted records take the
 * character-by-character path.
 */
export function parseCsvRecords(text: string, delimiter: string, maxRecords: number): string[][] {
  const records: string[][] = [];
  let position = 0;
  while (position < text.length && records.length < maxRecords) {
    let lineEnd = text.indexOf('\n', position);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(position, lineEnd);
    if (!line.includes('"')) {
      const clean = line.endsWith('\r') ? line.slice(0, -1) : line;
      // Blank lines are not records for DuckDB either.
      if (clean !== '') records.push(clean.split(delimiter));
      position = lineEnd + 1;
      continue;
    }
    const { record, next } = parseQuotedRecord(text, position, delimiter);
    records.push(record);
    position = next;
  }
  return records;
}

function parseQuotedRecord(text: string, start: number, delimiter: string): { record: string[]; next: number } {
  const record: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = start;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else inQuotes = false;
    } else if (ch === '"' && field === '') inQuotes = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n') break;
    else if (ch !== '\r' || text[i + 1] !== '\n') field += ch;
  }
  record.push(field);
  return { record, next: i + 1 };
}

function modeFieldCount(records: string[][]): { count: number; share: number } {
  const tally = new Map<number, number>();
  for (const record of records) tally.set(record.length, (tally.get(record.length) ?? 0) + 1);
  let best = { count: 1, share: 0 };
  for (const [count, times] of tally) {
    const share = times / records.length;
    if (share > best.share || (share === best.share && count > best.count)) best = { count, share };
  }
  return best;
}

const LOOKS_LIKE_DATA = /^\s*([+-]?(\d+[.,]?\d*|[.,]\d+)([eE][+-]?\d+)?|\d{4}-\d{2}-\d{2}.*|\d{1,2}[/.]\d{1,2}[/.]\d{4})\s*$/;

export function sniffCsvDialect(headText: string, headIsWholeFile: boolean, sampleRecords: number): CsvDialect {
  let best: { delimiter: Delimiter; records: string[][]; count: number; share: number } | null = null;
  for (const delimiter of DELIMITER_CANDIDATES) {
    const records = parseCsvRecords(headText, delimiter, MAX_SNIFF_RECORDS + 1);
    if (records.length === 0) continue;
    // The last record of a partial head may be cut short; do not let it vote.
    const voting = !headIsWholeFile && records.length > 2 ? records.slice(0, -1) : records;
    const { count, share } = modeFieldCount(voting);
    const score = count > 1 ? share : 0;
    const bestScore = !best ? -1 : best.count > 1 ? best.share : 0;
    if (!best || score > bestScore || (score === bestScore && count > best.count)) {
      best = { delimiter, records: voting, count, share };
    }
  }
  if (!best) throw new ProfilingError('EMPTY_FILE', 'No records found');

  if (best.count === 1) assertSingleColumnIsTabular(best.records);
  else assertConsistentTable(best.records, best.share);
  // The head doubles as the inference sample, which spares DuckDB a separate read of the file's start.
  const all = parseCsvRecords(headText, best.delimiter, sampleRecords + 2);
  const records = !headIsWholeFile && all.length > 2 ? all.slice(0, -1) : all;
  const [first = [], ...rest] = records;

  // A header row has no cell that looks like a number or a date (a data row usually does).
  const hasHeader = rest.length === 0 || !first.some((cell) => LOOKS_LIKE_DATA.test(cell));
  const header = hasHeader ? first : first.map((_, index) => `column${index + 1}`);
  return {
    delimiter: best.delimiter,
    hasHeader,
    header,
    sampleRecords: (hasHeader ? rest : records).slice(0, sampleRecords),
  };
}

/**
 * One ragged row is a defect to report with its line (DuckDB does that on the full read); lines that mostly
 * disagree on their field count, or a "header" made of sentences, mean the file is not a table at all.
 */
function assertConsistentTable(records: string[][], modeShare: number): void {
  // Small files get more slack: in 4 lines one ragged row is already 25%.
  if (modeShare < 0.5 || (records.length >= 10 && modeShare < 0.8)) {
    throw new ProfilingError(
      'NOT_TABULAR',
      `Not a table: only ${Math.round(modeShare * 100)}% of the first ${records.length} lines have the same number of fields`,
      1,
    );
  }
  const header = records[0] ?? [];
  const meanHeaderWords = header.reduce((sum, cell) => sum + cell.trim().split(/\s+/).filter(Boolean).length, 0) / header.length;
  if (meanHeaderWords >= 6) {
    throw new ProfilingError('NOT_TABULAR', 'The file looks like prose, not a table: its first line is made of sentences', 1);
  }
}

/** A one-column "CSV" is fine (a list of emails), but prose is not a table. */
function assertSingleColumnIsTabular(records: string[][]): void {
  const cells = records.map((r) => r[0] ?? '');
  const wordCounts = cells.map((cell) => cell.trim().split(/\s+/).filter(Boolean).length);
  const meanWords = wordCounts.reduce((sum, n) => sum + n, 0) / Math.max(1, wordCounts.length);
  const lengths = new Set(cells.map((cell) => cell.length));
  if (meanWords >= 6 || (records.length > 3 && lengths.size === records.length && meanWords >= 4)) {
    throw new ProfilingError(
      'NOT_TABULAR',
      'The file looks like prose, not a table: no delimiter (, ; tab |) splits its lines into consistent columns',
      1,
    );
  }
}
