// Never an estimate stated as a count: a key-like email column large enough
// that its values are counted on a sample. The values the insight names are
// recounted on the whole column (×7 is seven rows), and the total it can only
// estimate is written as an estimate (≈).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeProfile, type InsightDraft } from '../../src/insights/index.js';
import { profileFile, type DatasetProfile } from '../../src/profiling/index.js';
import { tempDir } from '../profiling/support.js';

const ROWS = 30_000;
const files = tempDir();
let profile: DatasetProfile;
let duplicates: InsightDraft;

beforeAll(async () => {
  const lines = ['id,email,amount'];
  for (let i = 1; i <= ROWS; i++) {
    // 'shared@example.com' on 7 rows, 'not-an-email' on 300: every other address once.
    const email = i % 100 === 0 ? 'not-an-email' : i <= 7 ? 'shared@example.com' : `user${i}@example.com`;
    lines.push(`${i},${email},${i % 97}`);
  }
  const file = files.write('emails.csv', `${lines.join('\n')}\n`);
  // Limits low enough that this file's text is counted on a sample, as a multi-million-row file's would be.
  profile = await profileFile(file, { threads: 1, exactRowLimit: 1000, patternSampleRows: 2000 });
  duplicates = analyzeProfile(profile, { goal: 'DATA_QUALITY' }).insights.find(
    (i) => i.evidence.check === 'duplicate_key_values' && i.columnName === 'email',
  )!;
});
afterAll(() => files.cleanup());

describe('counts in insights', () => {
  it('recounts a sampled column’s top values on the whole column', () => {
    const top = profile.columns.find((c) => c.columnName === 'email')!.distributionData.topValues;
    expect(top.approximate).toBe(true);
    expect(top.countsExact).toBe(true);
    expect(top.values.slice(0, 2)).toEqual([
      { value: 'not-an-email', count: 300, share: 300 / ROWS },
      { value: 'shared@example.com', count: 7, share: 7 / ROWS },
    ]);
    // The rest of the listed values occur once each, whatever the sample's scale made of them.
    for (const v of top.values.slice(2)) expect(v.count).toBe(1);
  });

  it('names values with their exact counts and marks the estimated total ≈', () => {
    expect(duplicates).toBeDefined();
    expect(duplicates.description).toContain('"not-an-email" ×300');
    expect(duplicates.description).toContain('"shared@example.com" ×7');
    expect(duplicates.evidence.approximate).toBe(true);
    expect(duplicates.description).toMatch(/but ≈[\d,]+ of its 30,000 values/);
  });
});
