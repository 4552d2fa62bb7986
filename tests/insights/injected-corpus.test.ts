/**
 * The injected-defect corpus: every defect written into real files must be reported with the right type, on
 * the right column, by the right check; every suggestion produced must run (SQL in DuckDB, pandas parses).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeProfile, evidenceSchema, scoreBreakdownSchema, type AnalysisResult } from '../../src/insights/index.js';
import { profileFile, type DatasetProfile } from '../../src/profiling/index.js';
import { datasetPath } from '../profiling/support.js';
import { buildCorpus, writeCorpus, type CorpusFile } from './support/injected-corpus.js';
import { EXACT_SQL_CHECKS, SqlRunner, isRowFilter, pythonSyntaxErrors } from './support/run-code.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'insights-corpus-'));
const analysed = new Map<string, { file: CorpusFile; profile: DatasetProfile; result: AnalysisResult }>();

beforeAll(async () => {
  for (const file of writeCorpus(dir)) {
    const profile = await profileFile(file.path, { threads: 1 });
    analysed.set(file.name, { file, profile, result: analyzeProfile(profile, { goal: file.goal, targetColumn: file.target }) });
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cases = buildCorpus().flatMap((file) => file.defects.map((defect) => ({ file: file.name, ...defect })));

describe('every injected defect is reported on the right column with the right type', () => {
  it.each(cases)('$file: $type on $column ($check: $what)', ({ file, type, column, check, rows }) => {
    const { result } = analysed.get(file)!;
    const match = result.insights.find((i) => i.type === type && i.columnName === column && i.evidence.check === check);
    expect(match, result.insights.map((i) => `${i.type} ${i.columnName} ${i.evidence.check}`).join('\n')).toBeDefined();
    // The rows shown as evidence are the rows that were made defective.
    const shownRows = match!.evidence.examples.map((e) => e.row).filter((r): r is number => r !== null);
    if (rows.length > 0 && shownRows.length > 0) {
      expect(shownRows.filter((r) => rows.includes(r)).length).toBeGreaterThan(0);
      if (['unparseable_values', 'semantic_mismatch', 'negative_values', 'future_dates', 'mostly_missing_rows'].includes(check)) {
        expect(shownRows.every((r) => rows.includes(r))).toBe(true);
      }
    }
    if (rows.length > 0 && match!.evidence.unit !== 'classes') expect(match!.evidence.count).toBeGreaterThanOrEqual(rows.length);
    // A defect is never merely informational; column-quality facts may be, depending on the goal.
    if (type !== 'QUALITY_ISSUE') expect(match!.severity).not.toBe('INFO');
  });
});

describe('insights carry their evidence and cost', () => {
  it('every insight has schema-valid evidence, a description with its numbers, and code', () => {
    for (const { result } of analysed.values()) {
      expect(scoreBreakdownSchema.parse(result.breakdown)).toEqual(result.breakdown);
      for (const insight of result.insights) {
        evidenceSchema.parse(insight.evidence);
        expect(insight.description).toMatch(/\d/);
        expect(insight.recommendation.length).toBeGreaterThan(20);
        expect(insight.codeSuggestion).toContain('# pandas');
        expect(insight.codeSuggestion).toContain('-- SQL');
      }
      const costs = result.insights.reduce((sum, i) => sum + i.cost, 0);
      expect(Math.abs(100 - result.score! - costs)).toBeLessThan(0.01);
    }
  });
});

describe('suggested code runs', () => {
  const realFiles = ['iris.csv', 'penguins.csv', 'taxis.csv', 'tips.csv', 'titanic.csv'];

  it('every SQL suggestion for the corpus and the real files executes in DuckDB and selects the counted rows', async () => {
    const sql = await SqlRunner.open();
    try {
      const subjects = [...analysed.values()].map(({ profile, result }) => ({ profile, insights: result.insights }));
      for (const name of realFiles) {
        const profile = await profileFile(datasetPath(name), { threads: 1 });
        const insights = (['GENERAL_AUDIT', 'EXPLORATORY'] as const).flatMap((goal) => analyzeProfile(profile, { goal }).insights);
        subjects.push({ profile, insights });
      }
      let executed = 0;
      for (const { profile, insights } of subjects) {
        await sql.useDataset(profile);
        for (const insight of insights) {
          const label = `${profile.source.path} ${insight.type} ${insight.columnName} ${insight.evidence.check}`;
          const fixRows = await sql.count(insight.code.sql.fix);
          executed++;
          if (!insight.code.sql.affectedRows) continue;
          const affected = await sql.count(insight.code.sql.affectedRows);
          executed++;
          if (EXACT_SQL_CHECKS.has(insight.evidence.check) && !insight.evidence.approximate) {
            expect(affected, label).toBe(insight.evidence.count);
          } else {
            expect(affected, label).toBeGreaterThanOrEqual(insight.evidence.count > 0 ? 1 : 0);
          }
          // A filter removes exactly the affected rows.
          if (isRowFilter(insight)) expect(fixRows, label).toBe(profile.rowCount - affected);
          else expect(fixRows, label).toBeGreaterThan(0);
        }
      }
      expect(executed).toBeGreaterThan(100);
    } finally {
      sql.close();
    }
  });

  it('every pandas suggestion for the corpus parses as Python', () => {
    const snippets = [...analysed.values()].flatMap(({ result }) => result.insights.map((i) => i.code.pandas));
    expect(snippets.length).toBeGreaterThan(20);
    expect(pythonSyntaxErrors(snippets)).toEqual([]);
  });
});
