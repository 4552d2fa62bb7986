// Row checks (first missing rows, missing fields per row, negative numbers, future dates) against a plain
// reference computation on a generated file.
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_NULL_TOKENS, profileFile } from '../../src/profiling/index.js';
import { seeded, tempDir } from './support.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

describe('row checks', () => {
  it('match a reference computation', async () => {
    const random = seeded(6);
    const header = ['n', 'x', 'd', 'ts', 'label'];
    const rows: string[][] = [];
    for (let i = 0; i < 3000; i++) {
      const mostlyEmpty = random() < 0.01;
      const blank = (p: number) => mostlyEmpty || random() < p;
      const n = blank(0.05) ? '' : random() < 0.01 ? String(-1 - Math.floor(random() * 9)) : String(Math.floor(random() * 90));
      const x = blank(0.03)
        ? random() < 0.5
          ? ''
          : 'NA'
        : random() < 0.02
          ? String(-(Math.floor(random() * 100) + 0.25))
          : (random() * 100).toFixed(2);
      const day = 1 + Math.floor(random() * 28);
      const d = blank(0.02) ? '' : `${random() < 0.01 ? 2999 : 2020}-03-${String(day).padStart(2, '0')}`;
      const ts = blank(0.02) ? '' : `${random() < 0.01 ? 2998 : 2021}-05-${String(day).padStart(2, '0')} 10:11:12`;
      const label = mostlyEmpty && random() < 0.5 ? 'keep' : blank(0.04) ? '' : ['red', 'green', 'blue'][i % 3]!;
      rows.push([n, x, d, ts, label]);
    }
    const file = temp.write('checks.csv', [header, ...rows].map((r) => r.join(',')).join('\n') + '\n');
    const profile = await profileFile(file);
    expect(profile.columns.map((c) => c.distributionData.valueType)).toEqual(['integer', 'decimal', 'date', 'datetime', 'string']);

    const nullTokens = new Set<string>(DEFAULT_NULL_TOKENS);
    const missing = (value: string) => value === '' || nullTokens.has(value);
    const first = (test: (row: string[]) => boolean) => rows.flatMap((r, i) => (test(r) ? [i + 1] : []));
    const examples = (c: number, test: (v: string) => boolean, render = (v: string) => v) =>
      first((r) => test(r[c]!))
        .slice(0, 5)
        .map((row) => ({ row, value: render(rows[row - 1]![c]!) }));

    header.forEach((name, c) => {
      const checks = profile.columns[c]!.distributionData.rowChecks!;
      expect(checks.missingRows, name).toEqual(first((r) => missing(r[c]!)).slice(0, 5));
    });
    const negative = (v: string) => !missing(v) && Number(v) < 0;
    for (const c of [0, 1]) {
      const checks = profile.columns[c]!.distributionData.rowChecks!;
      expect(checks.negative).toEqual({ count: first((r) => negative(r[c]!)).length, examples: examples(c, negative) });
    }
    const today = new Date().toISOString().slice(0, 10);
    for (const c of [2, 3]) {
      const future = (v: string) => !missing(v) && v.slice(0, 10) > today;
      const checks = profile.columns[c]!.distributionData.rowChecks!;
      expect(checks.future).toEqual({ after: today, count: first((r) => future(r[c]!)).length, examples: examples(c, future) });
    }

    const missingFields = rows.map((r) => r.filter(missing).length);
    const perCount = new Map<number, number>();
    for (const k of missingFields) perCount.set(k, (perCount.get(k) ?? 0) + 1);
    const mostly = missingFields.flatMap((k, i) => (k >= 3 ? [{ row: i + 1, missingFields: k }] : []));
    expect(mostly.length).toBeGreaterThan(5);
    expect(profile.rowMissingness).toEqual({
      fieldsPerRow: [...perCount].sort((a, b) => a[0] - b[0]).map(([k, n]) => ({ missingFields: k, rows: n })),
      threshold: 0.5,
      mostlyMissing: { count: mostly.length, share: mostly.length / rows.length, examples: mostly.slice(0, 5) },
    });
  });
});
