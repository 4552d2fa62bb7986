// A sample limit profiles the first N rows of the file, and says so.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { profileFile } from '../../src/profiling/index.js';
import { datasetPath, readCsv } from './support.js';

describe('rowLimit', () => {
  it('profiles only the first rows, with the file’s own row numbers', async () => {
    const { header, rows } = readCsv(readFileSync(datasetPath('titanic.csv'), 'utf8'));
    const first = rows.slice(0, 100);
    const age = header.indexOf('age');
    const profile = await profileFile(datasetPath('titanic.csv'), { rowLimit: 100 });
    expect(profile.rowLimit).toBe(100);
    expect(profile.rowCount).toBe(100);
    const ageProfile = profile.columns.find((c) => c.columnName === 'age')!;
    expect(ageProfile.nullCount).toBe(first.filter((r) => r[age] === '').length);
    // Rows are numbered as in the file (1-based, header excluded): the first missing ages of the file.
    const missingRows = first.flatMap((r, i) => (r[age] === '' ? [i + 1] : [])).slice(0, 5);
    expect(ageProfile.distributionData.rowChecks?.missingRows.slice(0, 5)).toEqual(missingRows);
    expect((await profileFile(datasetPath('titanic.csv'))).rowLimit).toBeNull();
  });
});
