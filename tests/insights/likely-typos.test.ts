// Typos in a real file: penguins.csv with misspellings of its own values
// written into known cells. Each is found with the value it misspells as the
// likely correction and exact counts, the fix
// code maps it back, the SQL selects exactly the misspelled rows, and the
// untouched shared files raise no typo at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeProfile, type InsightDraft } from '../../src/insights/index.js';
import { profileFile } from '../../src/profiling/index.js';
import { editDistance } from '../../src/profiling/statistics/likely-typos.js';
import { datasetPath, readCsv, tempDir } from '../profiling/support.js';
import { SqlRunner, pythonSyntaxErrors } from './support/run-code.js';
import { readFileSync } from 'node:fs';

// [data row (1-based), column, misspelling, the value it misspells]
const MISSPELLINGS: [number, string, string, string][] = [
  [4, 'species', 'Adelei', 'Adelie'],
  [79, 'species', 'Chinstarp', 'Chinstrap'],
  [199, 'species', 'Gentooo', 'Gentoo'],
  [16, 'island', 'Torgersn', 'Torgersen'],
  [119, 'island', 'Dreem', 'Dream'],
  [98, 'sex', 'FEMAL', 'FEMALE'],
  // Four letters: a typo only beside a value at least 50× as frequent (MALE ×168).
  [150, 'sex', 'MAEL', 'MALE'],
];
const intended = new Map(MISSPELLINGS.map(([, , value, correct]) => [value, correct]));

const files = tempDir();
let dirtyPath: string;
let typos: InsightDraft[];
let sql: SqlRunner;

beforeAll(async () => {
  const { header, rows } = readCsv(readFileSync(datasetPath('penguins.csv'), 'utf8'));
  for (const [row, column, value] of MISSPELLINGS) rows[row - 1]![header.indexOf(column)] = value;
  dirtyPath = files.write('penguins-typos.csv', [header, ...rows].map((cells) => cells.join(',')).join('\n') + '\n');
  const profile = await profileFile(dirtyPath, { threads: 1 });
  typos = analyzeProfile(profile, { goal: 'DATA_QUALITY' }).insights.filter((i) => i.evidence.check === 'likely_typos');
  sql = await SqlRunner.open();
  await sql.useDataset(profile);
});
afterAll(() => {
  sql?.close();
  files.cleanup();
});

describe('likely typos', () => {
  it('finds every misspelling, in its column, with the value it misspells as the likely correction', () => {
    expect(typos.map((i) => i.columnName).sort()).toEqual(['island', 'sex', 'species']);
    for (const insight of typos) {
      expect(insight.type).toBe('PATTERN_VIOLATION');
      const corrections = insight.evidence.facts['corrections'] as { value: string; count: number; likely: string }[];
      const expected = MISSPELLINGS.filter(([, column]) => column === insight.columnName).map(([, , value]) => value);
      expect(corrections.map((c) => c.value).sort()).toEqual(expected.sort());
      for (const c of corrections) {
        expect(c.likely).toBe(intended.get(c.value));
        expect(c.count).toBe(1);
      }
      expect(insight.evidence.count).toBe(expected.length);
      expect(insight.evidence.approximate).toBe(false);
    }
    const species = typos.find((i) => i.columnName === 'species')!;
    // 152 Adelie rows, two of them now misspelled (Adelei, and Chinstarp written over one).
    expect(species.description).toMatch(/"Adelei" ×1 \(likely "Adelie", ×150\)/);
  });

  it('gives code that selects exactly the misspelled rows and maps each back', async () => {
    for (const insight of typos) {
      expect(await sql.count(insight.code.sql.affectedRows!)).toBe(insight.evidence.count);
      const fixed = `SELECT * FROM (${insight.code.sql.fix}) WHERE ${JSON.stringify(insight.columnName)} IN ('${[...intended.keys()].join("','")}')`;
      expect(await sql.count(fixed)).toBe(0);
      for (const [value, likely] of intended)
        if (insight.code.pandas.includes(`"${value}"`)) expect(insight.code.pandas).toContain(`"${value}": "${likely}"`);
    }
    expect(pythonSyntaxErrors(typos.map((i) => i.code.pandas))).toEqual([]);
  });

  it('raises none on the untouched shared files', async () => {
    for (const name of ['iris.csv', 'penguins.csv', 'taxis.csv', 'tips.csv', 'titanic.csv']) {
      const profile = await profileFile(datasetPath(name), { threads: 1 });
      const found = analyzeProfile(profile, { goal: 'DATA_QUALITY' }).insights.filter((i) => i.evidence.check === 'likely_typos');
      expect(
        found.map((i) => i.description),
        name,
      ).toEqual([]);
    }
  });

  it('counts a transposition as one edit and stops past the limit', () => {
    expect(editDistance('chinstrap', 'chinstarp', 1)).toBe(1);
    expect(editDistance('dream', 'dreem', 1)).toBe(1);
    expect(editDistance('torgersen', 'biscoe', 2)).toBe(3);
  });
});
