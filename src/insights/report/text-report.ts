/** The analysis as text for a terminal: the score and its breakdown, then the insights, most severe first. */
import type { AnalysisResult } from '../analyze-profile.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function renderAnalysisText(result: AnalysisResult, options: { withCode?: boolean } = {}): string {
  const { breakdown } = result;
  const lines: string[] = [];
  lines.push(
    `Quality score: ${result.score === null ? 'N/A (nothing to assess)' : result.score.toFixed(1)} / 100  (goal ${breakdown.goal})`,
  );
  for (const d of breakdown.dimensions) {
    lines.push(
      d.assessed
        ? `  ${d.dimension.padEnd(13)} ${pct(d.ratio!).padStart(6)}  weight ${d.normalisedWeight!.toFixed(2)}  −${d.pointsLost!.toFixed(2)} pts  (${d.defects} of ${d.assessable} ${d.assessableLabel})`
        : `  ${d.dimension.padEnd(13)}    N/A  (no ${d.assessableLabel} to assess)`,
    );
  }
  lines.push('', `${result.insights.length} insight${result.insights.length === 1 ? '' : 's'}, most severe first:`);
  result.insights.forEach((insight, i) => {
    lines.push(
      '',
      `${i + 1}. [${insight.severity}] ${insight.type}${insight.columnName === null ? '' : ` · ${insight.columnName}`}${insight.cost > 0 ? `  (−${insight.cost.toFixed(2)} pts)` : ''}`,
      `   ${insight.description}`,
      `   → ${insight.recommendation}`,
    );
    if (options.withCode) lines.push(...insight.codeSuggestion.split('\n').map((l) => `     ${l}`));
  });
  return lines.join('\n');
}
