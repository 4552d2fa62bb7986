import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareFiles, compareProfiles, ComparisonError, type ComparableAnalysisInput } from '../../src/comparison/index.js';
import { chiSquared } from '../../src/comparison/statistics.js';
import { datasetPath, tempDir } from '../profiling/support.js';
import { analyse, mapColumn, numbersOf, readTable, referenceKs, shiftedTitanic, titanic, titanicPath, toCsv } from './support.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

let base: ComparableAnalysisInput;
let shifted: ComparableAnalysisInput;
let shiftedPath: string;
beforeAll(async () => {
  shiftedPath = temp.write('shifted.csv', toCsv(shiftedTitanic()));
  base = await analyse(titanicPath);
  shifted = await analyse(shiftedPath);
});

describe('compareFiles: exact statistics from the files', () => {
  it("agrees with the profiles mode's verdicts on the shifted copy", async () => {
    const fromProfiles = compareProfiles(base, shifted);
    const fromFiles = await compareFiles(titanicPath, shiftedPath, base, shifted, { threads: 1 });
    expect(fromFiles.method).toBe('files');
    expect(fromFiles.driftedColumns).toEqual(['age', 'embarked']);
    expect(fromFiles.schema).toEqual(fromProfiles.schema);
    expect(fromFiles.insights).toEqual(fromProfiles.insights);
    fromFiles.columns.forEach((c, i) => {
      const p = fromProfiles.columns[i]!;
      expect(c.columnName).toBe(p.columnName);
      expect(c.verdict, c.columnName).toBe(p.verdict);
      expect(
        c.tests.map((t) => [t.test, t.verdict]),
        c.columnName,
      ).toEqual(p.tests.map((t) => [t.test, t.verdict]));
      // Distribution tests are exact: recomputed from the files, or exact already in the profiles (every value counted).
      for (const [k, t] of c.tests.entries()) {
        if (t.test === 'missing_share' || t.test === 'distinct_count') continue;
        expect(t.approximate, `${c.columnName} ${t.test}`).toBe(false);
        expect(t.method).toBe(p.tests[k]!.approximate ? 'files' : 'profiles');
        if (t.method === 'profiles') expect(t.statistic).toBe(p.tests[k]!.statistic);
      }
    });
    expect(fromFiles.warnings.some((w) => /estimated/.test(w))).toBe(false);
  });

  it('computes the two-sample KS distance and the category χ² exactly', async () => {
    const fromFiles = await compareFiles(titanicPath, shiftedPath, base, shifted, { threads: 1, recomputeExact: true });
    const age = fromFiles.columns.find((c) => c.columnName === 'age')!;
    const ks = age.tests.find((t) => t.test === 'kolmogorov_smirnov')!;
    expect(ks.statistic).toBeCloseTo(referenceKs(numbersOf(titanic(), 'age'), numbersOf(shiftedTitanic(), 'age')), 12);
    expect(ks.pValue).toBeLessThan(1e-10);
    const embarked = fromFiles.columns.find((c) => c.columnName === 'embarked')!;
    // S, C, Q / Southampton, C, Q (2 missing on each side).
    const expected = chiSquared([644, 168, 77, 0], [0, 168, 77, 644]).statistic;
    expect(embarked.tests.find((t) => t.test === 'chi_squared')!.statistic).toBeCloseTo(expected, 9);
  });

  it('gives the same exact statistics whichever way the numbers are read (grouped, sorted, in SQL)', async () => {
    const statistics = async (numericStrategy: 'grouped' | 'sorted' | 'sql') => {
      const c = await compareFiles(titanicPath, shiftedPath, base, shifted, { threads: 1, numericStrategy, recomputeExact: true });
      return c.columns.flatMap((column) => column.tests.map((t) => [column.columnName, t.test, t.statistic, t.threshold, t.bins]));
    };
    const grouped = await statistics('grouped');
    for (const other of [await statistics('sorted'), await statistics('sql')]) {
      expect(other).toHaveLength(grouped.length);
      for (const [i, row] of other.entries()) {
        for (const [k, value] of row.entries()) {
          if (typeof value === 'number') expect(value).toBeCloseTo(grouped[i]![k] as number, 12);
          else expect(value).toBe(grouped[i]![k]);
        }
      }
    }
  });

  it('reads numbers as the profiler does: unparseable text left out, a learned sentinel (-999) missing', async () => {
    const odd = mapColumn(titanic(), 'age', (age, row) => (row < 2 ? 'twenty' : row < 12 && age !== '' ? '-999' : age));
    const oddPath = temp.write('odd.csv', toCsv(odd));
    const analysis = await analyse(oddPath);
    const age = analysis.columns.find((c) => c.columnName === 'age')!;
    expect(age.distributionData.typeConsistency.invalidCount).toBe(2);
    expect(age.distributionData.missing.tokens).toContainEqual({ token: '-999', count: 9, learned: true });
    const c = await compareFiles(titanicPath, oddPath, base, analysis, { threads: 1 });
    const ks = c.columns.find((x) => x.columnName === 'age')!.tests.find((t) => t.test === 'kolmogorov_smirnov')!;
    const values = numbersOf(odd, 'age').filter((x) => Number.isFinite(x) && x !== -999);
    expect(ks.statistic).toBeCloseTo(referenceKs(numbersOf(titanic(), 'age'), values), 12);
    expect(ks.method).toBe('files');
  });

  it('finds every statistic 0 between a file and its copy', async () => {
    const copy = path.join(temp.dir, 'copy.csv');
    copyFileSync(titanicPath, copy);
    const c = await compareFiles(titanicPath, copy, base, await analyse(copy), { threads: 1, recomputeExact: true });
    expect(c.driftedColumns).toEqual([]);
    for (const column of c.columns) for (const t of column.tests) expect(t.statistic, `${column.columnName} ${t.test}`).toBe(0);
  });

  it('reads a JSON file as the profiler does: tips as CSV and as NDJSON differ in nothing, booleans included', async () => {
    const tips = readTable(datasetPath('tips.csv'));
    const json = tips.rows
      .map((r) => JSON.stringify(Object.fromEntries(tips.header.map((h, i) => [h, /^[0-9.]+$/.test(r[i]!) ? Number(r[i]) : r[i]]))))
      .join('\n');
    const jsonPath = temp.write('tips.json', `${json}\n`);
    const c = await compareFiles(datasetPath('tips.csv'), jsonPath, await analyse(datasetPath('tips.csv')), await analyse(jsonPath), {
      threads: 1,
      recomputeExact: true,
    });
    expect(c.schema).toMatchObject({ added: [], removed: [], renamed: [], typeChanged: [] });
    for (const column of c.columns) for (const t of column.tests) expect(t.statistic, `${column.columnName} ${t.test}`).toBe(0);
    const smoker = c.columns.find((x) => x.columnName === 'smoker')!;
    expect(smoker.baseType).toBe('boolean');
    expect(smoker.tests.map((t) => [t.test, t.method])).toContainEqual(['chi_squared', 'files']);
  });

  it('refuses a file that is not the analysed one with FILE_MISMATCH', async () => {
    const attempt = compareFiles(datasetPath('tips.csv'), shiftedPath, base, shifted, { threads: 1 });
    await expect(attempt).rejects.toThrow(ComparisonError);
    await expect(compareFiles(datasetPath('tips.csv'), shiftedPath, base, shifted, { threads: 1 })).rejects.toThrow(
      /base file has no column "\w+": is it the analysed file\?/,
    );
  });
});
