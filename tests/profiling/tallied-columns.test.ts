// Columns with few distinct values are profiled from their value counts, not by scanning the table
// (src/profiling/statistics/tallied-columns.ts). Checked on every value type, above the exact row limit (where
// the scanned columns estimate), against a reference computed here from the rows as written.
import { afterAll, describe, expect, it } from 'vitest';
import { profileFile } from '../../src/profiling/index.js';
import { mean, quantile, seeded, stdDev, tempDir } from './support.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

describe('tallied columns', () => {
  it('give exact figures for every value type, at any size', async () => {
    const random = seeded(7);
    const header = ['level', 'price', 'day', 'seen_at', 'opens', 'active', 'colour', 'rare'];
    const rows: string[][] = [];
    for (let i = 0; i < 40_000; i++) {
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
      rows.push([
        random() < 0.02 ? 'NA' : random() < 0.001 ? 'lots' : String(pick([1, 2, 3, 5, 8, 13, 210])),
        pick(['0.5', '1.25', '-3.75', '10', '99.99']),
        `2024-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
        `2023-12-31 2${Math.floor(random() * 4)}:00:00`,
        `0${7 + Math.floor(random() * 3)}:30:00`,
        pick(['true', 'false', 'false']),
        pick(['red', 'Red', ' red', 'blue', 'blue\t', 'vert', 'ünï']),
        // Eleven values in all, far apart: quantiles fall between two different values.
        i % 3637 === 5 ? String((i % 7) * 10 + i / 3637) : '',
      ]);
    }
    const file = temp.write('tallied.csv', [header, ...rows].map((r) => r.join(',')).join('\n') + '\n');
    // Exact row limit far below the row count: scanned columns would estimate; tallied ones must not.
    const profile = await profileFile(file, { threads: 2, exactRowLimit: 1000 });
    const column = (name: string) => profile.columns.find((c) => c.columnName === name)!;
    expect(profile.columns.map((c) => c.distributionData.valueType)).toEqual([
      'integer',
      'decimal',
      'date',
      'datetime',
      'time',
      'boolean',
      'string',
      'decimal',
    ]);

    const numbers = (i: number, parse: (cell: string) => number | null) =>
      rows.map((r) => parse(r[i]!)).filter((x): x is number => x !== null);
    const epochDay = (cell: string) => Date.parse(`${cell}T00:00:00Z`) / 1000;
    const references: [string, number[]][] = [
      ['level', numbers(0, (c) => (/^\d+$/.test(c) ? Number(c) : null))],
      ['price', numbers(1, Number)],
      ['day', numbers(2, epochDay)],
      ['seen_at', numbers(3, (c) => Date.parse(`${c.replace(' ', 'T')}Z`) / 1000)],
      ['opens', numbers(4, (c) => Number(c.slice(0, 2)) * 3600 + Number(c.slice(3, 5)) * 60)],
      ['rare', numbers(7, (c) => (c === '' ? null : Number(c)))],
    ];
    for (const [name, xs] of references) {
      const d = column(name).distributionData;
      const n = d.numeric!;
      expect(n.quantilesApproximate, name).toBe(false);
      expect(d.approximateFields, name).not.toContain('numeric.quantiles');
      expect(d.uniqueness.approximate, name).toBe(false);
      // Bad values count as distinct values of their own ('lots' in level).
      expect(d.uniqueness.distinctCount, name).toBe(new Set(xs).size + (name === 'level' ? 1 : 0));
      expect(d.typeConsistency.validCount, name).toBe(xs.length);
      for (const q of n.quantiles) expect(q.value, `${name} p${q.p}`).toBeCloseTo(quantile(xs, q.p), 6);
      expect(n.stdDev! / stdDev(xs), name).toBeCloseTo(1, 9);
      expect(
        d.histogram!.bins.reduce((sum, bin) => sum + bin.count, 0),
        name,
      ).toBe(xs.length);
      const q1 = quantile(xs, 0.25);
      const q3 = quantile(xs, 0.75);
      expect(d.outliers!.iqr.mild.count, name).toBe(xs.filter((x) => x < q1 - 1.5 * (q3 - q1) || x > q3 + 1.5 * (q3 - q1)).length);
      const median = quantile(xs, 0.5);
      expect(d.outliers!.robustZ.mad, name).toBeCloseTo(
        quantile(
          xs.map((x) => Math.abs(x - median)),
          0.5,
        ),
        6,
      );
    }
    expect(column('level').mean).toBeCloseTo(mean(references[0]![1]), 9);
    expect(column('level').distributionData.typeConsistency.invalidCount).toBe(rows.filter((r) => r[0] === 'lots').length);
    expect(column('level').distributionData.missing.tokens).toEqual([
      { token: 'NA', count: rows.filter((r) => r[0] === 'NA').length, learned: false },
    ]);
    expect(column('price').distributionData.numeric!.negativeCount).toBe(rows.filter((r) => r[1] === '-3.75').length);
    expect(column('day').minValue).toBe([...rows.map((r) => r[2]!)].sort()[0]);

    const active = column('active').distributionData;
    expect(active.boolean).toEqual({
      trueCount: rows.filter((r) => r[5] === 'true').length,
      falseCount: rows.filter((r) => r[5] === 'false').length,
    });

    const colours = rows.map((r) => r[6]!);
    const colour = column('colour');
    const lengths = colours.map((c) => [...c].length);
    expect(colour.distributionData.lengths).toEqual({
      min: Math.min(...lengths),
      max: Math.max(...lengths),
      mean: expect.closeTo(mean(lengths), 9),
    });
    expect(colour.distributionData.whitespace!.leadingOrTrailingCount).toBe(colours.filter((c) => c !== c.trim()).length);
    // DuckDB's order of text is by UTF-8 bytes: ' red' first, 'ünï' last.
    expect([colour.minValue, colour.maxValue]).toEqual([' red', 'ünï']);
    expect(colour.uniqueCount).toBe(7);
  });
});
