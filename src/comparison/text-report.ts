/** The comparison as text for a terminal: schema diff, drifted columns with their tests, score delta, insight changes. */
import type { AnalysisComparison, DriftTest } from './schemas.js';

const TEST_NAMES: Record<DriftTest['test'], string> = {
  psi: 'PSI',
  kolmogorov_smirnov: 'KS',
  chi_squared: 'χ²',
  jensen_shannon: 'JS',
  missing_share: 'missing share Δ',
  distinct_count: 'distinct count Δ',
};

const figure = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3));
const signed = (x: number, digits = 1) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(digits)}`;

function testLine(test: DriftTest): string {
  const level = test.verdict === 'moderate' ? test.moderateThreshold! : test.threshold;
  const comparison = test.verdict === 'stable' ? '<' : '≥';
  return `${TEST_NAMES[test.test]} ${figure(test.statistic)} ${comparison} ${figure(level)}${test.verdict === 'moderate' ? ' (moderate)' : ''} [${test.method}${test.approximate ? ', estimated' : ''}]`;
}

export function renderComparisonText(c: AnalysisComparison): string {
  const lines: string[] = [];
  lines.push(
    `Base ${c.base.rowCount} rows × ${c.base.columnCount} columns → target ${c.target.rowCount} rows × ${c.target.columnCount} columns  (method ${c.method})`,
    '',
    'Schema:',
  );
  const s = c.schema;
  const list = (items: string[]) => (items.length === 0 ? 'none' : items.join(', '));
  lines.push(`  added:        ${list(s.added.map((a) => `${a.columnName} (${a.dataType})`))}`);
  lines.push(`  removed:      ${list(s.removed.map((r) => `${r.columnName} (${r.dataType})`))}`);
  lines.push(`  renamed:      ${list(s.renamed.map((r) => `${r.from} → ${r.to} (${r.dataType})`))}`);
  lines.push(`  type changed: ${list(s.typeChanged.map((t) => `${t.columnName} ${t.baseType} → ${t.targetType}`))}`);

  const drifted = c.columns.filter((col) => col.verdict === 'drifted');
  const moderate = c.columns.filter((col) => col.verdict === 'moderate');
  lines.push(
    '',
    `Drift: ${drifted.length} of ${c.columns.length} compared columns drifted${moderate.length > 0 ? `, ${moderate.length} moderate` : ''}`,
  );
  for (const col of [...drifted, ...moderate]) {
    const name = col.renamed ? `${col.baseColumnName} → ${col.columnName}` : col.columnName;
    lines.push(`  ${name} (${col.family === 'none' ? col.targetType : col.family}): ${col.verdict}`);
    for (const test of col.tests.filter((x) => x.verdict !== 'stable')) lines.push(`    ${testLine(test)}`);
  }
  const stable = c.columns.filter((col) => col.verdict === 'stable').map((col) => col.columnName);
  if (stable.length > 0) lines.push(`  stable: ${stable.join(', ')}`);

  const score = c.score;
  lines.push('');
  if (score.base === null || score.target === null) lines.push('Quality score: N/A on one side');
  else {
    const goal = score.sameGoal ? `goal ${score.targetGoal}` : `goals ${score.baseGoal} → ${score.targetGoal}`;
    lines.push(`Quality score: ${score.base.toFixed(1)} → ${score.target.toFixed(1)}  (${signed(score.delta!)}, ${goal})`);
    for (const d of score.dimensions) {
      if (d.pointsDelta === null) continue;
      lines.push(
        `  ${d.dimension.padEnd(13)} ${(100 * d.baseRatio!).toFixed(1).padStart(5)}% → ${(100 * d.targetRatio!).toFixed(1).padStart(5)}%  ${signed(d.pointsDelta, 2)} pts`,
      );
    }
  }

  const i = c.insights;
  lines.push('', `Insights: ${i.new.length} new, ${i.resolved.length} resolved, ${i.changed.length} changed, ${i.unchanged} unchanged`);
  const about = (x: { type: string; columnName: string | null; check: string }) =>
    `${x.type}${x.columnName === null ? '' : ` · ${x.columnName}`} · ${x.check}`;
  for (const x of i.new) lines.push(`  + [${x.severity}] ${about(x)} (${x.count})`);
  for (const x of i.resolved) lines.push(`  − [${x.severity}] ${about(x)} (${x.count})`);
  for (const x of i.changed) {
    const severity = x.baseSeverity === x.targetSeverity ? x.targetSeverity : `${x.baseSeverity} → ${x.targetSeverity}`;
    lines.push(`  ~ [${severity}] ${about(x)} (${x.baseCount} → ${x.targetCount})`);
  }
  if (c.warnings.length > 0) lines.push('', ...c.warnings.map((w) => `note: ${w}`));
  return lines.join('\n');
}
