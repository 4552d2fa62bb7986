/**
 * Drift of numbers and dates: PSI and the Kolmogorov–Smirnov distance.
 *
 * From the profiles, each side's CDF is rebuilt from what the profiler stored (cdfOfColumn):
 *   1. every value with its exact count, when the top values hold them all (≤ 10 distinct numbers): exact;
 *   2. the histogram's bins when there is one bin per value (small integer ranges): exact again;
 *   3. else a mix (mixedCdf): the frequent values as steps (top values, exact counts), the rest pinned at every
 *      bin edge (the histogram's cumulative counts) and at every stored quantile, linear in between: an
 *      estimate, off by at most the mass between two pins;
 *   4. the stored quantiles (p = 0.01 … 0.99), linear between them, when there is no histogram.
 * A CDF is a polyline of points (x, F) non-decreasing in both, a vertical step where two points share x: a step
 * function (exact counts) and a piecewise-linear one (bins) are the same structure.
 *
 * KS distance = sup |F_base − F_target|: both are linear between the union of their knots, so the supremum is
 * at a knot, from the left or the right. PSI is over the base's bins: its distinct values when it has few (bins
 * [v₁, v₂), …, [v_k, ∞) plus (−∞, v₁)), else its deciles (10 equal-mass bins, open-ended at both ends); the
 * target's mass in each is read off its own CDF. From the files, exactNumericEvidence computes the same from the
 * sorted values themselves.
 *
 * Thresholds (numericTests): PSI drifted from max(0.2, its critical value), moderate from max(0.1, it); KS drifted
 * from max(0.1, its critical value) — the critical values at α, which exceed the usual thresholds only on small
 * samples, where those would be noise.
 */
import type { ComparableColumn, DriftMethod, DriftTest, DriftThresholds } from './schemas.js';
import { chiSquaredPValue, ksCriticalValue, ksPValue, populationStabilityIndex, psiCriticalValue } from './statistics.js';

export interface Cdf {
  /** Knots, non-decreasing; F is linear between consecutive knots (a step where two knots share x). */
  xs: number[];
  ps: number[];
  /** Values the CDF is built from. */
  n: number;
  /** The distinct values, when the CDF is an exact step function of few values; else null. */
  discreteValues: number[] | null;
  /** true when F is exact everywhere (every value counted). */
  exact: boolean;
  source: 'top_values' | 'histogram' | 'quantiles';
}

const NUMERIC_TYPES = new Set(['integer', 'decimal']);

/** A number as the profiler parses it (decimal comma allowed); null when it does not parse. */
function parseNumber(text: string, decimalSeparator: '.' | ',' | null): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(decimalSeparator === ',' ? trimmed.replace(',', '.') : trimmed);
  return Number.isFinite(value) ? value : null;
}

/** The step CDF of exact (value, count) pairs. */
export function stepCdf(pairs: readonly { value: number; count: number }[]): Cdf | null {
  const merged = new Map<number, number>();
  for (const { value, count } of pairs) if (count > 0) merged.set(value, (merged.get(value) ?? 0) + count);
  const values = [...merged.keys()].sort((a, b) => a - b);
  const n = values.reduce((sum, v) => sum + merged.get(v)!, 0);
  if (n === 0) return null;
  const xs: number[] = [];
  const ps: number[] = [];
  let cumulative = 0;
  for (const v of values) {
    xs.push(v, v);
    ps.push(cumulative / n);
    cumulative += merged.get(v)!;
    ps.push(cumulative / n);
  }
  return { xs, ps, n, discreteValues: values, exact: true, source: 'top_values' };
}

/** Exact counts of the numbers among the top values (merged by value); empty when the counts are estimates. */
function atomsOf(column: ComparableColumn): Map<number, number> {
  const d = column.distributionData;
  const atoms = new Map<number, number>();
  const top = d.topValues;
  if (!NUMERIC_TYPES.has(d.valueType) || !(!top.approximate || top.countsExact === true)) return atoms;
  for (const v of top.values) {
    const value = parseNumber(v.value, d.typeConsistency.decimalSeparator);
    if (value !== null && v.count > 0) atoms.set(value, (atoms.get(value) ?? 0) + v.count);
  }
  return atoms;
}

/** The CDF the profile allows (see the file comment); null for a column without numeric values. */
export function cdfOfColumn(column: ComparableColumn, rowCount: number): Cdf | null {
  const d = column.distributionData;
  const present = Math.max(0, rowCount - column.nullCount);
  const atoms = atomsOf(column);
  const listed = d.topValues.values.reduce((sum, v) => sum + v.count, 0);
  if (atoms.size > 0 && listed === present) {
    const cdf = stepCdf([...atoms].map(([value, count]) => ({ value, count })));
    if (cdf) return cdf;
  }
  const histogram = d.histogram;
  const total = histogram?.bins.reduce((sum, b) => sum + b.count, 0) ?? 0;
  if (histogram && total > 0) {
    const perValue = histogram.binWidth === 0 || (d.valueType === 'integer' && histogram.binWidth === 1);
    if (perValue) {
      const cdf = stepCdf(histogram.bins.map((b) => ({ value: b.lower, count: b.count })));
      if (cdf) return { ...cdf, source: 'histogram' };
    }
    return mixedCdf(histogram.bins, d.numeric?.quantiles ?? [], atoms, total);
  }
  const quantiles = d.numeric?.quantiles ?? [];
  if (quantiles.length >= 2) {
    // The tails below the first and above the last stored quantile are folded onto them.
    const xs = quantiles.map((q) => q.value);
    const ps = quantiles.map((q, i) => (i === 0 ? 0 : i === quantiles.length - 1 ? 1 : q.p));
    const n = d.typeConsistency.validCount || present;
    return { xs, ps, n, discreteValues: null, exact: false, source: 'quantiles' };
  }
  return null;
}

/**
 * F = A + G: A the step function of the frequent values counted exactly (the top values), G the rest, known at
 * every bin edge (the histogram's cumulative counts less the frequent values below the edge) and near every
 * stored quantile (F(q_p) ≈ p), linear in between. A value repeated in 95 % of the rows (a 0 fee) is then a step,
 * not a ramp across its bin, and the body of a skewed column is pinned by its quantiles, not by 20 wide bins.
 */
function mixedCdf(
  bins: readonly { lower: number; upper: number; count: number }[],
  quantiles: readonly { p: number; value: number }[],
  atoms: ReadonlyMap<number, number>,
  total: number,
): Cdf {
  const low = bins[0]!.lower;
  const high = bins[bins.length - 1]!.upper;
  const steps = [...atoms].filter(([v]) => v >= low && v <= high).sort((a, b) => a[0] - b[0]);
  const atomsBelow = (x: number, inclusive: boolean) => steps.reduce((sum, [v, c]) => (v < x || (inclusive && v === x) ? sum + c : sum), 0);
  // G at the bin edges: values below the edge, less the frequent ones.
  const anchors: { x: number; g: number; edge: boolean }[] = [];
  let cumulative = 0;
  bins.forEach((bin, k) => {
    anchors.push({ x: bin.lower, g: cumulative - atomsBelow(bin.lower, false), edge: true });
    cumulative += bin.count;
    if (k === bins.length - 1) anchors.push({ x: bin.upper, g: cumulative - atomsBelow(bin.upper, true), edge: true });
  });
  for (let i = 1; i < anchors.length; i++) anchors[i]!.g = Math.max(anchors[i]!.g, anchors[i - 1]!.g);
  // Quantiles strictly inside, off the frequent values, clamped between the edges around them.
  for (const q of quantiles) {
    if (!(q.value > low && q.value < high) || atoms.has(q.value)) continue;
    const after = anchors.findIndex((a) => a.x > q.value);
    if (after <= 0 || anchors[after - 1]!.x === q.value) continue;
    const g = q.p * total - atomsBelow(q.value, true);
    const lower = anchors[after - 1]!.g;
    const upper = anchors.slice(after).find((a) => a.edge)!.g;
    anchors.splice(after, 0, { x: q.value, g: Math.min(upper, Math.max(lower, g)), edge: false });
  }
  for (let i = 1; i < anchors.length; i++) anchors[i]!.g = Math.max(anchors[i]!.g, anchors[i - 1]!.g);
  const gAt = (x: number) => {
    const after = anchors.findIndex((a) => a.x >= x);
    if (after <= 0) return anchors[0]!.g;
    const a = anchors[after - 1]!;
    const b = anchors[after]!;
    return b.x === x ? b.g : a.g + ((x - a.x) / (b.x - a.x)) * (b.g - a.g);
  };
  // The polyline: every anchor, and a vertical step at every frequent value.
  const points: { x: number; p: number }[] = [];
  let a = 0;
  let s = 0;
  for (const anchor of anchors) {
    while (s < steps.length && steps[s]![0] < anchor.x) {
      const [v, c] = steps[s++]!;
      const g = gAt(v);
      points.push({ x: v, p: g + a });
      a += c;
      points.push({ x: v, p: g + a });
    }
    if (s < steps.length && steps[s]![0] === anchor.x) {
      const [v, c] = steps[s++]!;
      points.push({ x: v, p: anchor.g + a });
      a += c;
    }
    points.push({ x: anchor.x, p: anchor.g + a });
  }
  const n = Math.max(total, points[points.length - 1]!.p);
  let running = 0;
  const ps = points.map((pt) => (running = Math.min(1, Math.max(running, pt.p / n))));
  return { xs: points.map((pt) => pt.x), ps, n: total, discreteValues: null, exact: false, source: 'histogram' };
}

/** Index of the last knot with x ≤ value (−1 when none). */
function lastAtOrBelow(xs: readonly number[], value: number): number {
  let low = 0;
  let high = xs.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (xs[middle]! <= value) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Index of the last knot with x < value (−1 when none). */
function lastBelow(xs: readonly number[], value: number): number {
  let low = 0;
  let high = xs.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (xs[middle]! < value) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function interpolate(cdf: Cdf, i: number, x: number): number {
  const x0 = cdf.xs[i]!;
  const x1 = cdf.xs[i + 1]!;
  const p0 = cdf.ps[i]!;
  const p1 = cdf.ps[i + 1]!;
  return x1 === x0 ? p1 : p0 + ((x - x0) / (x1 - x0)) * (p1 - p0);
}

/** F(x) = P(X ≤ x). */
export function cdfAt(cdf: Cdf, x: number): number {
  const i = lastAtOrBelow(cdf.xs, x);
  if (i < 0) return 0;
  if (i === cdf.xs.length - 1 || cdf.xs[i] === x) return cdf.ps[i]!;
  return interpolate(cdf, i, x);
}

/** F(x−) = P(X < x). */
export function cdfBefore(cdf: Cdf, x: number): number {
  const i = lastBelow(cdf.xs, x);
  if (i < 0) return 0;
  if (i === cdf.xs.length - 1) return cdf.ps[i]!;
  return interpolate(cdf, i, x);
}

/** sup |F_a − F_b|, at the knots of both, from either side. */
export function ksDistance(a: Cdf, b: Cdf): number {
  let distance = 0;
  for (const xs of [a.xs, b.xs]) {
    for (const x of xs) {
      distance = Math.max(distance, Math.abs(cdfAt(a, x) - cdfAt(b, x)), Math.abs(cdfBefore(a, x) - cdfBefore(b, x)));
    }
  }
  return Math.min(1, distance);
}

/** The smallest x with F(x) ≥ p. */
export function inverseCdf(cdf: Cdf, p: number): number {
  const { xs, ps } = cdf;
  for (let i = 0; i < xs.length; i++) {
    if (ps[i]! >= p) {
      if (i === 0 || ps[i - 1] === ps[i] || xs[i - 1] === xs[i]) return xs[i]!;
      return xs[i - 1]! + ((p - ps[i - 1]!) / (ps[i]! - ps[i - 1]!)) * (xs[i]! - xs[i - 1]!);
    }
  }
  return xs[xs.length - 1]!;
}

/**
 * PSI bin edges from the base: few values → every value (the bins (−∞, v₁), [v₁, v₂), …, [v_k, ∞)); else the
 * inner quantiles at 1/bins … (bins − 1)/bins, deduplicated (bins (−∞, e₁), [e₁, e₂), …, [e_k, ∞)).
 */
export function psiEdges(base: Cdf, bins: number): { edges: number[]; binning: 'values' | 'quantiles' } {
  if (base.discreteValues) return { edges: [...base.discreteValues], binning: 'values' };
  const edges: number[] = [];
  for (let j = 1; j < bins; j++) {
    const edge = inverseCdf(base, j / bins);
    if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
  }
  return { edges, binning: 'quantiles' };
}

/** Shares of (−∞, e₁), [e₁, e₂), …, [e_k, ∞). */
export function binShares(cdf: Cdf, edges: readonly number[]): number[] {
  const below = edges.map((e) => cdfBefore(cdf, e));
  return [...below, 1].map((upper, i) => Math.max(0, upper - (i === 0 ? 0 : below[i - 1]!)));
}

/** What a numeric comparison found, from profiles or files alike. */
export interface NumericEvidence {
  method: DriftMethod;
  approximate: boolean;
  /** Values compared on each side. */
  n: number;
  m: number;
  ks: number;
  baseShares: number[];
  targetShares: number[];
  binning: 'values' | 'quantiles';
}

export function numericEvidenceFromProfiles(base: Cdf, target: Cdf, thresholds: DriftThresholds): NumericEvidence {
  const { edges, binning } = psiEdges(base, thresholds.psiBins);
  return {
    method: 'profiles',
    approximate: !(base.exact && target.exact),
    n: base.n,
    m: target.n,
    ks: ksDistance(base, target),
    baseShares: binShares(base, edges),
    targetShares: binShares(target, edges),
    binning,
  };
}

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

export function numericTests(e: NumericEvidence, t: DriftThresholds): DriftTest[] {
  const psi = populationStabilityIndex(e.baseShares, e.targetShares, { n: e.n, m: e.m });
  const occupied = e.baseShares.filter((s, i) => s > 0 || e.targetShares[i]! > 0).length;
  const psiCritical = psiCriticalValue(occupied, e.n, e.m, t.alpha);
  const psiDrifted = Math.max(t.psiDrifted, psiCritical);
  const psiModerate = Math.max(t.psiModerate, psiCritical);
  const ksCritical = ksCriticalValue(e.n, e.m, t.alpha);
  const ksThreshold = Math.max(ksCritical, t.ksMinDistance);
  const source =
    e.method === 'files'
      ? 'the two files (exact)'
      : e.approximate
        ? 'the stored histograms, quantiles and top values (estimated)'
        : 'exact value counts';
  const bins = e.binning === 'values' ? 'one per value' : `its ${t.psiBins}-quantiles`;
  return [
    {
      test: 'psi',
      statistic: psi,
      threshold: psiDrifted,
      moderateThreshold: psiModerate < psiDrifted ? psiModerate : null,
      verdict: psi >= psiDrifted ? 'drifted' : psi >= psiModerate ? 'moderate' : 'stable',
      method: e.method,
      approximate: e.approximate,
      pValue: chiSquaredPValue((psi * e.n * e.m) / (e.n + e.m), Math.max(0, occupied - 1)),
      degreesOfFreedom: null,
      bins: occupied,
      summary: `PSI over ${occupied} bins of the base (${bins}), n = ${e.n}, m = ${e.m}, from ${source}; moderate from max(${t.psiModerate}, critical), drifted from max(${t.psiDrifted}, critical), critical value at α = ${t.alpha}: ${round(psiCritical)}`,
    },
    {
      test: 'kolmogorov_smirnov',
      statistic: e.ks,
      threshold: ksThreshold,
      moderateThreshold: null,
      verdict: e.ks >= ksThreshold ? 'drifted' : 'stable',
      method: e.method,
      approximate: e.approximate,
      pValue: ksPValue(e.ks, e.n, e.m),
      degreesOfFreedom: null,
      bins: null,
      summary: `KS distance between the CDFs of n = ${e.n} and m = ${e.m} values, from ${source}; drifted from max(${t.ksMinDistance}, critical value at α = ${t.alpha}: ${round(ksCritical)})`,
    },
  ];
}

/** One side's values, sorted ascending: each with its count (grouped), or one entry per value (counts null). */
export interface SortedSample {
  values: Float64Array;
  counts: Float64Array | null;
}

/** Values < x, by binary search over the sorted values and the running counts. */
function countBelow(values: Float64Array, running: Float64Array | null, x: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < x) low = middle + 1;
    else high = middle;
  }
  return running ? (low === 0 ? 0 : running[low - 1]!) : low;
}

function runningCounts(sample: SortedSample): Float64Array | null {
  if (!sample.counts) return null;
  const running = new Float64Array(sample.counts.length);
  let total = 0;
  sample.counts.forEach((c, i) => {
    total += c;
    running[i] = total;
  });
  return running;
}

/**
 * The exact statistics of two samples: the KS distance over the merged empirical CDFs, and the PSI bins — the
 * base's distinct values (binning 'values') or its exact quantiles (the smallest value with F ≥ j/bins) — with
 * the exact share of each side in every bin.
 */
export function exactNumericEvidence(
  base: SortedSample,
  target: SortedSample,
  binning: 'values' | 'quantiles',
  bins: number,
): NumericEvidence | null {
  const runB = runningCounts(base);
  const runT = runningCounts(target);
  const n = runB ? (runB[runB.length - 1] ?? 0) : base.values.length;
  const m = runT ? (runT[runT.length - 1] ?? 0) : target.values.length;
  if (n === 0 || m === 0) return null;
  const weight = (s: SortedSample, i: number) => (s.counts ? s.counts[i]! : 1);
  let i = 0;
  let j = 0;
  let cb = 0;
  let ct = 0;
  let ks = 0;
  const bv = base.values;
  const tv = target.values;
  while (i < bv.length || j < tv.length) {
    const v = i < bv.length && (j >= tv.length || bv[i]! <= tv[j]!) ? bv[i]! : tv[j]!;
    while (i < bv.length && bv[i] === v) cb += weight(base, i++);
    while (j < tv.length && tv[j] === v) ct += weight(target, j++);
    const gap = Math.abs(cb / n - ct / m);
    if (gap > ks) ks = gap;
  }
  const edges: number[] = [];
  if (binning === 'values') {
    for (let k = 0; k < bv.length; k++) if (k === 0 || bv[k] !== bv[k - 1]) edges.push(bv[k]!);
  } else {
    let k = 0;
    let cumulative = 0;
    for (let q = 1; q < bins; q++) {
      const needed = (q / bins) * n;
      while (k < bv.length && cumulative + weight(base, k) < needed) cumulative += weight(base, k++);
      const edge = bv[Math.min(k, bv.length - 1)]!;
      if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
    }
  }
  const shares = (s: SortedSample, running: Float64Array | null, total: number) => {
    const below = edges.map((e) => countBelow(s.values, running, e) / total);
    return [...below, 1].map((c, k) => Math.max(0, c - (k === 0 ? 0 : below[k - 1]!)));
  };
  return {
    method: 'files',
    approximate: false,
    n,
    m,
    ks: Math.min(1, ks),
    baseShares: shares(base, runB, n),
    targetShares: shares(target, runT, m),
    binning,
  };
}
