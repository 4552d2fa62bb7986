/**
 * Insights new, resolved and changed: an insight is the same on both sides when its type, column and check are
 * (a renamed column's base insights are read under its target name); several of one key pair up in order. A
 * pair whose count or severity differs is changed.
 */
import type { ComparableInsight, ComparedInsight, InsightChange, InsightDiff } from './schemas.js';

const keyOf = (type: string, column: string | null, check: string) => `${type}\u0000${column ?? '\u0001'}\u0000${check}`;

function compared(insight: ComparableInsight, columnName: string | null): ComparedInsight {
  return {
    type: insight.type,
    severity: insight.severity,
    columnName,
    check: insight.evidence.check,
    count: insight.evidence.count,
    description: insight.description ?? null,
  };
}

/** `renames` maps a base column name to its target name. */
export function diffInsights(
  base: readonly ComparableInsight[],
  target: readonly ComparableInsight[],
  renames: ReadonlyMap<string, string>,
): InsightDiff {
  const baseColumn = (i: ComparableInsight) => (i.columnName === null ? null : (renames.get(i.columnName) ?? i.columnName));
  const waiting = new Map<string, ComparableInsight[]>();
  for (const insight of base) {
    const key = keyOf(insight.type, baseColumn(insight), insight.evidence.check);
    waiting.set(key, [...(waiting.get(key) ?? []), insight]);
  }
  const added: ComparedInsight[] = [];
  const changed: InsightChange[] = [];
  let unchanged = 0;
  for (const insight of target) {
    const key = keyOf(insight.type, insight.columnName, insight.evidence.check);
    const match = waiting.get(key)?.shift();
    if (!match) {
      added.push(compared(insight, insight.columnName));
      continue;
    }
    if (match.severity === insight.severity && match.evidence.count === insight.evidence.count) {
      unchanged++;
      continue;
    }
    changed.push({
      type: insight.type,
      columnName: insight.columnName,
      check: insight.evidence.check,
      baseSeverity: match.severity,
      targetSeverity: insight.severity,
      baseCount: match.evidence.count,
      targetCount: insight.evidence.count,
    });
  }
  // Resolved in the base's order (most severe first).
  const leftover = new Set([...waiting.values()].flat());
  const resolved = base.filter((i) => leftover.has(i)).map((i) => compared(i, baseColumn(i)));
  return { new: added, resolved, changed, unchanged };
}
