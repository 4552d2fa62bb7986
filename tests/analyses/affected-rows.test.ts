// The affected-rows reader (src/analyses/affected-rows.ts) and the view it
// reads through, rebuilt from what an analysis stores
// (src/analyses/stored-dataset-view.ts), on real files: the rebuilt source is
// the profile's own, rows come numbered in file order, and the DuckDB it runs
// in reads nothing but the one file, runs nothing but one SELECT and stops at
// its time limit.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { affectedRowsSettings, readAffectedRows, type AffectedRowsRequest } from '../../src/analyses/affected-rows.js';
import { storedDatasetView } from '../../src/analyses/stored-dataset-view.js';
import { AppError } from '../../src/errors.js';
import { analyzeProfile } from '../../src/insights/index.js';
import { profileFile } from '../../src/profiling/index.js';
import { datasetPath } from '../profiling/support.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'affected-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const names = (profile: { columns: { columnName: string }[] }) => profile.columns.map((c) => c.columnName);

async function request(file: string, sql: string, overrides: Partial<AffectedRowsRequest> = {}): Promise<AffectedRowsRequest> {
  const profile = await profileFile(file, { threads: 1 });
  return {
    filePath: file,
    view: await storedDatasetView(file, { fileFormat: null, columnNames: names(profile) }),
    sql,
    rowLimit: null,
    offset: 0,
    limit: 20,
    tempDirectory: dir,
    ...overrides,
  };
}

describe('the dataset view rebuilt from what an analysis stores', () => {
  it("finds the profile's own source for a semicolon-separated Latin-1 file without a header", async () => {
    const file = path.join(dir, 'latin1.csv');
    writeFileSync(file, Buffer.from('1;Zoë;;3.5\n2;Renée;x;4\n3;José;;7.25\n', 'latin1'));
    const profile = await profileFile(file, { threads: 1 });
    expect(profile.source).toMatchObject({ encoding: 'latin-1', delimiter: ';', hasHeader: false });
    const view = await storedDatasetView(file, { fileFormat: 'CSV', columnNames: names(profile) });
    expect(view.source).toEqual(profile.source);
    const page = await readAffectedRows(await request(file, `SELECT * FROM dataset WHERE "${names(profile)[2]}" IS NULL`));
    expect(page).toEqual({
      columns: names(profile),
      totalCount: 2,
      rows: [
        { row: 1, values: ['1', 'Zoë', null, '3.5'] },
        { row: 3, values: ['3', 'José', null, '7.25'] },
      ],
      hasNextPage: false,
    });
  });

  it('refuses a file that no longer reads as the analysis read it, and a file that is gone', async () => {
    const file = datasetPath('iris.csv');
    await expect(storedDatasetView(file, { fileFormat: 'CSV', columnNames: ['a', 'b'] })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(storedDatasetView(file, { fileFormat: 'PARQUET', columnNames: ['a', 'b', 'c', 'd', 'e'] })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const gone = storedDatasetView(path.join(dir, 'never-stored.csv'), { fileFormat: 'CSV', columnNames: ['a'] });
    await expect(gone).rejects.toBeInstanceOf(AppError);
    await expect(gone).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no longer in storage/) });
  });
});

describe('readAffectedRows', () => {
  it('numbers the rows of every row-filter insight of penguins.csv as the file has them', async () => {
    const file = datasetPath('penguins.csv');
    const profile = await profileFile(file, { threads: 1 });
    const { insights } = analyzeProfile(profile, { goal: 'DATA_QUALITY' });
    const checked = insights.filter((i) => i.code.sql.affectedRows?.startsWith('SELECT * FROM dataset WHERE ') && !i.evidence.approximate);
    expect(checked.length).toBeGreaterThan(0);
    for (const insight of checked) {
      const page = await readAffectedRows(await request(file, insight.code.sql.affectedRows!, { limit: 100 }));
      if (insight.evidence.unit === 'rows' || insight.evidence.unit === 'values') {
        expect(page.totalCount, insight.evidence.check).toBe(insight.evidence.count);
      }
      const numbers = page.rows.map((r) => r.row!);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      // Examples listed in row order are the first rows selected.
      const examples = insight.evidence.examples.map((e) => e.row).filter((r) => r !== null);
      if (
        examples.length &&
        examples.every((r, i) => i === 0 || r! > examples[i - 1]!) &&
        insight.evidence.examples.every((e) => !e.count)
      ) {
        expect(numbers.slice(0, examples.length), insight.evidence.check).toEqual(examples);
      }
    }
  });

  it('keeps its own row number apart from a column named __row, and reads only a sample limit’s rows', async () => {
    const file = path.join(dir, 'row-column.csv');
    writeFileSync(file, '__row,value\n10,a\n20,\n30,c\n40,\n50,e\n');
    const page = await readAffectedRows(await request(file, 'SELECT * FROM dataset WHERE "value" IS NULL'));
    expect(page.columns).toEqual(['__row', 'value']);
    expect(page.rows).toEqual([
      { row: 2, values: ['20', null] },
      { row: 4, values: ['40', null] },
    ]);
    const sampled = await readAffectedRows(await request(file, 'SELECT * FROM dataset WHERE "value" IS NULL', { rowLimit: 3 }));
    expect(sampled).toMatchObject({ totalCount: 1, rows: [{ row: 2 }] });
    const paged = await readAffectedRows(await request(file, 'SELECT * FROM dataset WHERE true', { offset: 3, limit: 1 }));
    expect(paged).toMatchObject({ totalCount: 5, rows: [{ row: 4 }], hasNextPage: true });
  });

  it('reads no file but the dataset’s and runs nothing but a single SELECT', async () => {
    const file = datasetPath('iris.csv');
    await expect(readAffectedRows(await request(file, "SELECT * FROM read_csv('/etc/passwd')"))).rejects.toThrow(/Permission Error/);
    await expect(readAffectedRows(await request(file, `SELECT * FROM read_csv('${datasetPath('tips.csv')}')`))).rejects.toThrow(
      /Permission Error/,
    );
    // Writing a file is refused when it is bound, before anything runs.
    await expect(readAffectedRows(await request(file, `COPY dataset TO '${path.join(dir, 'copy.csv')}'`))).rejects.toThrow(
      /Permission Error/,
    );
    await expect(readAffectedRows(await request(file, 'DROP VIEW dataset'))).rejects.toThrow(/single SELECT/);
    await expect(readAffectedRows(await request(file, 'CREATE TABLE kept AS SELECT * FROM dataset'))).rejects.toThrow(/single SELECT/);
    await expect(readAffectedRows(await request(file, 'SELECT 1; DROP VIEW dataset'))).rejects.toThrow(/single SELECT/);
  });

  it('interrupts a query at the time limit with QUERY_TOO_COMPLEX, and cleans up its spill folder', async () => {
    const limit = affectedRowsSettings.timeLimitMs;
    affectedRowsSettings.timeLimitMs = 500;
    try {
      // 10^11 hashes on one thread: no machine finishes them in half a second.
      const endless = 'SELECT * FROM dataset WHERE (SELECT max(hash(i)) FROM range(100000000000) AS t(i)) > 0';
      const read = readAffectedRows(await request(datasetPath('iris.csv'), endless));
      await expect(read).rejects.toBeInstanceOf(AppError);
      await expect(read).rejects.toMatchObject({ code: 'QUERY_TOO_COMPLEX', message: expect.stringMatching(/time limit of 0\.5 s/) });
    } finally {
      affectedRowsSettings.timeLimitMs = limit;
    }
    expect(readdirSync(dir).filter((name) => name.startsWith('affected-rows-'))).toEqual([]);
  });
});
