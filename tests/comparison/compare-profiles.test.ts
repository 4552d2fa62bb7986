import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  analysisComparisonSchema,
  comparableAnalysisSchema,
  compareProfiles,
  ComparisonError,
  type AnalysisComparison,
  type ComparableAnalysisInput,
  type ColumnDrift,
} from '../../src/comparison/index.js';
import { tempDir } from '../profiling/support.js';
import { analyse, mapColumn, shiftedTitanic, titanic, titanicPath, toCsv, withoutColumn } from './support.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

let base: ComparableAnalysisInput;
beforeAll(async () => {
  base = await analyse(titanicPath);
});

const column = (c: AnalysisComparison, name: string): ColumnDrift => {
  const found = c.columns.find((x) => x.columnName === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
};
const testOf = (c: ColumnDrift, test: string) => c.tests.find((t) => t.test === test)!;

describe('compareProfiles: titanic against an identical copy', () => {
  let comparison: AnalysisComparison;
  beforeAll(async () => {
    const copy = path.join(temp.dir, 'titanic-copy.csv');
    copyFileSync(titanicPath, copy);
    comparison = compareProfiles(base, await analyse(copy));
  });

  it('finds no drift, no schema change, no insight change and a zero score delta', () => {
    expect(analysisComparisonSchema.parse(comparison)).toEqual(comparison);
    expect(comparison.method).toBe('profiles');
    expect(comparison.driftedColumns).toEqual([]);
    expect(comparison.columns).toHaveLength(11);
    for (const c of comparison.columns) {
      expect(c.verdict, c.columnName).toBe('stable');
      for (const t of c.tests) expect(t.statistic, `${c.columnName} ${t.test}`).toBe(0);
    }
    expect(comparison.schema).toMatchObject({ added: [], removed: [], renamed: [], typeChanged: [], unchanged: 11 });
    expect(comparison.insights.new).toEqual([]);
    expect(comparison.insights.resolved).toEqual([]);
    expect(comparison.insights.changed).toEqual([]);
    expect(comparison.insights.unchanged).toBe(base.insights.length);
    expect(comparison.score.delta).toBe(0);
    expect(comparison.score.sameGoal).toBe(true);
    for (const d of comparison.score.dimensions) if (d.pointsDelta !== null) expect(d.pointsDelta).toBe(0);
  });

  it('gives numbers PSI and KS, categories χ² and JS, every column missing share and distinct count', () => {
    const kinds = (name: string) => column(comparison, name).tests.map((t) => t.test);
    expect(kinds('age')).toEqual(['psi', 'kolmogorov_smirnov', 'missing_share', 'distinct_count']);
    expect(kinds('embarked')).toEqual(['chi_squared', 'jensen_shannon', 'missing_share', 'distinct_count']);
    // Unique names: every category is folded into "other", so no category test, said so.
    expect(kinds('name')).toEqual(['missing_share', 'distinct_count']);
    expect(column(comparison, 'name').note).toMatch(/too few repeated values/i);
    // Few distinct values: exact counts from the top values, so not an estimate.
    expect(testOf(column(comparison, 'pclass'), 'kolmogorov_smirnov').approximate).toBe(false);
    expect(testOf(column(comparison, 'age'), 'kolmogorov_smirnov').approximate).toBe(true);
  });
});

describe('compareProfiles: ages shifted for half the rows, ticket dropped, S renamed Southampton', () => {
  let comparison: AnalysisComparison;
  beforeAll(async () => {
    comparison = compareProfiles(base, await analyse(temp.write('shifted.csv', toCsv(shiftedTitanic()))));
  });

  it('reports exactly age and embarked as drifted and ticket as removed', () => {
    expect(comparison.driftedColumns).toEqual(['age', 'embarked']);
    expect(comparison.schema.removed).toEqual([{ columnName: 'ticket', dataType: 'string' }]);
    expect(comparison.schema).toMatchObject({ added: [], renamed: [], typeChanged: [] });
    for (const c of comparison.columns.filter((x) => !['age', 'embarked'].includes(x.columnName))) {
      expect(c.verdict, c.columnName).toBe('stable');
    }
  });

  it('flags age by PSI and KS, each over its threshold, from the profiles', () => {
    const age = column(comparison, 'age');
    for (const name of ['psi', 'kolmogorov_smirnov']) {
      const t = testOf(age, name);
      expect(t.verdict, name).toBe('drifted');
      expect(t.statistic).toBeGreaterThanOrEqual(t.threshold);
      expect(t.method).toBe('profiles');
    }
    expect(testOf(age, 'psi').threshold).toBe(0.2);
    // 714 ages on each side: the critical value at α = 0.01 (1.628·√(2/714) ≈ 0.086) is below 0.1, so 0.1 applies.
    expect(testOf(age, 'kolmogorov_smirnov').threshold).toBe(0.1);
    expect(testOf(age, 'missing_share').verdict).toBe('stable');
  });

  it('flags embarked by χ² and Jensen–Shannon', () => {
    const embarked = column(comparison, 'embarked');
    const chi = testOf(embarked, 'chi_squared');
    const js = testOf(embarked, 'jensen_shannon');
    expect(chi.verdict).toBe('drifted');
    expect(js.verdict).toBe('drifted');
    // S, Southampton, C, Q: 3 degrees of freedom; S's 644 rows moved wholesale.
    expect(chi.degreesOfFreedom).toBe(3);
    expect(chi.pValue).toBeLessThan(1e-10);
    expect(js.statistic).toBeCloseTo(Math.sqrt(644 / 889), 6);
    expect(testOf(embarked, 'distinct_count').verdict).toBe('stable');
  });

  it("resolves ticket's insights and leaves the other columns' alone; the dimension deltas add up to the score delta", () => {
    expect(comparison.insights.resolved.length).toBeGreaterThan(0);
    expect(comparison.insights.resolved.every((i) => i.columnName === 'ticket')).toBe(true);
    for (const i of [...comparison.insights.new, ...comparison.insights.changed]) expect(['age', 'embarked', null]).toContain(i.columnName);
    const { score } = comparison;
    expect(score.delta).toBeCloseTo(score.target! - score.base!, 12);
    // Stored scores are rounded to 2 decimals, points lost to 4.
    const sum = score.dimensions.reduce((s, d) => s + (d.pointsDelta ?? 0), 0);
    expect(Math.abs(sum - score.delta!)).toBeLessThan(0.006);
  });
});

describe('compareProfiles: renamed columns and a type change', () => {
  let comparison: AnalysisComparison;
  beforeAll(async () => {
    const words: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third' };
    let table = mapColumn(titanic(), 'pclass', (c) => words[c]!);
    table = { ...table, header: table.header.map((h) => (h === 'fare' ? 'fare_usd' : h === 'name' ? 'passenger_name' : h)) };
    const cabin = table.header.indexOf('cabin');
    table = { header: [...table.header, 'deck'], rows: table.rows.map((r) => [...r, r[cabin]!.slice(0, 1)]) };
    comparison = compareProfiles(base, await analyse(temp.write('renamed.csv', toCsv(table))));
  });

  it('reports a renamed column as renamed, not as added and removed', () => {
    expect(comparison.schema.renamed).toEqual([
      { from: 'name', to: 'passenger_name', dataType: 'string', distance: 0 },
      { from: 'fare', to: 'fare_usd', dataType: 'decimal', distance: 0 },
    ]);
    expect(comparison.schema.added).toEqual([{ columnName: 'deck', dataType: 'categorical' }]);
    expect(comparison.schema.removed).toEqual([]);
    const fare = column(comparison, 'fare_usd');
    expect(fare).toMatchObject({ baseColumnName: 'fare', renamed: true, verdict: 'stable', family: 'numeric' });
    // Insights follow the rename: none of the renamed columns' is new or resolved.
    const touched = [...comparison.insights.new, ...comparison.insights.resolved].map((i) => i.columnName);
    expect(touched.filter((n) => n !== 'deck')).toEqual([]);
  });

  it('reports a numeric column turned to text as a type change, without distribution tests', () => {
    expect(comparison.schema.typeChanged).toEqual([
      { columnName: 'pclass', baseType: 'integer', targetType: 'categorical', comparable: false },
    ]);
    const pclass = column(comparison, 'pclass');
    expect(pclass).toMatchObject({ typeChanged: true, family: 'none' });
    expect(pclass.note).toContain('integer to categorical');
    expect(pclass.tests.map((t) => t.test)).toEqual(['missing_share', 'distinct_count']);
    expect(comparison.driftedColumns).toEqual([]);
  });

  it('does not take a dropped column and an unrelated new one for a rename', async () => {
    const other = withoutColumn(
      mapColumn(titanic(), 'cabin', () => ''),
      'ticket',
    );
    const header = other.header.map((h) => (h === 'cabin' ? 'notes' : h));
    const c = compareProfiles(base, await analyse(temp.write('unrelated.csv', toCsv({ ...other, header }))));
    expect(c.schema.renamed).toEqual([]);
    expect(c.schema.removed.map((r) => r.columnName)).toEqual(['ticket', 'cabin']);
    expect(c.schema.added.map((a) => a.columnName)).toEqual(['notes']);
  });
});

describe('compareProfiles: inputs and outputs', () => {
  it('refuses an analysis of another shape with INVALID_ANALYSIS, naming the side', () => {
    const broken = { ...base, columns: [{ columnName: 'x' }] } as unknown as ComparableAnalysisInput;
    expect(() => compareProfiles(base, broken)).toThrow(ComparisonError);
    expect(() => compareProfiles(base, broken)).toThrow(/target analysis is not comparable: columns\.0/);
  });

  it('takes thresholds, and echoes those it used', () => {
    const c = compareProfiles(base, base, { thresholds: { psiDrifted: 0.25, jensenShannon: 0.2 } });
    expect(c.thresholds).toMatchObject({ psiDrifted: 0.25, psiModerate: 0.1, jensenShannon: 0.2, ksMinDistance: 0.1, alpha: 0.01 });
  });

  it('reads a comparison of two unrelated datasets without failing', async () => {
    const { datasetPath } = await import('../profiling/support.js');
    const c = compareProfiles(base, await analyse(datasetPath('tips.csv')));
    expect(c.columns.map((x) => x.columnName)).toEqual(['sex']);
    expect(c.driftedColumns).toEqual(['sex']);
    expect(c.schema.renamed).toEqual([]);
  });

  it('describes every field of its input and output, in shapes the GraphQL layer can derive types from', () => {
    const supported = new Set(['object', 'array', 'string', 'number', 'boolean', 'literal', 'enum', 'record']);
    const problems: string[] = [];
    const walk = (schema: z.ZodType, where: string, needsDescription: boolean) => {
      const def = (schema as unknown as { _zod: { def: { type: string } } })._zod.def;
      const meta = z.globalRegistry.get(schema) as { description?: string; title?: string } | undefined;
      if (needsDescription && !meta?.description) problems.push(`${where}: no description`);
      if (def.type === 'nullable' || def.type === 'optional' || def.type === 'default') {
        walk((schema as unknown as { unwrap(): z.ZodType }).unwrap(), where, false);
      } else if (def.type === 'array') walk((schema as unknown as { element: z.ZodType }).element, `${where}[]`, false);
      else if (def.type === 'object') {
        if (!meta?.title && !needsDescription) problems.push(`${where}: untitled object`);
        for (const [key, child] of Object.entries((schema as z.ZodObject).shape)) walk(child as z.ZodType, `${where}.${key}`, true);
      } else if (!supported.has(def.type)) problems.push(`${where}: ${def.type}`);
    };
    walk(analysisComparisonSchema, 'AnalysisComparison', false);
    walk(comparableAnalysisSchema, 'ComparableAnalysis', false);
    // The embedded profile and breakdown schemas are the profiler's and the insights' own (JSON records included).
    expect(problems.filter((p) => !p.includes('distributionData.') && !p.includes('facts'))).toEqual([]);
  });
});
