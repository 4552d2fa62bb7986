/**
 * compareFiles: the exact mode. The comparison of the two analyses (compareProfiles), with the distribution tests
 * of the numeric, date and categorical columns recomputed from the two files in a private DuckDB instance:
 *   numbers and dates  the two-sample KS distance over the exact empirical CDFs, and PSI over the base's exact
 *                      deciles (or its values, when the profile found few) with exact counts in every bin. Each
 *                      side's values come out of DuckDB sorted — grouped with their counts when the column has
 *                      few distinct values, one by one otherwise — and are merged in JS; past maxValuesInMemory
 *                      values the running sums are taken in SQL instead;
 *   categories         the exact counts of every top value of either side, and of everything else.
 * Columns whose profiles already count every value on both sides (few distinct numbers, a histogram of one bin
 * per value, top values holding every category) keep their statistics, exact already (method `profiles`,
 * approximate false), and are not read again.
 * Each file is read once, parsed as its profile says (the profiler's own parse rules, null tokens and learned
 * missing markers), into a temporary table of just the compared columns: numbers as DOUBLE (dates as epoch
 * seconds), categories as their index in the list of top values (0: another value). Missing shares and distinct
 * counts stay those of the profiles (method `profiles`). Column names and values never enter the SQL: columns
 * are read by position and the categories are bound as parameters.
 */
import { DuckDBInstance, listValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { DuckDBSession } from '../profiling/engine/duckdb-session.js';
import { numberLiteral, stringListLiteral } from '../profiling/engine/sql.js';
import { safeColumnNames } from '../profiling/inference/column-plan.js';
import { numericPositionSql, parsesAs, typedValueSql } from '../profiling/inference/value-parsers.js';
import { detectFile } from '../profiling/reader/file-format.js';
import { openSourceRelation, translateReadError } from '../profiling/reader/source-relation.js';
import { resolveProfileOptions } from '../profiling/index.js';
import { categoricalTests, categoryCountsOf, categoryTable } from './categorical-drift.js';
import { familyOf, withDistributionTests, type ColumnPair } from './column-drift.js';
import { compareParsed, driftedColumns, parseComparableAnalysis, resolveThresholds, warningsFor } from './compare-profiles.js';
import { ComparisonError } from './errors.js';
import { cdfOfColumn, exactNumericEvidence, numericTests, type NumericEvidence, type SortedSample } from './numeric-drift.js';
import { diffSchema } from './schema-diff.js';
import type {
  AnalysisComparison,
  ComparableAnalysis,
  ComparableAnalysisInput,
  ComparableColumn,
  CompareOptions,
  DriftFamily,
  DriftTest,
} from './schemas.js';

export interface CompareFilesOptions extends CompareOptions {
  /** DuckDB memory_limit (default 1GB); beyond it DuckDB spills to tempDirectory. */
  memoryLimit?: string;
  tempDirectory?: string;
  /** DuckDB worker threads (default: the number of CPUs). */
  threads?: number;
  /**
   * Columns of many distinct values are merged in JS, 8 bytes a value, up to this many values on both sides
   * together (default 50,000,000: 400 MB); beyond, the running sums are computed in SQL (DuckDB spills).
   */
  maxValuesInMemory?: number;
  /**
   * How each side of a numeric column is read (default auto: grouped up to 100,000 distinct values, else sorted
   * within maxValuesInMemory, else sql). Every strategy gives the same exact statistics; only the cost differs.
   */
  numericStrategy?: NumericStrategy;
  /** Also read again the columns whose profile statistics are exact already (default false: they would say the same). */
  recomputeExact?: boolean;
}

export type NumericStrategy = 'auto' | 'grouped' | 'sorted' | 'sql';

type Kind = 'number' | 'text';
interface Planned {
  index: number;
  pair: ColumnPair;
  kind: Kind;
  /** Text columns: the categories, in code order (code = position + 1; 0 = another value). */
  categories: string[];
}

const BASE_TABLE = 'cmp_base';
const TARGET_TABLE = 'cmp_target';
const CDF_TABLE = 'cmp_cdf';
const valueColumn = (index: number) => `x${index}`;
/** More distinct base values than this and value bins give way to quantile bins. */
const MAX_VALUE_BINS = 1000;
/** Up to this many distinct values (by the profiles), a side is read grouped: (value, count) pairs. */
const GROUPED_MAX_DISTINCT = 100_000;
const DEFAULT_MAX_VALUES_IN_MEMORY = 50_000_000;

export async function compareFiles(
  baseFile: string,
  targetFile: string,
  base: ComparableAnalysisInput,
  target: ComparableAnalysisInput,
  options: CompareFilesOptions = {},
): Promise<AnalysisComparison> {
  const b = parseComparableAnalysis(base, 'base');
  const t = parseComparableAnalysis(target, 'target');
  const thresholds = resolveThresholds(options);
  const comparison = compareParsed(b, t, thresholds);
  const { pairs } = diffSchema(b, t, thresholds);
  const planned: Planned[] = pairs.flatMap((pair, index) => {
    const { family } = familyOf(pair);
    if (family === 'none' || (!options.recomputeExact && exactFromProfiles(pair, family, b.rowCount, t.rowCount))) return [];
    const categories =
      family === 'categorical'
        ? [...new Set([...categoryCountsOf(pair.base, 0).counts.keys(), ...categoryCountsOf(pair.target, 0).counts.keys()])]
        : [];
    return [{ index, pair, kind: family === 'categorical' ? 'text' : 'number', categories }];
  });
  const resolved = resolveProfileOptions({
    ...(options.memoryLimit ? { memoryLimit: options.memoryLimit } : {}),
    ...(options.tempDirectory ? { tempDirectory: options.tempDirectory } : {}),
    ...(options.threads ? { threads: options.threads } : {}),
  });
  const engine = await Engine.open(resolved);
  try {
    const warnings: string[] = [];
    const sides = [
      { name: 'base', file: baseFile, analysis: b, table: BASE_TABLE, column: (p: ColumnPair) => p.base },
      { name: 'target', file: targetFile, analysis: t, table: TARGET_TABLE, column: (p: ColumnPair) => p.target },
    ] as const;
    for (const side of sides) {
      const rows = await loadSide(engine, side, planned, resolved);
      if (rows !== side.analysis.rowCount) {
        warnings.push(`The ${side.name} file has ${rows} rows where its analysis has ${side.analysis.rowCount}: is it the analysed file?`);
      }
    }
    const memory = options.maxValuesInMemory ?? DEFAULT_MAX_VALUES_IN_MEMORY;
    const strategy = options.numericStrategy ?? 'auto';
    const columns = [...comparison.columns];
    for (const p of planned) {
      const exact =
        p.kind === 'number'
          ? await numericFromFiles(engine, p, { base: b, target: t }, strategyFor(p, strategy, b.rowCount + t.rowCount, memory), thresholds)
          : await categoricalFromFiles(engine, p, thresholds);
      columns[p.index] = withDistributionTests(columns[p.index]!, familyOf(p.pair).family, exact.tests, exact.note);
    }
    return {
      ...comparison,
      method: 'files',
      columns,
      driftedColumns: driftedColumns(columns),
      warnings: [...warningsFor(b, t, columns), ...warnings],
    };
  } finally {
    engine.close();
  }
}

/**
 * Whether the profiles' statistics are exact already (every value counted on both sides: few distinct numbers,
 * a histogram of one bin per value, top values holding every category), so the files would say the same.
 */
function exactFromProfiles(pair: ColumnPair, family: DriftFamily, baseRows: number, targetRows: number): boolean {
  if (family === 'categorical') return categoryCountsOf(pair.base, baseRows).complete && categoryCountsOf(pair.target, targetRows).complete;
  return cdfOfColumn(pair.base, baseRows)?.exact === true && cdfOfColumn(pair.target, targetRows)?.exact === true;
}

/** A private DuckDB instance, configured as the profiler's (bounded memory, no network), that can stream results. */
class Engine {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(config: { memoryLimit: string; tempDirectory: string; threads: number }): Promise<Engine> {
    const instance = await DuckDBInstance.create(':memory:', {
      memory_limit: config.memoryLimit,
      temp_directory: config.tempDirectory,
      threads: String(config.threads),
      preserve_insertion_order: 'true',
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'true',
    });
    return new Engine(instance, await instance.connect());
  }

  async rows(sql: string, params: DuckDBValue[] = []): Promise<Record<string, unknown>[]> {
    const started = performance.now();
    try {
      return (await this.connection.runAndReadAll(sql, params)).getRowObjectsJson() as Record<string, unknown>[];
    } finally {
      trace(sql, started);
    }
  }

  async one(sql: string, params: DuckDBValue[] = []): Promise<Record<string, unknown>> {
    const [row] = await this.rows(sql, params);
    return row ?? {};
  }

  /** A query's DOUBLE columns, streamed chunk by chunk into typed arrays (NULL read as NaN). */
  async doubles(sql: string, width: number): Promise<Float64Array[]> {
    const started = performance.now();
    try {
      const result = await this.connection.stream(sql);
      const parts: Float64Array[][] = Array.from({ length: width }, () => []);
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        for (let c = 0; c < width; c++) {
          const vector = chunk.getColumnVector(c);
          const part = new Float64Array(chunk.rowCount);
          for (let r = 0; r < part.length; r++) part[r] = (vector.getItem(r) as number | null) ?? Number.NaN;
          parts[c]!.push(part);
        }
      }
      return parts.map((list) => {
        const out = new Float64Array(list.reduce((sum, p) => sum + p.length, 0));
        let offset = 0;
        for (const p of list) {
          out.set(p, offset);
          offset += p.length;
        }
        return out;
      });
    } finally {
      trace(sql, started);
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** DATAINSIGHT_TRACE_SQL=1 prints each statement's duration, as the profiler does. */
function trace(sql: string, started: number): void {
  if (!process.env['DATAINSIGHT_TRACE_SQL']) return;
  process.stderr.write(`[sql ${Math.round(performance.now() - started)} ms] ${sql.replace(/\s+/g, ' ').slice(0, 160)}\n`);
}

/**
 * Reads one file into its temporary table: x{i} = pair i's column, parsed as its profile says (NULL when missing).
 * A JSON or Parquet file's columns are described by the profiler's own engine, opened only then.
 */
async function loadSide(
  engine: Engine,
  side: { name: string; file: string; analysis: ComparableAnalysis; table: string; column: (p: ColumnPair) => ComparableColumn },
  planned: readonly Planned[],
  config: { memoryLimit: string; tempDirectory: string; threads: number; inferenceSampleRows: number },
): Promise<number> {
  const detected = await detectFile(side.file);
  let describer: Promise<DuckDBSession> | null = null;
  const lazySession: PromiseLike<DuckDBSession> = {
    // biome-ignore lint/suspicious/noThenProperty: a lazy PromiseLike, opened only when a JSON or Parquet file needs describing.
    then: (resolve, reject) => (describer ??= DuckDBSession.open(config)).then(resolve, reject),
  };
  let source: Awaited<ReturnType<typeof openSourceRelation>>;
  try {
    source = await openSourceRelation(lazySession, detected, config.inferenceSampleRows);
  } finally {
    if (describer) (await (describer as Promise<DuckDBSession>).catch(() => null))?.close();
  }
  const position = new Map(safeColumnNames(source.names).map((name, i) => [name, i]));
  const params: DuckDBValue[] = [side.file];
  const param = (value: DuckDBValue) => {
    params.push(value);
    return `$${params.length}`;
  };
  const limit = side.analysis.rowLimit ? ` LIMIT ${param(side.analysis.rowLimit)}` : '';
  const expressions = planned.map((p) => {
    const column = side.column(p.pair);
    const at = position.get(column.columnName);
    if (at === undefined) {
      throw new ComparisonError(
        'FILE_MISMATCH',
        `The ${side.name} file has no column ${JSON.stringify(column.columnName)}: is it the analysed file?`,
        {
          side: side.name,
          column: column.columnName,
        },
      );
    }
    const categories = p.kind === 'text' && p.categories.length > 0 ? param(listValue(p.categories)) : null;
    return `${valueSql(column, source.rawColumn(at), p.kind, categories)} AS ${valueColumn(p.index)}`;
  });
  const select = expressions.length > 0 ? expressions.join(', ') : '1 AS x';
  try {
    const created = await engine.one(
      `CREATE OR REPLACE TEMP TABLE ${side.table} AS SELECT ${select} FROM ${source.fromSql}${limit}`,
      params,
    );
    return Number(created['Count']);
  } catch (error) {
    throw translateReadError(error);
  }
}

/**
 * SQL: the cell `raw` as the profile read it: NULL when missing (a null token seen or learned), else the number
 * (epoch seconds for dates) or, for text, the category's code (its 1-based position in `categories`, 0 for others).
 */
function valueSql(column: ComparableColumn, raw: string, kind: Kind, categories: string | null): string {
  const d = column.distributionData;
  const tokens = d.missing.tokens.map((t) => t.token);
  // Null tokens are compared trimmed, as the profiler does.
  const missing = (among: readonly string[]) =>
    among.length > 0 ? `(${raw} IS NULL OR list_contains(${stringListLiteral(among)}, trim(${raw})))` : `${raw} IS NULL`;
  const rule = { valueType: d.valueType, decimalSeparator: d.typeConsistency.decimalSeparator, dateFormat: d.typeConsistency.dateFormat };
  if (kind === 'text') {
    // Top values are never missing: only the other cells need the token test. Booleans are listed as true/false.
    const value = d.valueType === 'boolean' ? `CAST((${typedValueSql(rule, raw)}) AS VARCHAR)` : raw;
    const other = `CASE WHEN ${missing(tokens)} THEN NULL ELSE 0 END`;
    return `CAST(${categories ? `coalesce(list_position(${categories}, ${value}), ${other})` : other} AS USMALLINT)`;
  }
  // Every value of the analysed file parsed (no invalid value): the profiler's final cast reads them alike,
  // without the regex that tells valid from invalid text (ISO dates and dot decimals only).
  const plain = d.typeConsistency.invalidCount === 0 && rule.decimalSeparator !== ',' && rule.dateFormat === null;
  const typed = plain ? plainCastSql(d.valueType, raw) : typedValueSql(rule, raw);
  const position = numericPositionSql(d.valueType, `(${typed})`);
  if (!position) throw new Error(`no numeric position for ${d.valueType}`);
  // A token that does not parse is NULL anyway; one that does (a -999 sentinel) must be told apart, as the profiler does.
  const parsing = tokens.filter((token) => token !== '' && parsesAs(rule, token.trim()));
  return parsing.length > 0 ? `CASE WHEN ${missing(parsing)} THEN NULL ELSE ${position} END` : position;
}

/** The cast typedValueSql ends with, for a column whose every value is known to parse. */
function plainCastSql(valueType: ComparableColumn['distributionData']['valueType'], raw: string): string {
  switch (valueType) {
    case 'integer':
      return `TRY_CAST(${raw} AS BIGINT)`;
    case 'decimal':
      return `CASE WHEN isfinite(TRY_CAST(${raw} AS DOUBLE)) THEN TRY_CAST(${raw} AS DOUBLE) END`;
    case 'date':
      return `TRY_CAST(${raw} AS DATE)`;
    case 'datetime':
      return `TRY_CAST(${raw} AS TIMESTAMP)`;
    case 'time':
      return `TRY_CAST(${raw} AS TIME)`;
    default:
      return raw;
  }
}

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function strategyFor(p: Planned, asked: NumericStrategy, rows: number, maxValuesInMemory: number): Exclude<NumericStrategy, 'auto'> {
  if (asked !== 'auto') return asked;
  if (Math.max(p.pair.base.uniqueCount, p.pair.target.uniqueCount) <= GROUPED_MAX_DISTINCT) return 'grouped';
  return rows <= maxValuesInMemory ? 'sorted' : 'sql';
}

async function numericFromFiles(
  engine: Engine,
  p: Planned,
  analyses: { base: ComparableAnalysis; target: ComparableAnalysis },
  strategy: Exclude<NumericStrategy, 'auto'>,
  t: ReturnType<typeof resolveThresholds>,
): Promise<{ tests: DriftTest[]; note: string | null }> {
  const x = valueColumn(p.index);
  // The same binning as the profiles mode: the base's values when its profile found few, else its deciles.
  const byValue = cdfOfColumn(p.pair.base, analyses.base.rowCount)?.discreteValues != null;
  let evidence: NumericEvidence | null;
  if (strategy === 'sql') evidence = await numericEvidenceInSql(engine, x, byValue, t.psiBins);
  else {
    const sample = async (table: string): Promise<SortedSample> => {
      if (strategy === 'grouped') {
        const [values, counts] = await engine.doubles(
          `SELECT ${x}, CAST(count(*) AS DOUBLE) FROM ${table} WHERE ${x} IS NOT NULL GROUP BY ${x} ORDER BY ${x}`,
          2,
        );
        return { values: values!, counts: counts! };
      }
      const [values] = await engine.doubles(`SELECT ${x} FROM ${table} WHERE ${x} IS NOT NULL ORDER BY ${x}`, 1);
      return { values: values!, counts: null };
    };
    const baseSample = await sample(BASE_TABLE);
    const valueBins = byValue && distinctCount(baseSample.values) <= MAX_VALUE_BINS;
    evidence = exactNumericEvidence(baseSample, await sample(TARGET_TABLE), valueBins ? 'values' : 'quantiles', t.psiBins);
  }
  if (!evidence) return { tests: [], note: 'No values on one side to compare.' };
  return { tests: numericTests(evidence, t), note: null };
}

/** Distinct values of a sorted array. */
function distinctCount(sorted: Float64Array): number {
  let count = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) count++;
  return count;
}

/** The same statistics with the running sums taken in SQL, for columns too large to merge in memory. */
async function numericEvidenceInSql(engine: Engine, x: string, byValue: boolean, bins: number): Promise<NumericEvidence | null> {
  await engine.rows(
    `CREATE OR REPLACE TEMP TABLE ${CDF_TABLE} AS SELECT x, cb, ct, sum(cb) OVER w AS fb, sum(ct) OVER w AS ft FROM (` +
      `SELECT x, sum(b) AS cb, sum(1 - b) AS ct FROM (SELECT ${x} AS x, 1 AS b FROM ${BASE_TABLE} WHERE ${x} IS NOT NULL ` +
      `UNION ALL SELECT ${x} AS x, 0 AS b FROM ${TARGET_TABLE} WHERE ${x} IS NOT NULL) GROUP BY x) WINDOW w AS (ORDER BY x)`,
  );
  const deciles = Array.from({ length: bins - 1 }, (_, j) => (j + 1) / bins);
  const summary = await engine.one(
    `SELECT max(abs(fb / s.nb - ft / s.nt)) AS d, any_value(s.nb) AS nb, any_value(s.nt) AS nt, count(*) FILTER (WHERE cb > 0) AS base_values, ` +
      `${deciles.map((q, j) => `min(x) FILTER (WHERE fb >= ${numberLiteral(q)} * s.nb) AS q${j}`).join(', ')} ` +
      `FROM ${CDF_TABLE}, (SELECT CAST(max(fb) AS DOUBLE) AS nb, CAST(max(ft) AS DOUBLE) AS nt FROM ${CDF_TABLE}) s`,
  );
  const n = num(summary['nb']) ?? 0;
  const m = num(summary['nt']) ?? 0;
  if (n === 0 || m === 0) return null;
  const values = byValue && Number(summary['base_values']) <= MAX_VALUE_BINS;
  let edges: number[] = [];
  if (values) edges = (await engine.rows(`SELECT x FROM ${CDF_TABLE} WHERE cb > 0 ORDER BY x`)).map((r) => Number(r['x']));
  else {
    for (let j = 0; j < deciles.length; j++) {
      const edge = num(summary[`q${j}`]);
      if (edge !== null && (edges.length === 0 || edge > edges[edges.length - 1]!)) edges.push(edge);
    }
  }
  let baseShares = [1];
  let targetShares = [1];
  if (edges.length > 0) {
    const below = await engine.one(
      `SELECT ${edges.map((e, i) => `coalesce(max(fb) FILTER (WHERE x < ${numberLiteral(e)}), 0) AS b${i}, coalesce(max(ft) FILTER (WHERE x < ${numberLiteral(e)}), 0) AS t${i}`).join(', ')} FROM ${CDF_TABLE}`,
    );
    const shares = (prefix: 'b' | 't', total: number) => {
      const cumulative = edges.map((_, i) => Number(below[`${prefix}${i}`]) / total);
      return [...cumulative, 1].map((c, i) => Math.max(0, c - (i === 0 ? 0 : cumulative[i - 1]!)));
    };
    baseShares = shares('b', n);
    targetShares = shares('t', m);
  }
  return {
    method: 'files',
    approximate: false,
    n,
    m,
    ks: num(summary['d']) ?? 0,
    baseShares,
    targetShares,
    binning: values ? 'values' : 'quantiles',
  };
}

async function categoricalFromFiles(
  engine: Engine,
  p: Planned,
  t: ReturnType<typeof resolveThresholds>,
): Promise<{ tests: DriftTest[]; note: string | null }> {
  const x = valueColumn(p.index);
  const countsIn = async (table: string) => {
    const [codes, counts] = await engine.doubles(
      `SELECT CAST(${x} AS DOUBLE), CAST(count(*) AS DOUBLE) FROM ${table} WHERE ${x} IS NOT NULL GROUP BY ${x}`,
      2,
    );
    const byCode = new Map<number, number>();
    for (const [i, code] of codes!.entries()) byCode.set(code, counts![i]!);
    const present = [...byCode.values()].reduce((a, b) => a + b, 0);
    return { count: (value: string) => byCode.get(p.categories.indexOf(value) + 1) ?? 0, present };
  };
  const table = categoryTable(p.categories, await countsIn(BASE_TABLE), await countsIn(TARGET_TABLE));
  const tests = categoricalTests({ method: 'files', approximate: false, ...table, folded: 0 }, t);
  return tests
    ? { tests, note: null }
    : { tests: [], note: 'Too few repeated values on both sides for a category test (every category expected fewer than 5 times).' };
}
