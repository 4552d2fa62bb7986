/**
 * Cell-level precision and recall of the insights on dirty copies of the shared datasets
 * (bench/insights/dirty-copies.ts: typos, missing-value markers, units, swapped and shifted cells), per defect
 * kind: each insight's `code.sql.affectedRows` is run against the file and turned into flagged cells (a column
 * insight flags its column in each row it selects; a dataset-level insight flags the injected cells of those
 * rows, or every cell of a row without any), less what the same check flags on the clean file. Also lists the HIGH/CRITICAL insights on the
 * untouched files for review.
 *   npx tsx bench/insights/cells.ts [--seed=N]   (N: the injection seed; default dirty-copies.ts's DEFAULT_SEED)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeProfile, DATASET_TABLE, datasetViewSql, type InsightCheck, type InsightDraft } from '../../src/insights/index.js';
import { profileFile, type DatasetProfile } from '../../src/profiling/index.js';
import { SqlRunner } from '../../tests/insights/support/run-code.js';
import { datasetPath, readCsv } from '../../tests/profiling/support.js';
import { SHARED_FILES, writeDirtyCopies, type DirtyCopy, type InjectedCell } from './dirty-copies.js';

/** Checks that describe a column (or a pair, or a target) rather than some of its cells. */
const COLUMN_DESCRIPTIVE = new Set<InsightCheck>([
  'strong_correlation',
  'multicollinearity',
  'high_cardinality',
  'identifier_like',
  'constant_column',
  'near_constant_column',
  'skewed_distribution',
  'class_imbalance',
  'target_leakage',
]);

const ROW = '__row';

/** DuckDB with the file as `dataset` (the documented view) and as `numbered` (the same plus its 1-based data row). */
class RowRunner {
  private constructor(private readonly sql: SqlRunner) {}

  static async open(): Promise<RowRunner> {
    return new RowRunner(await SqlRunner.open());
  }

  async useDataset(profile: DatasetProfile): Promise<void> {
    const view = datasetViewSql(profile);
    const prefix = `CREATE OR REPLACE VIEW ${DATASET_TABLE} AS `;
    if (!view.startsWith(prefix)) throw new Error(`unexpected dataset view: ${view.slice(0, 80)}`);
    await this.sql.run(`CREATE OR REPLACE VIEW __source AS ${view.slice(prefix.length)}`);
    // One thread reads the file in order, so row_number() over the scan is the file's data row.
    await this.sql.run(`CREATE OR REPLACE TABLE numbered AS SELECT *, row_number() OVER () AS ${ROW} FROM __source`);
    await this.sql.run(`CREATE OR REPLACE VIEW ${DATASET_TABLE} AS SELECT * EXCLUDE (${ROW}) FROM numbered`);
  }

  rows(sql: string): Promise<unknown[][]> {
    return this.sql.rows(sql);
  }

  /** The data rows an affectedRows query selects. */
  async affectedRows(sql: string, columns: readonly string[]): Promise<number[]> {
    const rowFilter = /^SELECT \* FROM dataset WHERE /;
    if (rowFilter.test(sql)) {
      const result = await this.rows(`SELECT ${ROW} FROM numbered AS ${DATASET_TABLE} WHERE ${sql.replace(rowFilter, '')}`);
      return result.map((r) => Number(r[0]));
    }
    // Any other SELECT of whole rows (EXCEPT ALL for duplicates…): match its rows to the file's by content, the
    // k-th copy of a row in the result to the k-th last in the file (so repeats are the later rows).
    const q = (c: string) => `"${c.replaceAll('"', '""')}"`;
    const partition = columns.map(q).join(', ');
    const same = columns.map((c) => `n.${q(c)} IS NOT DISTINCT FROM a.${q(c)}`).join(' AND ');
    const result = await this.rows(
      `SELECT n.${ROW} FROM (SELECT *, row_number() OVER (PARTITION BY ${partition} ORDER BY ${ROW} DESC) AS __k FROM numbered) AS n ` +
        `JOIN (SELECT *, row_number() OVER (PARTITION BY ${partition}) AS __k FROM (${sql}) AS s) AS a ON ${same} AND n.__k = a.__k`,
    );
    return result.map((r) => Number(r[0]));
  }

  /** Throws unless `numbered` holds the file's cells in the file's order. */
  async verifyOrder(file: string, columns: readonly string[]): Promise<void> {
    const { rows } = readCsv(readFileSync(file, 'utf8'));
    const got = await this.rows(`SELECT ${ROW}, * EXCLUDE (${ROW}) FROM numbered ORDER BY ${ROW}`);
    if (got.length !== rows.length) throw new Error(`${file}: ${got.length} rows read, ${rows.length} in the file`);
    got.forEach((r, i) => {
      columns.forEach((_, c) => {
        const want = rows[i]![c] ?? '';
        const have = r[c + 1] === null ? '' : String(r[c + 1]);
        if (have !== want)
          throw new Error(`${file}: row ${i + 1} column ${c + 1} reads ${JSON.stringify(have)}, file has ${JSON.stringify(want)}`);
      });
    });
  }

  close(): void {
    this.sql.close();
  }
}

interface Analysed {
  insights: InsightDraft[];
  /** Per cell-level insight (index into insights): the data rows it selects. */
  rows: Map<number, number[]>;
  cells: string[][];
}

const errors: string[] = [];

async function analyse(runner: RowRunner, file: string): Promise<Analysed> {
  const profile = await profileFile(file, { threads: 1 });
  const { insights } = analyzeProfile(profile, { goal: 'DATA_QUALITY' });
  const columns = profile.columns.map((c) => c.columnName);
  await runner.useDataset(profile);
  await runner.verifyOrder(file, columns);
  const rows = new Map<number, number[]>();
  for (const [index, insight] of insights.entries()) {
    const sql = insight.code.sql.affectedRows;
    if (!sql || COLUMN_DESCRIPTIVE.has(insight.evidence.check)) continue;
    try {
      rows.set(index, await runner.affectedRows(sql, columns));
    } catch (error) {
      errors.push(
        `${path.basename(file)} ${insight.evidence.check} ${insight.columnName ?? '(dataset)'}: ${(error as Error).message.split('\n')[0]}`,
      );
    }
  }
  return { insights, rows, cells: readCsv(readFileSync(file, 'utf8')).rows };
}

const cellKey = (row: number, column: string) => `${row}\u0000${column}`;
const flagKey = (check: string, column: string | null, row: number) => `${check}\u0000${column ?? ''}\u0000${row}`;

function baselineFlags(clean: Analysed): Set<string> {
  const flags = new Set<string>();
  for (const [index, rows] of clean.rows) {
    const insight = clean.insights[index]!;
    for (const row of rows) flags.add(flagKey(insight.evidence.check, insight.columnName, row));
  }
  return flags;
}

interface Score {
  copy: DirtyCopy;
  injected: number;
  tp: number;
  fp: number;
  /** check → [TP, FP] */
  byCheck: Map<string, [number, number]>;
  /** `check column` → FP cells, with examples */
  falsePositives: Map<string, { count: number; examples: string[] }>;
  missed: InjectedCell[];
  /** New insights (not on the clean file) per column, for the miss breakdown. */
  newInsights: Map<string, string[]>;
}

function score(copy: DirtyCopy, dirty: Analysed, clean: Analysed, baseline: Set<string>): Score {
  const injected = new Map(copy.injected.map((cell) => [cellKey(cell.row, cell.column), cell]));
  const injectedByRow = new Map<number, string[]>();
  for (const cell of copy.injected) injectedByRow.set(cell.row, [...(injectedByRow.get(cell.row) ?? []), cell.column]);
  const flagged = new Map<string, Set<string>>();
  for (const [index, rows] of dirty.rows) {
    const insight = dirty.insights[index]!;
    const check = insight.evidence.check;
    for (const row of rows) {
      if (baseline.has(flagKey(check, insight.columnName, row))) continue;
      // A dataset-level insight (a misaligned or duplicate row) claims its row: the injected cells of the row, or
      // every cell of a row with none (a false alarm costs the whole row).
      const claimed = insight.columnName === null ? (injectedByRow.get(row) ?? copy.header) : [insight.columnName];
      for (const column of claimed) {
        const key = cellKey(row, column);
        flagged.set(key, (flagged.get(key) ?? new Set()).add(check));
      }
    }
  }
  const byCheck = new Map<string, [number, number]>();
  const falsePositives = new Map<string, { count: number; examples: string[] }>();
  let tp = 0;
  let fp = 0;
  const column = (key: string) => key.slice(key.indexOf('\u0000') + 1);
  for (const [key, checks] of flagged) {
    const hit = injected.has(key);
    if (hit) tp++;
    else fp++;
    for (const check of checks) {
      const tally = byCheck.get(check) ?? [0, 0];
      tally[hit ? 0 : 1]++;
      byCheck.set(check, tally);
      if (!hit) {
        const name = `${check} ${column(key)}`;
        const entry = falsePositives.get(name) ?? { count: 0, examples: [] };
        entry.count++;
        const row = Number(key.slice(0, key.indexOf('\u0000')));
        const value = dirty.cells[row - 1]?.[copy.header.indexOf(column(key))] ?? '';
        if (entry.examples.length < 3) entry.examples.push(`row ${row} ${JSON.stringify(value)}`);
        falsePositives.set(name, entry);
      }
    }
  }
  const cleanInsights = new Set(clean.insights.map((i) => `${i.evidence.check}\u0000${i.columnName}`));
  const newInsights = new Map<string, string[]>();
  for (const i of dirty.insights) {
    if (cleanInsights.has(`${i.evidence.check}\u0000${i.columnName}`)) continue;
    const name = i.columnName ?? '(dataset)';
    newInsights.set(name, [...(newInsights.get(name) ?? []), `${i.evidence.check}${i.code.sql.affectedRows ? '' : ' (no affectedRows)'}`]);
  }
  const missed = copy.injected.filter((cell) => !flagged.has(cellKey(cell.row, cell.column)));
  return { copy, injected: copy.injected.length, tp, fp, byCheck, falsePositives, missed, newInsights };
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const fmt = (x: number | null) => (x === null ? '–' : x.toFixed(3));
function metrics(injected: number, tp: number, fp: number): string {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, injected);
  const f1 = precision === null || recall === null || precision + recall === 0 ? null : (2 * precision * recall) / (precision + recall);
  return `${injected} | ${tp} | ${fp} | ${fmt(precision)} | ${fmt(recall)} | ${fmt(f1)}`;
}

const started = performance.now();
const dir = mkdtempSync(path.join(os.tmpdir(), 'insights-cells-'));
const runner = await RowRunner.open();
try {
  const seedArgument = process.argv.find((a) => a.startsWith('--seed='));
  const copies = writeDirtyCopies(dir, seedArgument ? { seed: Number(seedArgument.slice('--seed='.length)) } : {});
  const clean = new Map<string, Analysed>();
  for (const file of SHARED_FILES) clean.set(file, await analyse(runner, datasetPath(file)));
  const scores: Score[] = [];
  for (const copy of copies) {
    const base = clean.get(copy.file)!;
    scores.push(score(copy, await analyse(runner, copy.path), base, baselineFlags(base)));
  }

  const labels = [...new Set(copies.map((c) => c.label))];
  console.log('## Cells flagged per defect kind (all files)\n');
  console.log('| kind | injected | TP | FP | precision | recall | F1 |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const label of labels) {
    const of = scores.filter((s) => s.copy.label === label);
    const sum = (f: (s: Score) => number) => of.reduce((a, s) => a + f(s), 0);
    console.log(
      `| ${label} | ${metrics(
        sum((s) => s.injected),
        sum((s) => s.tp),
        sum((s) => s.fp),
      )} |`,
    );
  }

  console.log('\n## Per file and kind\n');
  console.log('| file | kind | injected | TP | FP | precision | recall | F1 | checks (TP/FP) |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const s of scores) {
    const checks = [...s.byCheck].map(([check, [t, f]]) => `${check} ${t}/${f}`).join(', ');
    console.log(`| ${s.copy.file} | ${s.copy.label} | ${metrics(s.injected, s.tp, s.fp)} | ${checks || '–'} |`);
  }

  console.log('\n## Missed injected cells, by column\n');
  for (const s of scores) {
    if (s.missed.length === 0) continue;
    const byColumn = new Map<string, InjectedCell[]>();
    for (const cell of s.missed) byColumn.set(cell.column, [...(byColumn.get(cell.column) ?? []), cell]);
    const injectedPerColumn = new Map<string, number>();
    for (const cell of s.copy.injected) injectedPerColumn.set(cell.column, (injectedPerColumn.get(cell.column) ?? 0) + 1);
    console.log(`- ${s.copy.file} ${s.copy.label}: ${s.missed.length} of ${s.injected} missed`);
    for (const [column, cells] of byColumn) {
      const examples = cells
        .slice(0, 3)
        .map((c) => `row ${c.row} ${JSON.stringify(c.before)}→${JSON.stringify(c.after)}`)
        .join('; ');
      const insights = s.newInsights.get(column);
      console.log(
        `  - ${column}: ${cells.length}/${injectedPerColumn.get(column)} missed (${examples})${insights ? `; new insights on the column: ${insights.join(', ')}` : ''}`,
      );
    }
  }

  console.log('\n## False positives, by check and column\n');
  for (const s of scores) {
    if (s.falsePositives.size === 0) continue;
    console.log(`- ${s.copy.file} ${s.copy.label}: ${s.fp} cells`);
    for (const [name, { count, examples }] of [...s.falsePositives].sort((a, b) => b[1].count - a[1].count).slice(0, 6)) {
      console.log(`  - ${name}: ${count} (${examples.join('; ')})`);
    }
  }

  if (errors.length) console.log(`\n## affectedRows that failed to run\n\n${errors.map((e) => `- ${e}`).join('\n')}`);

  console.log('\n## HIGH/CRITICAL insights on the untouched files (DATA_QUALITY)\n');
  for (const [file, analysed] of clean) {
    const loud = analysed.insights.filter((i) => i.severity === 'HIGH' || i.severity === 'CRITICAL');
    console.log(`- ${file}: ${analysed.insights.length} insights, ${loud.length} HIGH/CRITICAL`);
    for (const i of loud)
      console.log(`  - [${i.severity}] ${i.evidence.check} ${i.columnName ?? '(dataset)'}: ${i.description.slice(0, 120)}`);
  }
  console.log(`\n${copies.length} dirty copies and ${clean.size} clean files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  runner.close();
  rmSync(dir, { recursive: true, force: true });
}
