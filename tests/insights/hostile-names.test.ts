/** Column names and values are user data: suggestions must quote them so that the code still runs. */
import { afterAll, expect, it } from 'vitest';
import { analyzeProfile } from '../../src/insights/index.js';
import { profileFile } from '../../src/profiling/index.js';
import { tempDir } from '../profiling/support.js';
import { toCsv } from './support/injected-corpus.js';
import { SqlRunner, pythonSyntaxErrors } from './support/run-code.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

it('quotes hostile column names and values in SQL and pandas', async () => {
  const header = ['a"b; DROP TABLE dataset; --', "it's", 'naïve 列 😀', 'back\\slash\nline'];
  const rows = Array.from({ length: 60 }, (_, i) => [
    String(i % 7),
    i % 10 === 0 ? '' : `x'${i % 3}`,
    String(10 + (i % 5)),
    i % 2 ? 'Yes' : 'no',
  ]);
  rows[5]![2] = '9999';
  rows[6]![2] = "'); DROP TABLE dataset; --";
  rows[7]![1] = "X'1";
  const file = temp.write('hostile.csv', toCsv(header, rows));
  const profile = await profileFile(file, { threads: 1 });
  const result = analyzeProfile(profile, { goal: 'GENERAL_AUDIT' });
  const columns = new Set(result.insights.map((i) => i.columnName));
  expect(columns.has('naïve 列 😀')).toBe(true);
  expect(pythonSyntaxErrors(result.insights.map((i) => i.code.pandas))).toEqual([]);
  const sql = await SqlRunner.open();
  try {
    await sql.useDataset(profile);
    for (const insight of result.insights) {
      await sql.count(insight.code.sql.fix);
      if (insight.code.sql.affectedRows) await sql.count(insight.code.sql.affectedRows);
    }
    // The table survived every statement.
    expect(await sql.count('SELECT * FROM dataset')).toBe(60);
  } finally {
    sql.close();
  }
});
