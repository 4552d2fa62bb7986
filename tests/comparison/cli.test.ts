import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisComparison } from '../../src/comparison/index.js';
import { datainsight } from '../support/cli.js';
import { tempDir } from '../profiling/support.js';
import { shiftedTitanic, titanicPath, toCsv } from './support.js';

const temp = tempDir();
afterAll(() => temp.cleanup());
let shifted: string;
beforeAll(() => {
  shifted = temp.write('shifted.csv', toCsv(shiftedTitanic()));
});

describe('datainsight compare', () => {
  it('prints the schema diff, the drifted columns with statistic, threshold and method, the score delta and the insights', async () => {
    const { code, stdout } = await datainsight('compare', titanicPath, shifted);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}removed: +ticket \(string\)$/m);
    expect(stdout).toMatch(/^Drift: 2 of 10 compared columns drifted/m);
    expect(stdout).toMatch(/^ {2}age \(numeric\): drifted$/m);
    expect(stdout).toMatch(/^ {4}PSI \d\.\d+ ≥ 0\.200 \[profiles, estimated\]$/m);
    expect(stdout).toMatch(/^ {4}KS \d\.\d+ ≥ 0\.100 \[profiles, estimated\]$/m);
    expect(stdout).toMatch(/^ {2}embarked \(categorical\): drifted$/m);
    expect(stdout).toMatch(/^ {4}χ² \d+\.\d ≥ \d+\.\d+ \[profiles\]$/m);
    expect(stdout).toMatch(/^Quality score: \d+\.\d → \d+\.\d {2}\([−+±]\d+\.\d, goal DATA_QUALITY\)$/m);
    expect(stdout).toMatch(/^ {2}− \[\w+\] \w+ · ticket · /m);
  });

  it('prints the whole comparison as JSON with --json, exact with --exact', async () => {
    const { code, stdout } = await datainsight('compare', titanicPath, shifted, '--json', '--exact');
    expect(code).toBe(0);
    const comparison = JSON.parse(stdout) as AnalysisComparison;
    expect(comparison.method).toBe('files');
    expect(comparison.driftedColumns).toEqual(['age', 'embarked']);
    expect(comparison.schema.removed.map((c) => c.columnName)).toEqual(['ticket']);
  });

  it('explains its usage', async () => {
    const { code, stderr } = await datainsight('compare', titanicPath);
    expect(code).toBe(2);
    expect(stderr).toContain('compare BASE TARGET');
  });
});
