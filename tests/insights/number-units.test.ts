// Numbers written with a unit, on real files: penguins.csv with every body mass
// written "3750 g", tips.csv with every bill written in dollars with thousands
// separators ("$1,699.00" for 16.99 × 100), and a third of penguins' bill
// lengths written "$39.1". The unit is reported with exact counts, the SQL
// selects exactly the values written with it, and the fix gives back the
// numbers of the clean file.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeProfile, type InsightDraft } from '../../src/insights/index.js';
import { profileFile, type DatasetProfile } from '../../src/profiling/index.js';
import { datasetPath, isMissing, readCsv, tempDir } from '../profiling/support.js';
import { pythonSyntaxErrors, SqlRunner } from './support/run-code.js';

const files = tempDir();
const csvCell = (value: string) => (/[",\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const toCsv = (header: string[], rows: string[][]) => [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
const dollars = (x: number) => `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

interface Written {
  profile: DatasetProfile;
  insights: InsightDraft[];
  sql: SqlRunner;
}
const written: Record<string, Written> = {};
const penguins = readCsv(readFileSync(datasetPath('penguins.csv'), 'utf8'));
const tips = readCsv(readFileSync(datasetPath('tips.csv'), 'utf8'));
const at = (csv: { header: string[] }, name: string) => csv.header.indexOf(name);
const billRows = new Set<number>();

async function analyse(name: string, content: string): Promise<Written> {
  const profile = await profileFile(files.write(name, content), { threads: 1 });
  const sql = await SqlRunner.open();
  await sql.useDataset(profile);
  return { profile, insights: analyzeProfile(profile, { goal: 'DATA_QUALITY' }).insights, sql };
}

beforeAll(async () => {
  const mass = at(penguins, 'body_mass_g');
  const bill = at(penguins, 'bill_length_mm');
  const rows = penguins.rows.map((r, i) => {
    const cells = [...r];
    if (!isMissing(cells[mass])) cells[mass] = `${cells[mass]} g`;
    if (!isMissing(cells[bill]) && i % 3 === 0) {
      cells[bill] = `$${cells[bill]}`;
      billRows.add(i + 1);
    }
    return cells;
  });
  written['penguins'] = await analyse('penguins-units.csv', toCsv(penguins.header, rows));
  const total = at(tips, 'total_bill');
  written['tips'] = await analyse(
    'tips-dollars.csv',
    toCsv(
      tips.header,
      tips.rows.map((r) => r.map((cell, i) => (i === total ? dollars(Number(cell) * 100) : cell))),
    ),
  );
});
afterAll(() => {
  for (const w of Object.values(written)) w.sql.close();
  files.cleanup();
});

const unitInsight = (w: Written, column: string) =>
  w.insights.find((i) => i.columnName === column && i.evidence.check === 'numbers_with_units')!;
const columnOf = (w: Written, name: string) => w.profile.columns.find((c) => c.columnName === name)!;

describe('numbers written with a unit', () => {
  it('reports the unit and the exact number of values written with it', () => {
    const massValues = penguins.rows.filter((r) => !isMissing(r[at(penguins, 'body_mass_g')])).length;
    expect(columnOf(written['penguins']!, 'body_mass_g').distributionData.numberUnit).toEqual({
      symbol: 'g',
      position: 'suffix',
      count: massValues,
      share: 1,
    });
    expect(columnOf(written['penguins']!, 'bill_length_mm').distributionData.numberUnit).toMatchObject({
      symbol: '$',
      position: 'prefix',
      count: billRows.size,
    });
    expect(columnOf(written['tips']!, 'total_bill').distributionData.numberUnit).toMatchObject({ symbol: '$', count: tips.rows.length });
    const insight = unitInsight(written['penguins']!, 'body_mass_g');
    expect(insight.type).toBe('DATA_TYPE_MISMATCH');
    expect(insight.description).toContain('the unit "g" after the number: all of 342 values');
    expect(insight.evidence).toMatchObject({ count: massValues, approximate: false, facts: { unit: 'g', position: 'suffix' } });
    // One finding per column: not also "mixed types" or "identifier-like".
    expect(written['penguins']!.insights.filter((i) => i.columnName === 'bill_length_mm').map((i) => i.evidence.check)).not.toContain(
      'mixed_types',
    );
    expect(written['penguins']!.insights.filter((i) => i.columnName === 'bill_length_mm').map((i) => i.evidence.check)).not.toContain(
      'identifier_like',
    );
  });

  it('selects exactly the values written with the unit, and the fix gives back the clean numbers', async () => {
    const p = written['penguins']!;
    expect(await p.sql.count(unitInsight(p, 'bill_length_mm').code.sql.affectedRows!)).toBe(billRows.size);
    const t = written['tips']!;
    const insight = unitInsight(t, 'total_bill');
    expect(await t.sql.count(insight.code.sql.affectedRows!)).toBe(tips.rows.length);
    const expected = tips.rows.reduce((sum, r) => sum + Number(r[at(tips, 'total_bill')]) * 100, 0);
    const fixed = await t.sql.count(
      `SELECT * FROM (SELECT sum("total_bill") AS s FROM (${insight.code.sql.fix})) WHERE abs(s - ${expected}) < 0.001`,
    );
    expect(fixed).toBe(1);
    expect(pythonSyntaxErrors([insight.code.pandas, unitInsight(p, 'body_mass_g').code.pandas])).toEqual([]);
  });

  it('finds no unit on the untouched shared files', async () => {
    for (const name of ['titanic.csv', 'penguins.csv', 'tips.csv', 'iris.csv', 'taxis.csv']) {
      const profile = await profileFile(datasetPath(name), { threads: 1 });
      expect(
        profile.columns.filter((c) => c.distributionData.numberUnit).map((c) => c.columnName),
        name,
      ).toEqual([]);
    }
  });
});
