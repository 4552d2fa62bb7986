/**
 * Recall of the insights on the injected-defect corpus (tests/insights/support/injected-corpus.ts), per
 * insight type, plus the HIGH/CRITICAL insights on the untouched real files for review.
 *   npx tsx bench/insights/recall.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeProfile, INSIGHT_TYPES, type AnalysisGoal } from '../../src/insights/index.js';
import { profileFile } from '../../src/profiling/index.js';
import { writeCorpus } from '../../tests/insights/support/injected-corpus.js';
import { datasetPath } from '../../tests/profiling/support.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'insights-recall-'));
try {
  const found = new Map<string, { injected: number; reported: number }>(INSIGHT_TYPES.map((t) => [t, { injected: 0, reported: 0 }]));
  const missed: string[] = [];
  for (const file of writeCorpus(dir)) {
    const result = analyzeProfile(await profileFile(file.path), { goal: file.goal, targetColumn: file.target });
    for (const defect of file.defects) {
      const tally = found.get(defect.type)!;
      tally.injected++;
      const hit = result.insights.some(
        (i) => i.type === defect.type && i.columnName === defect.column && i.evidence.check === defect.check,
      );
      if (hit) tally.reported++;
      else missed.push(`${file.name}: ${defect.type} ${defect.column ?? '(dataset)'} ${defect.check}`);
    }
  }
  console.log('| insight type | injected | reported (right column, type and check) | recall |');
  console.log('| --- | ---: | ---: | ---: |');
  let injected = 0;
  let reported = 0;
  for (const [type, t] of found) {
    injected += t.injected;
    reported += t.reported;
    console.log(`| ${type} | ${t.injected} | ${t.reported} | ${t.injected ? ((100 * t.reported) / t.injected).toFixed(0) : '–'}% |`);
  }
  console.log(`| all | ${injected} | ${reported} | ${((100 * reported) / injected).toFixed(0)}% |`);
  if (missed.length) console.log(`\nmissed:\n${missed.join('\n')}`);

  const real: [string, AnalysisGoal, string | null][] = [
    ['titanic.csv', 'GENERAL_AUDIT', null],
    ['titanic.csv', 'ML_PREPARATION', 'survived'],
    ['iris.csv', 'GENERAL_AUDIT', null],
    ['iris.csv', 'ML_PREPARATION', 'species'],
    ['penguins.csv', 'GENERAL_AUDIT', null],
    ['penguins.csv', 'ML_PREPARATION', 'species'],
    ['tips.csv', 'GENERAL_AUDIT', null],
    ['tips.csv', 'ML_PREPARATION', 'tip'],
    ['taxis.csv', 'GENERAL_AUDIT', null],
    ['taxis.csv', 'DATA_QUALITY', null],
    ['taxis.csv', 'ML_PREPARATION', 'payment'],
  ];
  console.log('\nHIGH/CRITICAL insights on the untouched files:');
  for (const [name, goal, target] of real) {
    const result = analyzeProfile(await profileFile(datasetPath(name)), { goal, targetColumn: target });
    const loud = result.insights.filter((i) => i.severity === 'HIGH' || i.severity === 'CRITICAL');
    console.log(
      `- ${name} ${goal}${target ? ` target ${target}` : ''}: score ${result.score}; ${result.insights.length} insights; ${loud.length} HIGH/CRITICAL`,
    );
    for (const i of loud) console.log(`  - [${i.severity}] ${i.type} ${i.columnName ?? '(dataset)'}: ${i.description.slice(0, 140)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
