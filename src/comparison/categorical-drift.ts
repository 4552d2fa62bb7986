/**
 * Drift of categories (text and boolean columns): Pearson χ² and the Jensen–Shannon distance over the top values
 * plus an "other" bucket.
 *
 * From the profiles, a value's count is known on a side when it is among that side's top values, or when the top
 * values hold every value of the side (then an absent value counts 0). The categories are the values known on
 * both sides; everything else is "other" (non-missing values − the listed counts). From the files, the categories
 * are every top value of either side, counted exactly. Either way a category expected fewer than 5 times on a
 * side (the usual validity condition of χ²) is folded into "other", which is why a column of unique values
 * (names, ids) ends with a single bucket and no test.
 */
import type { ComparableColumn, DriftMethod, DriftTest, DriftThresholds } from './schemas.js';
import { chiSquared, chiSquaredCriticalValue, chiSquaredPValue, jensenShannonCriticalValue, jensenShannonDistance } from './statistics.js';

export interface CategoryCounts {
  counts: Map<string, number>;
  /** Non-missing values. */
  present: number;
  /** Every value is listed (with an exact count). */
  complete: boolean;
  /** The counts are counts, not estimates from a sample. */
  exact: boolean;
}

export function categoryCountsOf(column: ComparableColumn, rowCount: number): CategoryCounts {
  const top = column.distributionData.topValues;
  const present = Math.max(0, rowCount - column.nullCount);
  const exact = !top.approximate || top.countsExact === true;
  const counts = new Map<string, number>();
  for (const v of top.values) counts.set(v.value, exact ? v.count : Math.round(v.share * present));
  const listed = [...counts.values()].reduce((a, b) => a + b, 0);
  return { counts, present, complete: exact && listed === present, exact };
}

export interface CategoricalEvidence {
  method: DriftMethod;
  approximate: boolean;
  /** Category labels; the last is null for "other" when there is one. */
  labels: (string | null)[];
  base: number[];
  target: number[];
  /** Categories folded into "other" for being rare. */
  folded: number;
}

/** The 2 × k table for the given categories, "other" last (dropped when empty on both sides). */
export function categoryTable(
  categories: readonly string[],
  base: { count(value: string): number; present: number },
  target: { count(value: string): number; present: number },
): { labels: (string | null)[]; base: number[]; target: number[] } {
  const labels: (string | null)[] = [...categories];
  const b = categories.map((v) => base.count(v));
  const t = categories.map((v) => target.count(v));
  const otherBase = Math.max(0, base.present - b.reduce((x, y) => x + y, 0));
  const otherTarget = Math.max(0, target.present - t.reduce((x, y) => x + y, 0));
  if (otherBase + otherTarget > 0) {
    labels.push(null);
    b.push(otherBase);
    t.push(otherTarget);
  }
  return { labels, base: b, target: t };
}

/** Values whose count is known on both sides (listed there, or the side lists every value). */
export function sharedCategories(base: CategoryCounts, target: CategoryCounts): string[] {
  const known = (side: CategoryCounts, v: string) => side.counts.has(v) || side.complete;
  const values = [...new Set([...base.counts.keys(), ...target.counts.keys()])];
  return values.filter((v) => known(base, v) && known(target, v));
}

export function categoricalEvidenceFromProfiles(base: CategoryCounts, target: CategoryCounts): CategoricalEvidence {
  const table = categoryTable(
    sharedCategories(base, target),
    { count: (v) => base.counts.get(v) ?? 0, present: base.present },
    { count: (v) => target.counts.get(v) ?? 0, present: target.present },
  );
  return { method: 'profiles', approximate: !(base.exact && target.exact), ...table, folded: 0 };
}

/** Folds categories expected fewer than `minExpected` times on either side into "other". */
export function foldRareCategories(e: CategoricalEvidence, minExpected: number): CategoricalEvidence {
  const nb = e.base.reduce((a, b) => a + b, 0);
  const nt = e.target.reduce((a, b) => a + b, 0);
  const n = nb + nt;
  if (n === 0) return e;
  const labels: (string | null)[] = [];
  const base: number[] = [];
  const target: number[] = [];
  let otherBase = 0;
  let otherTarget = 0;
  let folded = 0;
  e.labels.forEach((label, i) => {
    const total = e.base[i]! + e.target[i]!;
    const expected = Math.min((nb * total) / n, (nt * total) / n);
    if (label === null || expected < minExpected) {
      otherBase += e.base[i]!;
      otherTarget += e.target[i]!;
      if (label !== null) folded++;
    } else {
      labels.push(label);
      base.push(e.base[i]!);
      target.push(e.target[i]!);
    }
  });
  if (otherBase + otherTarget > 0) {
    labels.push(null);
    base.push(otherBase);
    target.push(otherTarget);
  }
  return { ...e, labels, base, target, folded: e.folded + folded };
}

/** χ² and JS tests; null when fewer than two buckets are left (nothing to compare). */
export function categoricalTests(raw: CategoricalEvidence, t: DriftThresholds): DriftTest[] | null {
  const e = foldRareCategories(raw, t.chiSquaredMinExpected);
  if (e.labels.length < 2) return null;
  const { statistic, degreesOfFreedom } = chiSquared(e.base, e.target);
  const nb = e.base.reduce((a, b) => a + b, 0);
  const nt = e.target.reduce((a, b) => a + b, 0);
  const critical = chiSquaredCriticalValue(degreesOfFreedom, t.alpha);
  const effectFloor = t.chiSquaredMinCramersV ** 2 * (nb + nt);
  const chiThreshold = Math.max(critical, effectFloor);
  const js = jensenShannonDistance(e.base, e.target);
  const jsCritical = jensenShannonCriticalValue(e.labels.length, nb, nt, t.alpha);
  const jsThreshold = Math.max(t.jensenShannon, jsCritical);
  const categories = e.labels.filter((l) => l !== null).length;
  const other = e.labels.includes(null) ? ' + other' : '';
  const source = e.method === 'files' ? 'exact counts from the files' : e.approximate ? 'sampled top values (estimated)' : 'the top values';
  const folded = e.folded > 0 ? `, ${e.folded} rare folded into other` : '';
  return [
    {
      test: 'chi_squared',
      statistic,
      threshold: chiThreshold,
      moderateThreshold: null,
      verdict: degreesOfFreedom > 0 && statistic >= chiThreshold ? 'drifted' : 'stable',
      method: e.method,
      approximate: e.approximate,
      pValue: chiSquaredPValue(statistic, degreesOfFreedom),
      degreesOfFreedom,
      bins: e.labels.length,
      summary: `χ² over ${categories} categories${other}${folded}, from ${source}, n = ${nb}, m = ${nt}; drifted from max(critical value at α = ${t.alpha}: ${critical.toFixed(2)}, Cramér's V ${t.chiSquaredMinCramersV} → ${effectFloor.toFixed(2)})`,
    },
    {
      test: 'jensen_shannon',
      statistic: js,
      threshold: jsThreshold,
      moderateThreshold: null,
      verdict: js >= jsThreshold ? 'drifted' : 'stable',
      method: e.method,
      approximate: e.approximate,
      pValue: null,
      degreesOfFreedom: null,
      bins: e.labels.length,
      summary: `Jensen–Shannon distance (base 2) over the same ${e.labels.length} buckets, from ${source}; drifted from max(${t.jensenShannon}, critical value at α = ${t.alpha}: ${jsCritical.toFixed(3)})`,
    },
  ];
}

/** Distance between two columns' top values for rename matching: JS over the shared categories (unfolded) and the overlap. */
export function topValueSimilarity(a: CategoryCounts, b: CategoryCounts): { distance: number; overlap: number } {
  const listedA = new Set(a.counts.keys());
  const listedB = new Set(b.counts.keys());
  const union = new Set([...listedA, ...listedB]);
  const both = [...listedA].filter((v) => listedB.has(v)).length;
  const overlap = union.size === 0 ? 1 : both / union.size;
  const e = categoricalEvidenceFromProfiles(a, b);
  const distance = e.labels.length === 0 ? 0 : jensenShannonDistance(e.base, e.target);
  return { distance, overlap };
}
