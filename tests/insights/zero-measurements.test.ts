// A measurement that cannot be zero: penguins.csv with a few body masses and
// a flipper length written as 0 (as diamonds.csv has rows with x, y or z
// equal to 0). Each is reported with its rows, the SQL selects exactly them,
// and the untouched shared files raise none.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeProfile, type InsightDraft } from '../../src/insights/index.js';
import { profileFile } from '../../src/profiling/index.js';
import { datasetPath, readCsv, tempDir } from '../profiling/support.js';
import { SqlRunner } from './support/run-code.js';

// [data row (1-based), column]
const ZEROS: [number, string][] = [
  [10, 'body_mass_g'],
  [200, 'body_mass_g'],
  [55, 'flipper_length_mm'],
];

const files = tempDir();
let zeros: InsightDraft[];
let sql: SqlRunner;

beforeAll(async () => {
  const { header, rows } = readCsv(readFileSync(datasetPath('penguins.csv'), 'utf8'));
  for (const [row, column] of ZEROS) rows[row - 1]![header.indexOf(column)] = '0';
  const file = files.write('penguins-zeros.csv', `${[header, ...rows].map((cells) => cells.join(',')).join('\n')}\n`);
  const profile = await profileFile(file, { threads: 1 });
  zeros = analyzeProfile(profile, { goal: 'GENERAL_AUDIT' }).insights.filter((i) => i.evidence.check === 'zero_measurements');
  sql = await SqlRunner.open();
  await sql.useDataset(profile);
});
afterAll(() => {
  sql?.close();
  files.cleanup();
});

describe('zero measurements', () => {
  it('reports each measurement column with its zero rows', async () => {
    expect(zeros.map((i) => i.columnName).sort()).toEqual(['body_mass_g', 'flipper_length_mm']);
    for (const insight of zeros) {
      const rows = ZEROS.filter(([, column]) => column === insight.columnName).map(([row]) => row);
      expect(insight.type).toBe('OUTLIERS');
      expect(insight.evidence.count).toBe(rows.length);
      expect(insight.evidence.examples.map((e) => e.row)).toEqual(rows);
      expect(await sql.count(insight.code.sql.affectedRows!)).toBe(rows.length);
    }
  });

  it('raises none on the untouched shared files', async () => {
    for (const name of ['iris.csv', 'penguins.csv', 'taxis.csv', 'tips.csv', 'titanic.csv']) {
      const profile = await profileFile(datasetPath(name), { threads: 1 });
      const found = analyzeProfile(profile, { goal: 'GENERAL_AUDIT' }).insights.filter((i) => i.evidence.check === 'zero_measurements');
      expect(
        found.map((i) => i.description),
        name,
      ).toEqual([]);
    }
  });
});
