// A free-text column with more distinct values than are counted exactly is summarised from a sample of its values;
// its blank cells are missing, not values: they must neither stop the profile nor show up among its values.
import { afterAll, describe, expect, it } from 'vitest';
import { profileFile } from '../../src/profiling/index.js';
import { seeded, tempDir } from './support.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

describe('free text with blank cells', () => {
  it('is profiled, its blanks counted as missing and never as a value', async () => {
    const random = seeded(7);
    const words = ['late', 'parcel', 'damaged', 'refund', 'asked', 'twice', 'great', 'service', 'again', 'never'];
    const comments: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      comments.push(
        random() < 0.05
          ? ''
          : `${words[Math.floor(random() * 10)]} ${words[Math.floor(random() * 10)]} ${words[Math.floor(random() * 10)]} ${i}`,
      );
    }
    const file = temp.write('comments.csv', ['id,comment', ...comments.map((c, i) => `${i + 1},${c}`)].join('\n') + '\n');
    const profile = await profileFile(file);
    const comment = profile.columns.find((c) => c.columnName === 'comment')!;
    expect(comment.nullCount).toBe(comments.filter((c) => c === '').length);
    expect(comment.uniqueCount).toBe(comments.length - comment.nullCount);
    const { topValues, patterns } = comment.distributionData;
    expect(topValues?.approximate).toBe(true);
    expect(topValues!.values.length).toBeGreaterThan(0);
    expect(topValues!.values.every((v) => v.value !== '' && v.count === 1)).toBe(true);
    // Every value has the shape "word word word number", and the shapes account for the values alone.
    expect(patterns!.shapes.map((s) => [s.pattern, s.count])).toEqual([['a a a 9', comment.distributionData.typeConsistency.validCount]]);
  });
});
