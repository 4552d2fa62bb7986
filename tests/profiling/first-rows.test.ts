// "The first rows where …" (bad values, missing cells, negatives, padded or non-conforming text) come from scans
// that stop after five matches, relying on the scan returning rows in file order. Checked here on a file of
// several row groups read by two threads, with every match far from the start, against the rows as written.
import { afterAll, describe, expect, it } from 'vitest';
import { profileFile } from '../../src/profiling/index.js';
import { seeded, tempDir } from './support.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

describe('first rows of each check', () => {
  it('are the first in file order, across row groups and threads', async () => {
    const random = seeded(42);
    const rows: string[][] = [];
    const rare = (from: number, i: number, p: number) => i >= from && random() < p;
    for (let i = 0; i < 400_000; i++) {
      const n = rare(150_000, i, 0.0002)
        ? `bad${i}`
        : rare(180_000, i, 0.0002)
          ? ''
          : rare(210_000, i, 0.0002)
            ? String(-i)
            : String(i % 1000);
      const label = rare(240_000, i, 0.0002) ? ` padded ${i}` : `label ${i % 50}`;
      const email = rare(270_000, i, 0.0002) ? `not-an-email-${i}` : `user${i}@example.com`;
      rows.push([n, label, email]);
    }
    const file = temp.write('late-matches.csv', ['n,label,email', ...rows.map((r) => r.join(','))].join('\n') + '\n');
    const profile = await profileFile(file, { threads: 2 });

    const first = (test: (row: string[]) => boolean, value: (row: string[]) => string) =>
      rows.flatMap((row, i) => (test(row) ? [{ row: i + 1, value: value(row) }] : [])).slice(0, 5);
    const [n, label, email] = profile.columns.map((c) => c.distributionData);
    expect(n!.typeConsistency.invalidExamples).toEqual(
      first(
        (r) => r[0]!.startsWith('bad'),
        (r) => r[0]!,
      ),
    );
    expect(n!.rowChecks!.missingRows).toEqual(
      first(
        (r) => r[0] === '',
        () => '',
      ).map((e) => e.row),
    );
    expect(n!.rowChecks!.negative!.examples).toEqual(
      first(
        (r) => r[0]!.startsWith('-'),
        (r) => r[0]!,
      ),
    );
    expect(label!.whitespace!.examples).toEqual(
      first(
        (r) => r[1]!.startsWith(' '),
        (r) => r[1]!,
      ),
    );
    expect(email!.semantic!.nonMatchingExamples).toEqual(
      first(
        (r) => !r[2]!.includes('@'),
        (r) => r[2]!,
      ),
    );
    // Every check found its five rows, all past the first row group.
    for (const examples of [n!.typeConsistency.invalidExamples, label!.whitespace!.examples]) {
      expect(examples).toHaveLength(5);
      expect(examples[0]!.row).toBeGreaterThan(122_880);
    }
  });
});
