/** The issue's acceptance case: what a data scientist expects from titanic.csv, each with working code. */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeProfile, InsightsError, scoreBreakdownSchema, type AnalysisResult, type InsightDraft } from '../../src/insights/index.js';
import { profileFile, type DatasetProfile } from '../../src/profiling/index.js';
import { datasetPath } from '../profiling/support.js';
import { SqlRunner, pythonSyntaxErrors } from './support/run-code.js';

let profile: DatasetProfile;
let audit: AnalysisResult;
let ml: AnalysisResult;
beforeAll(async () => {
  profile = await profileFile(datasetPath('titanic.csv'), { threads: 1 });
  audit = analyzeProfile(profile, { goal: 'GENERAL_AUDIT' });
  ml = analyzeProfile(profile, { goal: 'ML_PREPARATION', targetColumn: 'survived' });
});

const find = (result: AnalysisResult, column: string | null, check: string): InsightDraft => {
  const insight = result.insights.find((i) => i.columnName === column && i.evidence.check === check);
  if (!insight)
    throw new Error(`no ${check} on ${column}: ${result.insights.map((i) => `${i.columnName}/${i.evidence.check}`).join(', ')}`);
  return insight;
};

describe('titanic.csv', () => {
  it('reports missing ages, the mostly empty cabin and the two missing embarked, graded by share', () => {
    const age = find(audit, 'age', 'missing_values');
    expect(age.evidence.count).toBe(177);
    expect(age.description).toContain('19.9%');
    const cabin = find(audit, 'cabin', 'mostly_empty_column');
    expect(cabin.evidence.count).toBe(687);
    const embarked = find(audit, 'embarked', 'missing_values');
    expect(embarked.evidence.examples.map((e) => e.row)).toEqual([62, 830]);
    expect(cabin.severity).toBe('HIGH');
    expect(age.severity).toBe('MEDIUM');
    expect(embarked.severity).toBe('LOW');
  });

  it('reports the skewed fare with a log transform, and name and ticket as identifier-like', () => {
    const fare = find(audit, 'fare', 'skewed_distribution');
    expect(fare.description).toMatch(/skewness 4\.\d\d/);
    expect(find(ml, 'fare', 'skewed_distribution').code.pandas).toContain('np.log1p');
    for (const column of ['name', 'ticket']) expect(find(ml, column, 'identifier_like').severity).toBe('MEDIUM');
  });

  it('with ML_PREPARATION and target survived reports the class balance', () => {
    const balance = find(ml, 'survived', 'class_imbalance');
    expect(balance.evidence.facts['minorityShare']).toBeCloseTo(342 / 891, 6);
    expect(balance.description).toContain('38.4%');
    // 38% is balanced enough: a fact, not an alarm.
    expect(balance.severity).toBe('INFO');
    expect(audit.insights.some((i) => i.evidence.check === 'class_imbalance')).toBe(false);
  });

  it('raises nothing HIGH or CRITICAL but the mostly empty cabin', () => {
    for (const result of [audit, ml]) {
      const loud = result.insights.filter((i) => i.severity === 'HIGH' || i.severity === 'CRITICAL');
      expect(loud.map((i) => `${i.columnName}/${i.evidence.check}`)).toEqual(['cabin/mostly_empty_column']);
    }
  });

  it('orders insights most severe first, deterministically', () => {
    const rank = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
    const ranks = ml.insights.map((i) => rank.indexOf(i.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(analyzeProfile(profile, { goal: 'ML_PREPARATION', targetColumn: 'survived' })).toEqual(ml);
  });

  it('scores with an explainable, serialisable breakdown whose costs add up', () => {
    const breakdown = scoreBreakdownSchema.parse(JSON.parse(JSON.stringify(ml.breakdown)));
    expect(breakdown.score).toBe(ml.score);
    const completeness = breakdown.dimensions.find((d) => d.dimension === 'completeness')!;
    expect(completeness.defects).toBe(177 + 687 + 2);
    expect(completeness.assessable).toBe(891 * 11);
    expect(ml.score!).toBeLessThan(100);
    expect(ml.score!).toBeGreaterThan(50);
    const total = ml.insights.reduce((sum, i) => sum + i.cost, 0);
    expect(total).toBeCloseTo(100 - ml.score!, 2);
    expect(find(ml, 'cabin', 'mostly_empty_column').cost).toBeGreaterThan(find(ml, 'age', 'missing_values').cost);
  });

  it('weights the same defects differently per goal', () => {
    const quality = analyzeProfile(profile, { goal: 'DATA_QUALITY' });
    expect(quality.score).not.toBe(audit.score);
    // DATA_QUALITY grades completeness one level harder.
    expect(find(quality, 'age', 'missing_values').severity).toBe('HIGH');
    const exploratory = analyzeProfile(profile, { goal: 'EXPLORATORY' });
    expect(exploratory.insights.filter((i) => i.evidence.check === 'strong_correlation').every((i) => i.severity === 'INFO')).toBe(true);
  });

  it('gives working code for every insight', async () => {
    expect(pythonSyntaxErrors(ml.insights.map((i) => i.code.pandas))).toEqual([]);
    const sql = await SqlRunner.open();
    try {
      await sql.useDataset(profile);
      expect(await sql.count(find(ml, 'embarked', 'missing_values').code.sql.affectedRows!)).toBe(2);
      expect(await sql.count(find(ml, 'age', 'missing_values').code.sql.fix)).toBe(891);
    } finally {
      sql.close();
    }
  });

  it('rejects an unknown target column, naming it and the available ones', () => {
    const attempt = () => analyzeProfile(profile, { goal: 'ML_PREPARATION', targetColumn: 'Survived?' });
    expect(attempt).toThrow(InsightsError);
    try {
      attempt();
    } catch (error) {
      expect((error as InsightsError).code).toBe('UNKNOWN_TARGET_COLUMN');
      expect((error as InsightsError).message).toContain('"Survived?"');
      expect((error as InsightsError).message).toContain('"survived"');
    }
  });
});
