import { datainsight } from '../support/cli.js';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/insights/index.js';
import { datasetPath } from '../profiling/support.js';

describe('datainsight analyze', () => {
  it('prints the score, its breakdown and the insights most severe first', async () => {
    const { code, stdout } = await datainsight('analyze', datasetPath('titanic.csv'), '--goal', 'ML_PREPARATION', '--target', 'survived');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Quality score: \d+\.\d \/ 100 {2}\(goal ML_PREPARATION\)/);
    expect(stdout).toMatch(/^ {2}completeness +\d+\.\d%/m);
    expect(stdout).toMatch(/^1\. \[HIGH\] MISSING_DATA · cabin/m);
    expect(stdout).toContain('Class balance of the target `survived`');
  });

  it('prints the same result as JSON with --json', async () => {
    const { code, stdout } = await datainsight('analyze', datasetPath('iris.csv'), '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as AnalysisResult;
    expect(result.breakdown.goal).toBe('GENERAL_AUDIT');
    expect(result.insights.find((i) => i.type === 'DUPLICATES')?.evidence.count).toBe(1);
  });

  it('explains an unknown target column and an unknown goal', async () => {
    const target = await datainsight('analyze', datasetPath('tips.csv'), '--target', 'nope');
    expect(target.code).toBe(1);
    expect(target.stderr).toMatch(/UNKNOWN_TARGET_COLUMN.*"nope".*"total_bill"/);
    const goal = await datainsight('analyze', datasetPath('tips.csv'), '--goal', 'fun');
    expect(goal.code).toBe(2);
    expect(goal.stderr).toContain('ML_PREPARATION');
  });
});
