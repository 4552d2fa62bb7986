import { describe, expect, it } from 'vitest';
import { binShares, cdfAt, ksDistance, psiEdges, stepCdf } from '../../src/comparison/numeric-drift.js';
import {
  chiSquared,
  chiSquaredCriticalValue,
  chiSquaredPValue,
  jensenShannonCriticalValue,
  jensenShannonDistance,
  ksCoefficient,
  ksCriticalValue,
  ksPValue,
  populationStabilityIndex,
  psiCriticalValue,
} from '../../src/comparison/statistics.js';
import { seeded } from '../profiling/support.js';
import { referenceKs } from './support.js';

const counts = (values: number[]) => {
  const map = new Map<number, number>();
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
  return [...map].map(([value, count]) => ({ value, count }));
};

describe('statistics', () => {
  it('χ² critical values and p-values match the tables', () => {
    const table: [number, number, number][] = [
      [1, 0.05, 3.8415],
      [1, 0.01, 6.6349],
      [3, 0.01, 11.3449],
      [10, 0.01, 23.2093],
      [100, 0.01, 135.8067],
    ];
    for (const [df, alpha, value] of table) {
      expect(chiSquaredCriticalValue(df, alpha)).toBeCloseTo(value, 3);
      expect(chiSquaredPValue(value, df)).toBeCloseTo(alpha, 4);
    }
  });

  it('χ² of a 2 × k table is Pearson’s', () => {
    // 2 × 2: [[10, 20], [30, 40]] → χ² = 100·(10·40 − 20·30)² / (30·70·40·60) = 0.7937
    expect(chiSquared([10, 30], [20, 40]).statistic).toBeCloseTo(0.79365, 4);
    expect(chiSquared([10, 30, 0], [20, 40, 0]).degreesOfFreedom).toBe(1);
  });

  it('KS: c(α) and the asymptotic p-value at the critical value', () => {
    expect(ksCoefficient(0.05)).toBeCloseTo(1.3581, 4);
    expect(ksCoefficient(0.01)).toBeCloseTo(1.6276, 4);
    const n = 100_000;
    expect(ksPValue(ksCriticalValue(n, n, 0.01), n, n)).toBeCloseTo(0.01, 3);
    expect(ksPValue(0, 10, 10)).toBe(1);
  });

  it('PSI and Jensen–Shannon on known cases', () => {
    expect(populationStabilityIndex([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(0.25 * Math.log(2) + 0.25 * Math.log(1.5), 12);
    expect(populationStabilityIndex([0.3, 0.7], [0.3, 0.7])).toBe(0);
    expect(jensenShannonDistance([1, 0], [0, 1])).toBe(1);
    expect(jensenShannonDistance([3, 1], [6, 2])).toBe(0);
  });

  it('the KS distance of two step CDFs is the exact two-sample statistic', () => {
    const random = seeded(7);
    for (let trial = 0; trial < 50; trial++) {
      const a = Array.from({ length: 20 + Math.floor(random() * 200) }, () => Math.floor(random() * 12));
      const b = Array.from({ length: 20 + Math.floor(random() * 200) }, () => Math.floor(random() * 12) + (trial % 3));
      expect(ksDistance(stepCdf(counts(a))!, stepCdf(counts(b))!)).toBeCloseTo(referenceKs(a, b), 12);
    }
  });

  it('PSI bins of a few values are the values; the shares sum to 1', () => {
    const cdf = stepCdf(counts([1, 1, 2, 3, 3, 3]))!;
    expect(cdfAt(cdf, 2)).toBeCloseTo(0.5, 12);
    const { edges, binning } = psiEdges(cdf, 10);
    expect(binning).toBe('values');
    const shares = binShares(cdf, edges);
    for (const [i, share] of [0, 2 / 6, 1 / 6, 3 / 6].entries()) expect(shares[i]).toBeCloseTo(share, 12);
  });

  it('the PSI and JS critical values hold about α of same-distribution pairs above them', () => {
    const random = seeded(11);
    const n = 300;
    let psiAbove = 0;
    let jsAbove = 0;
    const trials = 400;
    for (let trial = 0; trial < trials; trial++) {
      const base = Array.from({ length: n }, () => random() + random());
      const target = Array.from({ length: n }, () => random() + random());
      const cdf = stepCdf(counts(base))!;
      const { edges } = psiEdges({ ...cdf, discreteValues: null }, 10);
      const b = binShares(cdf, edges);
      const t = binShares(stepCdf(counts(target))!, edges);
      if (populationStabilityIndex(b, t, { n, m: n }) >= psiCriticalValue(b.length, n, n, 0.05)) psiAbove++;
      if (jensenShannonDistance(b, t) >= jensenShannonCriticalValue(b.length, n, n, 0.05)) jsAbove++;
    }
    expect(psiAbove / trials).toBeLessThan(0.1);
    expect(jsAbove / trials).toBeLessThan(0.1);
    expect(psiAbove + jsAbove).toBeGreaterThan(0);
  });
});
