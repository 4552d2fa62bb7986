// One page of an insight's affected rows: the insight's own SQL
// (code.sql.affectedRows, written by the insight rules, never by a client) run
// in a private DuckDB over the dataset's stored file, bounded in threads,
// memory, time and rows, with the file the only one it may read.
//
// The file is read once, in order, on one thread, into a table that numbers
// its data rows (row_number() over the scan is the file's 1-based data row, as
// bench/insights/cells.ts relies on); `dataset`, the view the SQL expects, is
// that table without the number. SQL of the shape `SELECT * FROM dataset WHERE
// <condition>` (every row check) is run over the numbered table, so each row
// comes with its number and pages go in file order; any other SELECT (the
// duplicate rows' EXCEPT ALL) is run as written, its rows unnumbered and paged
// in the order of their values.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance, StatementType } from '@duckdb/node-api';
import { AppError } from '../errors.js';
import { ident, literal } from '../insights/code/sql.js';
import { DATASET_TABLE, datasetSelectSql, type DatasetViewProfile } from '../insights/index.js';

/** The bounds of one read. Tests may lower timeLimitMs. */
export const affectedRowsSettings = {
  /** From opening DuckDB to the last row of the page; then the query is interrupted. */
  timeLimitMs: 10_000,
  memoryLimit: '256MB',
  /** Reads running at once in this process; more wait their turn. */
  concurrency: 2,
};

export type AffectedRowsRequest = {
  /** The stored file, as a path on this machine. */
  filePath: string;
  /** How the file is written and its columns' names, in file order (what datasetViewSql needs). */
  view: DatasetViewProfile;
  /** The insight's code.sql.affectedRows. */
  sql: string;
  /** The analysis' sample limit: only the first this many data rows (null: the whole file). */
  rowLimit: number | null;
  /** Rows of the result to skip, and how many to return after them. */
  offset: number;
  limit: number;
  /** Where DuckDB may spill (a private folder is made inside and removed after). */
  tempDirectory: string;
};

export type AffectedRow = {
  /** 1-based data row of the file (the header is not a row); null when the SQL's rows are not the file's rows. */
  row: number | null;
  /** The row's cells as text, in `columns` order; null for an empty cell. */
  values: (string | null)[];
};

export type AffectedRowsPage = {
  columns: string[];
  /** Rows the SQL returns in all. */
  totalCount: number;
  rows: AffectedRow[];
  hasNextPage: boolean;
};

const ROW_FILTER = /^SELECT \* FROM dataset WHERE /;

export async function readAffectedRows(request: AffectedRowsRequest): Promise<AffectedRowsPage> {
  const release = await slots.acquire();
  try {
    return await withDuckDB(request, (connection, timedOut) => page(connection, request, timedOut));
  } finally {
    release();
  }
}

/** A private in-memory DuckDB that may read only `filePath`, interrupted at the time limit. */
async function withDuckDB<T>(
  request: AffectedRowsRequest,
  work: (connection: DuckDBConnection, timedOut: () => boolean) => Promise<T>,
): Promise<T> {
  await mkdir(request.tempDirectory, { recursive: true });
  const temp = await mkdtemp(path.join(request.tempDirectory, 'affected-rows-'));
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    connection?.interrupt();
  }, affectedRowsSettings.timeLimitMs);
  try {
    instance = await DuckDBInstance.create(':memory:', {
      threads: '1',
      memory_limit: affectedRowsSettings.memoryLimit,
      temp_directory: temp,
      // One thread keeps the scan, and so the row numbers, in file order.
      preserve_insertion_order: 'true',
      autoinstall_known_extensions: 'false',
      // CSV, JSON and Parquet readers are built in; nothing is loaded from disk.
      autoload_known_extensions: 'false',
    });
    connection = await instance.connect();
    if (expired) throw timeLimitError();
    // No file but the dataset's (spilling to temp_directory still works), and no setting changes after this.
    await connection.run(`SET allowed_paths = [${literal(request.filePath)}]`);
    await connection.run('SET enable_external_access = false');
    await connection.run('SET lock_configuration = true');
    return await work(connection, () => expired);
  } catch (error) {
    if (expired) throw timeLimitError();
    throw error;
  } finally {
    clearTimeout(timer);
    connection?.closeSync();
    instance?.closeSync();
    await rm(temp, { recursive: true, force: true });
  }
}

async function page(connection: DuckDBConnection, request: AffectedRowsRequest, timedOut: () => boolean): Promise<AffectedRowsPage> {
  const step = async <T>(run: () => Promise<T>): Promise<T> => {
    const result = await run();
    // An interrupt that arrived between two statements stops the next one here.
    if (timedOut()) throw timeLimitError();
    return result;
  };
  const names = new Set(request.view.columns.map((c) => c.columnName));
  let rowColumn = '__row';
  for (let i = 1; names.has(rowColumn); i++) rowColumn = `__row_${i}`;
  const row = ident(rowColumn);
  const source = datasetSelectSql(request.view, request.filePath);
  const limited = request.rowLimit === null ? source : `${source} LIMIT ${Math.floor(request.rowLimit)}`;
  await step(() => connection.run(`CREATE TABLE numbered AS SELECT *, row_number() OVER () AS ${row} FROM (${limited}) AS source`));
  await step(() => connection.run(`CREATE VIEW ${DATASET_TABLE} AS SELECT * EXCLUDE (${row}) FROM numbered`));
  await step(() => assertOneSelect(connection, request.sql));

  const numbered = ROW_FILTER.test(request.sql);
  // The condition (and any ORDER BY after it) reads the numbered table under the view's name; a subquery's
  // FROM dataset still reads the view.
  const affected = numbered
    ? `SELECT ${row}, * EXCLUDE (${row}) FROM numbered AS ${DATASET_TABLE} WHERE ${request.sql.replace(ROW_FILTER, '')}`
    : `SELECT NULL::BIGINT AS ${row}, * FROM (${request.sql}) AS affected`;
  const counted = await step(() => connection.runAndReadAll(`SELECT count(*)::BIGINT FROM (${affected}) AS affected`));
  const totalCount = Number(counted.getRowsJson()[0]![0]);
  const order = numbered ? row : 'ALL';
  const reader = await step(() =>
    connection.runAndReadAll(
      `SELECT ${row}, CAST(COLUMNS(* EXCLUDE (${row})) AS VARCHAR) FROM (${affected}) AS affected ORDER BY ${order} LIMIT ${request.limit + 1} OFFSET ${request.offset}`,
    ),
  );
  const rows = reader.getRowsJson() as (string | number | null)[][];
  return {
    columns: reader.columnNames().slice(1),
    totalCount,
    rows: rows.slice(0, request.limit).map(([number, ...values]) => ({
      row: number === null || number === undefined ? null : Number(number),
      values: values.map((v) => (v === null ? null : String(v))),
    })),
    hasNextPage: rows.length > request.limit,
  };
}

/** The SQL is stored by the server, never sent by a client; still, only a single SELECT runs. */
async function assertOneSelect(connection: DuckDBConnection, sql: string): Promise<void> {
  const statements = await connection.extractStatements(sql);
  const prepared = statements.count === 1 ? await statements.prepare(0) : null;
  if (prepared?.statementType !== StatementType.SELECT) {
    throw new Error('An insight’s affectedRows SQL is not a single SELECT; refusing to run it');
  }
}

function timeLimitError(): AppError {
  return new AppError(
    'QUERY_TOO_COMPLEX',
    `Reading the affected rows took longer than the time limit of ${affectedRowsSettings.timeLimitMs / 1000} s; it was stopped. Analyse a sample of the file (sampleLimit) for a faster look.`,
  );
}

/** At most `concurrency` reads at once, in arrival order. */
const slots = {
  running: 0,
  waiting: [] as (() => void)[],
  async acquire(): Promise<() => void> {
    if (this.running >= affectedRowsSettings.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so running stays counted.
      if (next) next();
      else this.running--;
    };
  },
};
