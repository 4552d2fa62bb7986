import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/insights/index.js';
import { datasetPath } from '../profiling/support.js';

const run = promisify(execFile);
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/datainsight.js');

async function datainsight(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

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
