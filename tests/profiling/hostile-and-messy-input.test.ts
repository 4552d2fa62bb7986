import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { profileFile, ProfilingError } from '../../src/profiling/index.js';
import { tempDir } from './support.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

async function expectProfilingError(file: string, code: string, messagePattern: RegExp, line?: number) {
  const error = await profileFile(file, { threads: 1 }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProfilingError);
  expect((error as ProfilingError).code).toBe(code);
  expect((error as ProfilingError).message).toMatch(messagePattern);
  if (line !== undefined) expect((error as ProfilingError).line).toBe(line);
}

describe('hostile column names', () => {
  const names = [
    'plain',
    'quote"inside',
    "single'quote",
    'x; DROP TABLE profiled; --',
    "\") FROM read_csv('/etc/passwd') --",
    '',
    'dup',
    'dup',
    'naïve 名前 🦆',
    '$1',
  ];
  const header = names.map((n) => `"${n.replaceAll('"', '""')}"`).join(',');
  const rows = Array.from({ length: 12 }, (_, i) => names.map((_, j) => String(i * 10 + j)).join(','));

  it('profiles every column with its original name and correct values, running no injected SQL', async () => {
    const file = temp.write('hostile.csv', [header, ...rows].join('\n'));
    const profile = await profileFile(file, { threads: 1 });
    expect(profile.columns.map((c) => c.originalName)).toEqual(names);
    const persisted = profile.columns.map((c) => c.columnName);
    expect(new Set(persisted).size).toBe(names.length);
    expect(persisted.every((n) => n.length > 0 && n.length <= 255)).toBe(true);
    expect(persisted[5]).toBe('column_6');
    expect(persisted.slice(6, 8)).toEqual(['dup', 'dup_2']);
    profile.columns.forEach((column, j) => {
      expect(column.minValue).toBe(String(j));
      expect(column.maxValue).toBe(String(110 + j));
      expect(column.dataType).toBe('integer');
      expect(column.uniqueCount).toBe(12);
    });
  });

  it('keeps hostile JSON keys and Parquet column names harmless too', async () => {
    const records = Array.from({ length: 5 }, (_, i) => ({ 'a"b': i, "c'; DROP TABLE x; --": `v${i % 2}` }));
    const json = temp.write('hostile.json', JSON.stringify(records));
    const profile = await profileFile(json, { threads: 1 });
    expect(profile.columns.map((c) => c.originalName)).toEqual(['a"b', "c'; DROP TABLE x; --"]);
    expect(profile.columns[0]!.mean).toBe(2);
  });
});

describe('messy files', () => {
  it('reads a BOM, semicolons, decimal commas and quoted newlines', async () => {
    const text = '\ufeffname;price;note\n"Smith; John";1,5;"line one\nline two"\nDoe;2,5;x\nRoe;3,25;y\n';
    const profile = await profileFile(temp.write('euro.csv', text), { threads: 1 });
    expect(profile.source.delimiter).toBe(';');
    expect(profile.columns.map((c) => c.originalName)).toEqual(['name', 'price', 'note']);
    const price = profile.columns[1]!;
    expect(price.dataType).toBe('decimal');
    expect(price.distributionData.typeConsistency.decimalSeparator).toBe(',');
    expect(price.mean).toBeCloseTo((1.5 + 2.5 + 3.25) / 3, 12);
    expect(profile.columns[2]!.distributionData.topValues.values.map((v) => v.value)).toContain('line one\nline two');
    expect(profile.rowCount).toBe(3);
  });

  it('reads Latin-1 files', async () => {
    const file = temp.write('latin1.csv', Buffer.from('city,n\nK\xf6ln,1\nM\xfcnchen,2\n', 'latin1'));
    const profile = await profileFile(file, { threads: 1 });
    expect(profile.source.encoding).toBe('latin-1');
    expect(profile.columns[0]!.distributionData.topValues.values.map((v) => v.value).sort()).toEqual(['Köln', 'München']);
  });

  it('reads TSV, NDJSON, JSON arrays and Parquet', async () => {
    const tsv = await profileFile(temp.write('t.tsv', 'a\tb\n1\tx\n2\ty\n'), { threads: 1 });
    expect(tsv.source.delimiter).toBe('\t');
    expect(tsv.columns[0]!.mean).toBe(1.5);

    const ndjson = await profileFile(temp.write('t.ndjson', '{"a":1,"b":"x"}\n{"a":3,"b":null}\n'), { threads: 1 });
    expect(ndjson.source.format).toBe('json');
    expect(ndjson.columns[0]!.mean).toBe(2);
    expect(ndjson.columns[1]!.nullCount).toBe(1);

    const array = await profileFile(temp.write('t.json', '[{"a":1},{"a":2},{"a":6}]'), { threads: 1 });
    expect(array.columns[0]!.mean).toBe(3);

    const parquet = `${temp.dir}/t.parquet`;
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT range AS n, range % 3 = 0 AS flag FROM range(10)) TO '${parquet}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const fromParquet = await profileFile(parquet, { threads: 1 });
    expect(fromParquet.source.format).toBe('parquet');
    expect(fromParquet.columns[0]!.mean).toBe(4.5);
    expect(fromParquet.columns[1]!.distributionData.boolean).toEqual({ trueCount: 4, falseCount: 6 });
  });

  it('names the line of a ragged row', async () => {
    await expectProfilingError(
      temp.write('short.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8\n'),
      'RAGGED_ROWS',
      /line 3: 2 fields where the header has 3/,
      3,
    );
    await expectProfilingError(temp.write('long.csv', 'a,b,c\n1,2,3\n6,7,8\n4,5,6,7\n'), 'RAGGED_ROWS', /line 4: 4 fields/, 4);
  });

  it('fails fast and clearly on files that are not tables', async () => {
    await expectProfilingError(temp.write('empty.csv', ''), 'EMPTY_FILE', /empty/);
    await expectProfilingError(temp.write('binary.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])), 'NOT_TABULAR', /Binary/);
    const prose =
      'It was the best of times, it was the worst of times, it was the age of wisdom.\n' +
      'It was the epoch of belief, it was the epoch of incredulity, it was the season of Light.\n' +
      'We had everything before us, we had nothing before us, we were all going direct to Heaven.\n';
    await expectProfilingError(temp.write('book.txt', prose), 'NOT_TABULAR', /Not a table|prose/);
    await expectProfilingError(temp.write('config.json', '{\n  "a": {"b": 1}\n}\n'), 'NOT_TABULAR', /single document/);
    await expectProfilingError(temp.write('scalars.json', '[1, 2, 3]'), 'NOT_TABULAR', /does not hold objects/);
    await expectProfilingError(`${temp.dir}/missing.csv`, 'FILE_NOT_FOUND', /Cannot read/);
  });
});
