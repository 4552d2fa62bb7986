// Wide files keep their typed cells packed into list columns (statistics/typed-table.ts): a different storage of
// the same cells, so every figure of the profile must be the one the one-column-per-field layout gives. Checked on
// a 72-column file with every kind of column and defect the profiler reports, in both layouts.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { profileFile } from '../../src/profiling/index.js';
import { PACKED_MIN_COLUMNS } from '../../src/profiling/statistics/typed-table.js';
import { seeded, tempDir } from './support.js';

const temp = tempDir();
afterAll(() => temp.cleanup());
afterEach(() => {
  delete process.env['DATAINSIGHT_TABLE_LAYOUT'];
});

/** Nine kinds of column, eight of each. */
function wideFile(): string {
  const random = seeded(11);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const kinds = [
    () => (random() < 0.05 ? '' : String(Math.floor(random() * 90))),
    (i: number) => (random() < 0.01 ? `bad ${i}` : (Math.exp(random() * 4) * (i % 7 === 0 ? -1 : 1)).toFixed(2)),
    () => pick(['north', 'south', 'east', 'west', 'North ', 'south', '']),
    () => (random() < 0.02 ? 'not-an-email' : `user${Math.floor(random() * 1e6)}@example.com`),
    (i: number) => `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    (i: number) => `2024-03-${String((i % 28) + 1).padStart(2, '0')} 1${i % 10}:2${i % 10}:09`,
    () => pick(['true', 'false', 'true', '']),
    (i: number) => (random() < 0.1 ? '' : `note ${pick(['late', 'early', 'fine'])} ${i}`),
    (i: number) => (random() < 0.003 ? '999999' : String(100 + (i % 50))),
  ];
  const header = Array.from({ length: kinds.length * 8 }, (_, c) => `col_${c}`);
  const lines = [header.join(',')];
  for (let i = 0; i < 3_000; i++) {
    const row = header.map((_, c) => kinds[c % kinds.length]!(i));
    lines.push(row.join(','));
    // Some whole rows twice: the duplicate-row check reads every field of a row.
    if (i % 97 === 0) lines.push(row.join(','));
  }
  return temp.write('wide.csv', lines.join('\n') + '\n');
}

describe('the packed typed table of wide files', () => {
  it('gives the same profile as one table column per field', async () => {
    const file = wideFile();
    expect(72).toBeGreaterThanOrEqual(PACKED_MIN_COLUMNS);
    const strip = ({ timingsMs: _, ...rest }: Awaited<ReturnType<typeof profileFile>>) => rest;
    process.env['DATAINSIGHT_TABLE_LAYOUT'] = 'columns';
    const columns = strip(await profileFile(file));
    process.env['DATAINSIGHT_TABLE_LAYOUT'] = 'packed';
    const packed = strip(await profileFile(file));
    expect(columns.columns).toHaveLength(72);
    // The file has something for every check to find, so the comparison covers them.
    expect(columns.duplicateRows.count).toBe(31);
    expect(columns.columns.some((c) => c.distributionData.typeConsistency.invalidExamples.length > 0)).toBe(true);
    expect(packed).toEqual(columns);
  });
});
