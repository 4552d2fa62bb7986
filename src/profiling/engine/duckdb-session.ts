/** A private DuckDB instance per profile run, configured for bounded memory, plus typed query helpers. */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { ProfilingError } from '../errors.js';

export interface SessionConfig {
  memoryLimit: string;
  tempDirectory: string;
  threads: number;
}

export type JsonRow = Record<string, unknown>;

export class DuckDBSession {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(config: SessionConfig): Promise<DuckDBSession> {
    const instance = await DuckDBInstance.create(':memory:', {
      memory_limit: config.memoryLimit,
      temp_directory: config.tempDirectory,
      threads: String(config.threads),
      // rowid must follow file order so that reported row numbers are the file's.
      preserve_insertion_order: 'true',
      // Never reach out to the network for extensions while reading user files.
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'true',
    });
    const connection = await instance.connect();
    // Query progress (for Analysis.progress) is tracked only with the progress bar on; it is never printed.
    await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 0');
    return new DuckDBSession(instance, connection);
  }

  /** Runs a statement and returns rows as JSON-safe objects (BIGINT/DATE etc. as strings). */
  async rows(sql: string, params: DuckDBValue[] = [], onProgress?: (percent: number) => void): Promise<JsonRow[]> {
    const stop = onProgress ? this.pollProgress(onProgress) : () => {};
    const started = performance.now();
    try {
      const reader = await this.connection.runAndReadAll(sql, params);
      return reader.getRowObjectsJson() as JsonRow[];
    } finally {
      stop();
      traceSql(sql, started);
    }
  }

  /**
   * Runs a statement and returns its columns as arrays of the driver's own values (DOUBLE → number, NULL →
   * null): for tens of thousands of numbers, far cheaper than row objects or JSON text.
   */
  async columns(sql: string, params: DuckDBValue[] = []): Promise<DuckDBValue[][]> {
    const started = performance.now();
    try {
      const reader = await this.connection.runAndReadAll(sql, params);
      return reader.getColumns();
    } finally {
      traceSql(sql, started);
    }
  }

  async one(sql: string, params: DuckDBValue[] = [], onProgress?: (percent: number) => void): Promise<JsonRow> {
    const [row] = await this.rows(sql, params, onProgress);
    if (!row) throw new ProfilingError('ENGINE', 'Query returned no row');
    return row;
  }

  async run(sql: string, params: DuckDBValue[] = [], onProgress?: (percent: number) => void): Promise<void> {
    const stop = onProgress ? this.pollProgress(onProgress) : () => {};
    const started = performance.now();
    try {
      await this.connection.run(sql, params);
    } finally {
      stop();
      traceSql(sql, started);
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private pollProgress(onProgress: (percent: number) => void): () => void {
    const timer = setInterval(() => {
      const { percentage } = this.connection.progress;
      if (percentage >= 0) onProgress(Math.min(100, percentage));
    }, 250);
    timer.unref();
    return () => clearInterval(timer);
  }
}

/**
 * DATAINSIGHT_TRACE_SQL=1 prints each statement's duration to stderr, to find what makes a profile slow, with the
 * process' CPU time since the previous statement ended (all threads: the engine's work, and any JS in between; on a
 * shared machine it moves less than the wall time).
 */
let tracedCpu = 0;
function traceSql(sql: string, started: number): void {
  if (!process.env['DATAINSIGHT_TRACE_SQL']) return;
  const { user, system } = process.cpuUsage();
  const cpu = (user + system) / 1000;
  const text = sql.replace(/\s+/g, ' ');
  process.stderr.write(
    `[sql ${Math.round(performance.now() - started)} ms, cpu ${Math.round(cpu - tracedCpu)} ms] ${text.slice(0, 160)}\n`,
  );
  tracedCpu = cpu;
}

/** Numbers come back from getRowObjectsJson as number or (for 64-bit and wider) string. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'bigint') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

export function toCount(value: unknown): number {
  return toNumber(value) ?? 0;
}
