// Missing-value markers learned from a real file: penguins.csv with "empty"
// written into 8% of body_mass_g, the sentinel -999 into 6% of bill_length_mm,
// "unknown" into 6% of island, and "empty" into a few sex cells. Each column is
// typed as if the markers were empty fields, the markers are reported as
// missing data with their name, the SQL selects exactly the missing rows, and
// the untouched shared files learn no marker at all.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeProfile, type InsightDraft } from '../../src/insights/index.js';
import { DEFAULT_NULL_TOKENS, profileFile, type ColumnProfile, type DatasetProfile } from '../../src/profiling/index.js';
import { datasetPath, isMissing, mean, readCsv, seeded, tempDir } from '../profiling/support.js';
import { learnColumnMarkers } from '../../src/profiling/inference/missing-markers.js';
import { SqlRunner } from './support/run-code.js';

const files = tempDir();
const clean = readCsv(readFileSync(datasetPath('penguins.csv'), 'utf8'));
const column = (name: string) => clean.header.indexOf(name);
// [column, marker, share of the column's non-empty cells]
const INJECTED: [string, string, number][] = [
  ['body_mass_g', 'empty', 0.08],
  ['bill_length_mm', '-999', 0.06],
  ['island', 'unknown', 0.06],
];
const injectedRows = new Map<string, number[]>();
let profile: DatasetProfile;
let insights: InsightDraft[];
let sql: SqlRunner;
const profiled = (name: string) => profile.columns.find((c) => c.columnName === name)!;
const missingInsight = (name: string) => insights.find((i) => i.columnName === name && i.type === 'MISSING_DATA')!;

beforeAll(async () => {
  const random = seeded(16);
  const rows = clean.rows.map((r) => [...r]);
  for (const [name, marker, share] of INJECTED) {
    const list: number[] = [];
    rows.forEach((cells, i) => {
      if (!isMissing(cells[column(name)]) && random() < share) {
        cells[column(name)] = marker;
        list.push(i + 1);
      }
    });
    injectedRows.set(name, list);
  }
  // "empty" in a text column too rarely to be learned there: it is the file's marker, learned from body_mass_g.
  const sexRows = [20, 60, 200];
  for (const row of sexRows) rows[row - 1]![column('sex')] = 'empty';
  injectedRows.set('sex', sexRows);
  const path = files.write('penguins-markers.csv', [clean.header, ...rows].map((cells) => cells.join(',')).join('\n') + '\n');
  profile = await profileFile(path, { threads: 1 });
  insights = analyzeProfile(profile, { goal: 'DATA_QUALITY' }).insights;
  sql = await SqlRunner.open();
  await sql.useDataset(profile);
});
afterAll(() => {
  sql?.close();
  files.cleanup();
});

const originallyMissing = (name: string) => clean.rows.filter((r) => isMissing(r[column(name)])).length;
const marker = (c: ColumnProfile, token: string) => c.distributionData.missing.tokens.find((t) => t.token === token);

describe('missing-value markers learned from the data', () => {
  it('types each column without its marker and counts the marker as missing', () => {
    expect(profiled('body_mass_g').distributionData.valueType).toBe('integer');
    expect(profiled('bill_length_mm').distributionData.valueType).toBe('decimal');
    for (const [name, token] of [
      ['body_mass_g', 'empty'],
      ['bill_length_mm', '-999'],
      ['island', 'unknown'],
      ['sex', 'empty'],
    ] as const) {
      const c = profiled(name);
      const injected = injectedRows.get(name)!.length;
      expect(injected).toBeGreaterThan(2);
      expect(marker(c, token)).toEqual({ token, count: injected, learned: true });
      expect(c.distributionData.missing.count).toBe(originallyMissing(name) + injected);
      expect(c.distributionData.typeConsistency.invalidCount).toBe(0);
    }
  });

  it('keeps the sentinel out of the statistics: the mean is the mean of the real values', () => {
    const values = clean.rows
      .filter((r, i) => !isMissing(r[column('bill_length_mm')]) && !injectedRows.get('bill_length_mm')!.includes(i + 1))
      .map((r) => Number(r[column('bill_length_mm')]));
    expect(profiled('bill_length_mm').mean).toBeCloseTo(mean(values), 9);
    expect(Number(profiled('bill_length_mm').minValue)).toBeGreaterThan(30);
    expect(insights.filter((i) => i.columnName === 'bill_length_mm' && i.type !== 'MISSING_DATA')).toEqual([]);
  });

  it('reports each marker by name as missing data, and no type mismatch', async () => {
    for (const name of ['body_mass_g', 'bill_length_mm', 'island', 'sex']) {
      const insight = missingInsight(name);
      const token = marker(profiled(name), name === 'bill_length_mm' ? '-999' : name === 'island' ? 'unknown' : 'empty')!.token;
      expect(insight.description).toContain(`"${token}" (a missing-value marker of this file): ${injectedRows.get(name)!.length}`);
      expect(await sql.count(insight.code.sql.affectedRows ?? '')).toBe(originallyMissing(name) + injectedRows.get(name)!.length);
      expect(insights.filter((i) => i.columnName === name && i.type === 'DATA_TYPE_MISMATCH')).toEqual([]);
    }
  });

  it('counts the markers an analysis names, besides the learned ones', async () => {
    const path = datasetPath('tips.csv');
    const given = await profileFile(path, { threads: 1, nullTokens: [...DEFAULT_NULL_TOKENS, 'Sun'] });
    const day = given.columns.find((c) => c.columnName === 'day')!;
    const tips = readCsv(readFileSync(path, 'utf8'));
    const sundays = tips.rows.filter((r) => r[tips.header.indexOf('day')] === 'Sun').length;
    expect(sundays).toBe(76);
    expect(day.distributionData.missing.tokens).toEqual([{ token: 'Sun', count: sundays, learned: false }]);
  });

  it('never takes the value of a column for its marker: a sample of one colour with a few stray numbers', () => {
    // taxis.csv is sorted by colour: its first 5,000 rows are "yellow"; a dozen numbers there are errors, not the type.
    const values = [...Array<string>(4990).fill('yellow'), ...Array.from({ length: 12 }, (_, i) => String(1.5 + i))];
    expect(learnColumnMarkers(values, { typeThreshold: 0.9 })).toEqual({ column: [], file: [] });
  });

  it('learns no marker on the untouched shared files', async () => {
    for (const name of ['titanic.csv', 'penguins.csv', 'tips.csv', 'iris.csv', 'taxis.csv']) {
      const untouched = await profileFile(datasetPath(name), { threads: 1 });
      const learned = untouched.columns.flatMap((c) => c.distributionData.missing.tokens.filter((t) => t.learned));
      expect(learned, name).toEqual([]);
    }
  });
});
