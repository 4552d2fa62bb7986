/**
 * Which columns are the same on both sides: same name first, then removed and added columns whose profiles match
 * (one column renamed); the rest are added or removed, and matched columns of another type are type changes.
 */
import { categoryCountsOf, topValueSimilarity } from './categorical-drift.js';
import { familyOf, type ColumnPair } from './column-drift.js';
import { cdfOfColumn, ksDistance } from './numeric-drift.js';
import type { ComparableAnalysis, ComparableColumn, DriftThresholds, SchemaDiff } from './schemas.js';

const POSITIONAL = new Set(['integer', 'decimal', 'date', 'datetime', 'time']);

export function renameRule(t: DriftThresholds): string {
  const pct = (x: number) => `${+(100 * x).toFixed(2)} %`;
  return (
    `A removed and an added column are one renamed column when they have the same type, missing shares within ${pct(t.renameMaxMissingShareChange)} of the rows, ` +
    `distinct counts within ${pct(t.renameMaxDistinctChange)}, and the same values: for numbers and dates a Kolmogorov–Smirnov distance ≤ ${t.renameMaxDistance} ` +
    `between their stored CDFs, for text at least ${pct(t.renameMinTopValueOverlap)} of their top values in common and a Jensen–Shannon distance ≤ ${t.renameMaxDistance} over them. ` +
    'Each column is paired at most once, the closest pairs first.'
  );
}

/** The distance between a removed and an added column when their profiles match; null when they do not. */
export function renameDistance(
  removed: ComparableColumn,
  added: ComparableColumn,
  rows: { base: number; target: number },
  t: DriftThresholds,
): number | null {
  if (removed.dataType !== added.dataType) return null;
  const share = (c: ComparableColumn, n: number) => (n === 0 ? 0 : c.nullCount / n);
  if (Math.abs(share(removed, rows.base) - share(added, rows.target)) > t.renameMaxMissingShareChange) return null;
  if (Math.abs(added.uniqueCount - removed.uniqueCount) / Math.max(removed.uniqueCount, 1) > t.renameMaxDistinctChange) return null;
  const presentBase = rows.base - removed.nullCount;
  const presentTarget = rows.target - added.nullCount;
  if (presentBase <= 0 && presentTarget <= 0) return 0;
  if (POSITIONAL.has(removed.distributionData.valueType)) {
    const a = cdfOfColumn(removed, rows.base);
    const b = cdfOfColumn(added, rows.target);
    if (!a || !b) return null;
    const distance = ksDistance(a, b);
    return distance <= t.renameMaxDistance ? distance : null;
  }
  const { distance, overlap } = topValueSimilarity(categoryCountsOf(removed, rows.base), categoryCountsOf(added, rows.target));
  return overlap >= t.renameMinTopValueOverlap && distance <= t.renameMaxDistance ? distance : null;
}

export function diffSchema(
  base: ComparableAnalysis,
  target: ComparableAnalysis,
  t: DriftThresholds,
): { pairs: ColumnPair[]; diff: SchemaDiff } {
  const baseByName = new Map(base.columns.map((c) => [c.columnName, c]));
  const targetNames = new Set(target.columns.map((c) => c.columnName));
  const pairedTarget = new Map<ComparableColumn, ColumnPair>();
  for (const column of target.columns) {
    const match = baseByName.get(column.columnName);
    if (match) pairedTarget.set(column, { base: match, target: column, renamed: false });
  }
  const removed = base.columns.filter((c) => !targetNames.has(c.columnName));
  const added = target.columns.filter((c) => !pairedTarget.has(c));

  const candidates: { r: number; a: number; distance: number }[] = [];
  removed.forEach((r, ri) => {
    added.forEach((a, ai) => {
      const distance = renameDistance(r, a, { base: base.rowCount, target: target.rowCount }, t);
      if (distance !== null) candidates.push({ r: ri, a: ai, distance });
    });
  });
  candidates.sort((x, y) => x.distance - y.distance || x.r - y.r || x.a - y.a);
  const usedRemoved = new Set<number>();
  const usedAdded = new Set<number>();
  const renames: { from: ComparableColumn; to: ComparableColumn; distance: number }[] = [];
  for (const c of candidates) {
    if (usedRemoved.has(c.r) || usedAdded.has(c.a)) continue;
    usedRemoved.add(c.r);
    usedAdded.add(c.a);
    renames.push({ from: removed[c.r]!, to: added[c.a]!, distance: c.distance });
    pairedTarget.set(added[c.a]!, { base: removed[c.r]!, target: added[c.a]!, renamed: true });
  }

  const pairs = target.columns.flatMap((c) => {
    const pair = pairedTarget.get(c);
    return pair ? [pair] : [];
  });
  const schemaColumn = (c: ComparableColumn) => ({ columnName: c.columnName, dataType: c.dataType });
  const targetOrder = new Map(target.columns.map((c, i) => [c, i]));
  return {
    pairs,
    diff: {
      added: added.filter((_, i) => !usedAdded.has(i)).map(schemaColumn),
      removed: removed.filter((_, i) => !usedRemoved.has(i)).map(schemaColumn),
      renamed: renames
        .sort((x, y) => targetOrder.get(x.to)! - targetOrder.get(y.to)!)
        .map((r) => ({ from: r.from.columnName, to: r.to.columnName, dataType: r.to.dataType, distance: r.distance })),
      typeChanged: pairs
        .filter((p) => p.base.dataType !== p.target.dataType)
        .map((p) => ({
          columnName: p.target.columnName,
          baseType: p.base.dataType,
          targetType: p.target.dataType,
          comparable: familyOf(p).family !== 'none',
        })),
      unchanged: pairs.filter((p) => !p.renamed && p.base.dataType === p.target.dataType).length,
      renameRule: renameRule(t),
    },
  };
}
