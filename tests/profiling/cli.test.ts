import { datainsight } from '../support/cli.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetProfile } from '../../src/profiling/index.js';
import { datasetPath, tempDir } from './support.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

describe('datainsight profile', () => {
  it('prints every titanic column in a readable table', async () => {
    const { code, stdout } = await datainsight('profile', datasetPath('titanic.csv'));
    expect(code).toBe(0);
    expect(stdout).toContain('891 rows × 11 columns');
    for (const name of ['survived', 'pclass', 'name', 'sex', 'age', 'sibsp', 'parch', 'ticket', 'fare', 'cabin', 'embarked']) {
      expect(stdout).toMatch(new RegExp(`^${name}\\s`, 'm'));
    }
    expect(stdout).toMatch(/^age\s+decimal\s+177 \(19\.9%\)/m);
  });

  it('prints the full profile as JSON with --json', async () => {
    const { code, stdout } = await datainsight('profile', datasetPath('tips.csv'), '--json');
    expect(code).toBe(0);
    const profile = JSON.parse(stdout) as DatasetProfile;
    expect(profile.rowCount).toBe(244);
    expect(profile.columns.map((c) => c.columnName)).toEqual(['total_bill', 'tip', 'sex', 'smoker', 'day', 'time', 'size']);
  });

  it('explains a file it cannot profile and exits non-zero', async () => {
    const { code, stderr } = await datainsight('profile', temp.write('ragged.csv', 'a,b\n1,2\n3\n4,5\n'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/RAGGED_ROWS.*line 3/);
  });

  it('shows usage for an unknown subcommand', async () => {
    const { code, stderr } = await datainsight('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toContain('datainsight profile FILE');
  });
});
