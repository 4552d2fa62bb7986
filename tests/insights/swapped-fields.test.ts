// Swapped and shifted fields in real files: iris.csv with species and
// sepal_length exchanged in three known rows, taxis.csv with the colour
// written into the payment of every 300th row, and taxis.csv with five known
// rows shifted one field right from the fare. The numbers among the species
// labels and the colours among the payments are reported with their exact
// count and rows, the labels among the lengths as values that do not parse,
// the swapped and the shifted rows as misaligned rows (exact, SQL selecting
// those rows and no other), and the untouched shared files raise none of these.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeProfile, type InsightDraft } from '../../src/insights/index.js';
import { profileFile } from '../../src/profiling/index.js';
import { datasetPath, readCsv, tempDir } from '../profiling/support.js';
import { pythonSyntaxErrors, SqlRunner } from './support/run-code.js';

const SWAPPED_ROWS = [10, 60, 120];
const files = tempDir();
let insights: InsightDraft[];
let sql: SqlRunner;

beforeAll(async () => {
  const { header, rows } = readCsv(readFileSync(datasetPath('iris.csv'), 'utf8'));
  const [a, b] = [header.indexOf('species'), header.indexOf('sepal_length')];
  for (const row of SWAPPED_ROWS) {
    const cells = rows[row - 1]!;
    [cells[a], cells[b]] = [cells[b]!, cells[a]!];
  }
  const profile = await profileFile(files.write('iris-swapped.csv', [header, ...rows].map((r) => r.join(',')).join('\n') + '\n'), {
    threads: 1,
  });
  insights = analyzeProfile(profile, { goal: 'DATA_QUALITY' }).insights;
  sql = await SqlRunner.open();
  await sql.useDataset(profile);
});
afterAll(() => {
  sql?.close();
  files.cleanup();
});

const csvOf = (header: string[], rows: string[][]) =>
  `${[header, ...rows].map((r) => r.map((c) => (/[",]/u.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n')}\n`;
const about = (column: string, check: string) => insights.find((i) => i.columnName === column && i.evidence.check === check);

describe('swapped fields', () => {
  it('reports the numbers among the species labels, exactly, with SQL selecting their rows', async () => {
    const stray = about('species', 'numbers_among_labels');
    expect(stray?.type).toBe('DATA_TYPE_MISMATCH');
    expect(stray?.evidence).toMatchObject({ count: SWAPPED_ROWS.length, approximate: false });
    expect(stray?.description).toMatch(/3 of 150 values \(2(\.0)?%\) are numbers/);
    const rows = `SELECT * FROM (${stray!.code.sql.affectedRows}) WHERE NOT regexp_full_match(trim(CAST("species" AS VARCHAR)), '[0-9.]+')`;
    expect(await sql.count(stray!.code.sql.affectedRows!)).toBe(SWAPPED_ROWS.length);
    expect(await sql.count(rows)).toBe(0);
    expect(pythonSyntaxErrors([stray!.code.pandas])).toEqual([]);
  });

  it('reports the species written among the lengths as values that do not parse', async () => {
    const bad = about('sepal_length', 'unparseable_values');
    expect(bad?.evidence.count).toBe(SWAPPED_ROWS.length);
    expect(await sql.count(bad!.code.sql.affectedRows!)).toBe(SWAPPED_ROWS.length);
  });

  it('reports the swapped rows as misaligned: two cells out of place in each', async () => {
    const misaligned = insights.find((i) => i.evidence.check === 'misaligned_rows');
    expect(misaligned?.columnName).toBeNull();
    expect(misaligned?.evidence.count).toBe(SWAPPED_ROWS.length);
    expect(misaligned?.evidence.examples.map((e) => e.row)).toEqual(SWAPPED_ROWS);
    expect(misaligned?.evidence.examples[0]?.value).toBe('out of place: sepal_length, species');
    expect(await sql.count(misaligned!.code.sql.affectedRows!)).toBe(SWAPPED_ROWS.length);
  });

  it('reports the values of another column: "yellow" (a colour) among the payments', async () => {
    const taxis = readCsv(readFileSync(datasetPath('taxis.csv'), 'utf8'));
    const payment = taxis.header.indexOf('payment');
    const shifted = taxis.rows.map((r, i) => (i % 300 === 0 ? r.map((cell, c) => (c === payment ? 'yellow' : cell)) : r));
    const profile = await profileFile(files.write('taxis-shifted.csv', csvOf(taxis.header, shifted)), { threads: 1 });
    const found = analyzeProfile(profile, { goal: 'DATA_QUALITY' }).insights.filter((i) => i.evidence.check === 'values_of_another_column');
    const rows = Math.ceil(taxis.rows.length / 300);
    expect(found.map((i) => i.columnName)).toEqual(['payment']);
    expect(found[0]!.evidence.count).toBe(rows);
    expect(found[0]!.description).toContain(`"yellow" ×${rows} (a value of \`color\``);
    const runner = await SqlRunner.open();
    await runner.useDataset(profile);
    expect(await runner.count(found[0]!.code.sql.affectedRows!)).toBe(rows);
    runner.close();
  });

  it('finds rows shifted one field right, whose moved values are mostly valid in their new columns', async () => {
    const taxis = readCsv(readFileSync(datasetPath('taxis.csv'), 'utf8'));
    const fare = taxis.header.indexOf('fare');
    const shiftedRows = [100, 1000, 2000, 3000, 4000];
    const rows = taxis.rows.map((r, i) => (shiftedRows.includes(i + 1) ? [...r.slice(0, fare), '', ...r.slice(fare, r.length - 1)] : r));
    const profile = await profileFile(files.write('taxis-shifted-rows.csv', csvOf(taxis.header, rows)), { threads: 1 });
    const found = analyzeProfile(profile, { goal: 'DATA_QUALITY' }).insights.find((i) => i.evidence.check === 'misaligned_rows');
    expect(found?.evidence).toMatchObject({ count: shiftedRows.length, unit: 'rows', approximate: false });
    expect(found?.evidence.examples.map((e) => e.row)).toEqual(shiftedRows);
    expect(found?.description).toMatch(/^5 of 6,433 rows \(0\.08%\) have 2 or more cells out of place/);
    const runner = await SqlRunner.open();
    await runner.useDataset(profile);
    const selected = found!.code.sql.affectedRows!;
    expect(await runner.count(selected)).toBe(shiftedRows.length);
    // The rows it selects are the shifted ones: their fare is the inserted empty field.
    expect(await runner.count(`SELECT * FROM (${selected}) WHERE "fare" IS NULL`)).toBe(shiftedRows.length);
    expect(await runner.count(found!.code.sql.fix)).toBe(taxis.rows.length - shiftedRows.length);
    runner.close();
    expect(pythonSyntaxErrors([found!.code.pandas])).toEqual([]);
  });

  it('raises none of these on the untouched shared files', async () => {
    const checks = ['numbers_among_labels', 'values_of_another_column', 'misaligned_rows'];
    for (const name of ['titanic.csv', 'penguins.csv', 'tips.csv', 'iris.csv', 'taxis.csv']) {
      const profile = await profileFile(datasetPath(name), { threads: 1 });
      const found = analyzeProfile(profile, { goal: 'DATA_QUALITY' }).insights.filter((i) => checks.includes(i.evidence.check));
      expect(
        found.map((i) => i.columnName),
        name,
      ).toEqual([]);
    }
  });
});
