/** Runs suggestions for real: SQL in DuckDB against the documented `dataset` view, pandas through python3's parser. */
import { execFileSync } from 'node:child_process';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { datasetViewSql, type InsightDraft } from '../../../src/insights/index.js';
import type { DatasetProfile } from '../../../src/profiling/index.js';

export class SqlRunner {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(): Promise<SqlRunner> {
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    return new SqlRunner(instance, await instance.connect());
  }

  async useDataset(profile: DatasetProfile): Promise<void> {
    await this.connection.run(datasetViewSql(profile));
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  async rows(sql: string): Promise<unknown[][]> {
    return (await this.connection.runAndReadAll(sql)).getRowsJson() as unknown[][];
  }

  async count(select: string): Promise<number> {
    const reader = await this.connection.runAndReadAll(`SELECT count(*) AS n FROM (${select}) AS suggestion`);
    return Number(reader.getRowObjectsJson()[0]!['n']);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Parses every snippet with python3's ast; returns the index and error of each that does not parse. */
export function pythonSyntaxErrors(snippets: readonly string[]): { index: number; error: string }[] {
  const script = [
    'import ast, json, sys',
    'errors = []',
    'for i, code in enumerate(json.load(sys.stdin)):',
    '    try:',
    '        ast.parse(code)',
    '    except SyntaxError as e:',
    '        errors.append({"index": i, "error": str(e)})',
    'print(json.dumps(errors))',
  ].join('\n');
  const out = execFileSync('python3', ['-c', script], { input: JSON.stringify(snippets), encoding: 'utf8' });
  return JSON.parse(out) as { index: number; error: string }[];
}

/** Checks whose SQL "rows affected" query selects exactly the counted values (when not approximate). */
export const EXACT_SQL_CHECKS = new Set([
  'missing_values',
  'mostly_empty_column',
  'mostly_missing_rows',
  'iqr_outliers',
  'robust_z_outliers',
  'negative_values',
  'zero_measurements',
  'numbers_with_units',
  'numbers_among_labels',
  'values_of_another_column',
  'misaligned_rows',
  'future_dates',
  'duplicate_rows',
  'unparseable_values',
  'mixed_types',
  'semantic_mismatch',
  'surrounding_whitespace',
  'spelling_variants',
  'likely_typos',
  'mixed_formats',
]);

export const isRowFilter = (insight: InsightDraft) => /^SELECT \* FROM dataset WHERE /.test(insight.code.sql.fix);
