/**
 * One column present on both sides: which distribution tests fit its types, plus the two tests every column gets
 * (missing share, distinct count), and its verdict (the worst of its tests).
 */
import type { LogicalType } from '../profiling/index.js';
import { categoricalEvidenceFromProfiles, categoricalTests, categoryCountsOf } from './categorical-drift.js';
import { cdfOfColumn, numericEvidenceFromProfiles, numericTests } from './numeric-drift.js';
import { shareDifferenceCriticalValue } from './statistics.js';
import type { ColumnDrift, ColumnSide, ComparableColumn, DriftFamily, DriftTest, DriftThresholds, DriftVerdict } from './schemas.js';

/** A column matched on both sides (by name, or by content under a new name). */
export interface ColumnPair {
  base: ComparableColumn;
  target: ComparableColumn;
  renamed: boolean;
}

export interface Sides {
  baseRows: number;
  targetRows: number;
}

const FAMILY: Record<LogicalType, DriftFamily | 'identifier'> = {
  integer: 'numeric',
  decimal: 'numeric',
  date: 'temporal',
  datetime: 'temporal',
  time: 'temporal',
  categorical: 'categorical',
  boolean: 'categorical',
  string: 'categorical',
  identifier: 'identifier',
};

/** The distribution tests two columns can share, with the reason when none. */
export function familyOf(pair: ColumnPair): { family: DriftFamily; note: string | null } {
  const a = FAMILY[pair.base.dataType];
  const b = FAMILY[pair.target.dataType];
  if (a === 'identifier' || b === 'identifier') {
    return { family: 'none', note: 'An identifier column: its values name rows, they have no distribution to compare.' };
  }
  // Times of day are seconds since midnight, dates and datetimes seconds since 1970: not one scale.
  const timeOfDay = (c: ComparableColumn) => c.distributionData.valueType === 'time';
  // Booleans' top values are normalised (true/false), other text's are as written.
  const boolean = (c: ComparableColumn) => c.dataType === 'boolean';
  if (
    a !== b ||
    (a === 'temporal' && timeOfDay(pair.base) !== timeOfDay(pair.target)) ||
    (a === 'categorical' && boolean(pair.base) !== boolean(pair.target))
  ) {
    return {
      family: 'none',
      note: `The type changed from ${pair.base.dataType} to ${pair.target.dataType}: the distributions are not comparable.`,
    };
  }
  return { family: a, note: null };
}

const present = (column: ComparableColumn, rows: number) => Math.max(0, rows - column.nullCount);

export function sideSummary(column: ComparableColumn, rows: number): ColumnSide {
  const median = column.distributionData.numeric?.quantiles.find((q) => q.p === 0.5) ?? null;
  return {
    present: present(column, rows),
    missingShare: rows === 0 ? 0 : column.nullCount / rows,
    distinctCount: column.uniqueCount,
    median: median?.value ?? null,
    medianLabel: median?.label ?? null,
    topValue: column.distributionData.topValues.values[0]?.value ?? null,
  };
}

export function missingShareTest(base: ColumnSide, target: ColumnSide, rows: Sides, t: DriftThresholds): DriftTest {
  const change = Math.abs(target.missingShare - base.missingShare);
  const pooled = (base.missingShare * rows.baseRows + target.missingShare * rows.targetRows) / Math.max(1, rows.baseRows + rows.targetRows);
  const critical =
    rows.baseRows > 0 && rows.targetRows > 0 ? shareDifferenceCriticalValue(pooled, rows.baseRows, rows.targetRows, t.alpha) : 0;
  const threshold = Math.max(t.missingShareChange, critical);
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  return {
    test: 'missing_share',
    statistic: change,
    threshold,
    moderateThreshold: null,
    verdict: change >= threshold ? 'drifted' : 'stable',
    method: 'profiles',
    approximate: false,
    pValue: null,
    degreesOfFreedom: null,
    bins: null,
    summary: `missing ${pct(base.missingShare)} → ${pct(target.missingShare)}; drifted from a change of max(${pct(t.missingShareChange)}, two-proportion critical value at α = ${t.alpha}: ${pct(critical)})`,
  };
}

/**
 * Relative change of the distinct count; for columns of mostly unique values (≥ 50 % distinct on both sides),
 * whose count grows with the rows, the relative change of the distinct share instead.
 */
export function distinctCountTest(
  base: ColumnSide,
  target: ColumnSide,
  t: DriftThresholds,
  approximate: boolean,
  unique: { base: number; target: number },
): DriftTest {
  const rb = base.present === 0 ? 0 : unique.base / base.present;
  const rt = target.present === 0 ? 0 : unique.target / target.present;
  const byShare = rb >= 0.5 && rt >= 0.5;
  const change = byShare ? Math.abs(rt - rb) / rb : Math.abs(unique.target - unique.base) / Math.max(unique.base, 1);
  const enough = byShare || Math.abs(unique.target - unique.base) >= t.distinctCountMinChange;
  return {
    test: 'distinct_count',
    statistic: change,
    threshold: t.distinctCountChange,
    moderateThreshold: null,
    verdict: change >= t.distinctCountChange && enough ? 'drifted' : 'stable',
    method: 'profiles',
    approximate,
    pValue: null,
    degreesOfFreedom: null,
    bins: null,
    summary: byShare
      ? `distinct share ${rb.toFixed(3)} → ${rt.toFixed(3)} (mostly unique values: the share, not the count, is compared); drifted from a relative change of ${t.distinctCountChange}`
      : `distinct values ${unique.base} → ${unique.target}; drifted from a relative change of ${t.distinctCountChange} and ${t.distinctCountMinChange} values`,
  };
}

const VERDICT_RANK: Record<DriftVerdict, number> = { stable: 0, moderate: 1, drifted: 2 };

export function worstVerdict(tests: readonly DriftTest[]): DriftVerdict {
  return tests.reduce<DriftVerdict>((worst, test) => (VERDICT_RANK[test.verdict] > VERDICT_RANK[worst] ? test.verdict : worst), 'stable');
}

/** Replaces a column's distribution tests (files mode) and recomputes its verdict. */
export function withDistributionTests(
  drift: ColumnDrift,
  family: DriftFamily,
  distribution: readonly DriftTest[],
  note: string | null,
): ColumnDrift {
  const others = drift.tests.filter((test) => test.test === 'missing_share' || test.test === 'distinct_count');
  const tests = [...distribution, ...others];
  return { ...drift, family: distribution.length > 0 ? family : 'none', tests, note, verdict: worstVerdict(tests) };
}

/** The distribution tests the profiles allow, or why there are none. */
function distributionTests(
  pair: ColumnPair,
  family: DriftFamily,
  sides: Sides,
  t: DriftThresholds,
): { tests: DriftTest[]; note: string | null } {
  if (family === 'numeric' || family === 'temporal') {
    const base = cdfOfColumn(pair.base, sides.baseRows);
    const target = cdfOfColumn(pair.target, sides.targetRows);
    if (!base || !target)
      return { tests: [], note: `No ${family === 'numeric' ? 'numbers' : 'dates'} on the ${base ? 'target' : 'base'} side to compare.` };
    return { tests: numericTests(numericEvidenceFromProfiles(base, target, t), t), note: null };
  }
  if (family === 'categorical') {
    const evidence = categoricalEvidenceFromProfiles(
      categoryCountsOf(pair.base, sides.baseRows),
      categoryCountsOf(pair.target, sides.targetRows),
    );
    const tests = categoricalTests(evidence, t);
    return tests
      ? { tests, note: null }
      : { tests: [], note: 'Too few repeated values on both sides for a category test (every category expected fewer than 5 times).' };
  }
  return { tests: [], note: null };
}

export function compareColumn(pair: ColumnPair, sides: Sides, t: DriftThresholds): ColumnDrift {
  const { family, note: familyNote } = familyOf(pair);
  const { tests, note } = distributionTests(pair, family, sides, t);
  const base = sideSummary(pair.base, sides.baseRows);
  const target = sideSummary(pair.target, sides.targetRows);
  const distinctApproximate =
    pair.base.distributionData.approximateFields.includes('uniqueness') ||
    pair.target.distributionData.approximateFields.includes('uniqueness');
  const all = [
    ...tests,
    missingShareTest(base, target, sides, t),
    distinctCountTest(base, target, t, distinctApproximate, { base: pair.base.uniqueCount, target: pair.target.uniqueCount }),
  ];
  return {
    columnName: pair.target.columnName,
    baseColumnName: pair.base.columnName,
    renamed: pair.renamed,
    baseType: pair.base.dataType,
    targetType: pair.target.dataType,
    typeChanged: pair.base.dataType !== pair.target.dataType,
    family: tests.length > 0 ? family : 'none',
    verdict: worstVerdict(all),
    tests: all,
    note: familyNote ?? note,
    base,
    target,
  };
}
