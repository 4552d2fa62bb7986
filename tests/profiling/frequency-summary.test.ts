// summarizeFrequencies keeps top values, shapes and case variants without sorting every value; it must report
// exactly what sorting all values (most frequent first, then by value) and reading them in that order reports.
import { describe, expect, it } from 'vitest';
import {
  normalizeForComparison,
  shapeOf,
  summarizeFrequencies,
  type ValueCount,
} from '../../src/profiling/statistics/frequency-summary.js';
import { seeded } from './support.js';

/** The straightforward reading: sort everything, then walk it in order. */
function reference(frequencies: ValueCount[], limits: { topValues: number; patterns: number }, scale: number) {
  const total = frequencies.reduce((sum, f) => sum + f.count, 0);
  const share = (count: number) => (total === 0 ? 0 : count / total);
  const byCount = [...frequencies].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  const shapes = new Map<string, { count: number; example: string }>();
  for (const f of byCount) {
    const shape = shapeOf(f.value);
    const entry = shapes.get(shape);
    if (entry) entry.count += f.count;
    else shapes.set(shape, { count: f.count, example: f.value });
  }
  const groups = new Map<string, ValueCount[]>();
  for (const f of byCount) {
    const key = f.value.trim().replace(/\s+/gu, ' ').toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return {
    topValues: byCount
      .slice(0, limits.topValues)
      .map((f) => ({ value: f.value, count: Math.round(f.count * scale), share: share(f.count) })),
    shapes: [...shapes.entries()]
      .sort((a, b) => b[1].count - a[1].count)
      .slice(0, limits.patterns)
      .map(([pattern, { count, example }]) => ({ pattern, example, count: Math.round(count * scale), share: share(count) })),
    distinctPatterns: shapes.size,
    caseVariants: [...groups.entries()]
      .filter(([, variants]) => variants.length > 1)
      .map(([normalized, variants]) => ({ normalized, variants: variants.map((v) => ({ value: v.value, count: v.count })) }))
      .slice(0, 20),
  };
}

describe('frequency summary', () => {
  it('reports what a full sort reports, ties and case variants included', () => {
    const random = seeded(11);
    const pieces = ['a', 'B', 'x1', ' ', '  ', '\t', 'Zz', '9', '-', 'é', 'İ', '\u00a0', 'New', 'york'];
    for (let round = 0; round < 200; round++) {
      const values = new Map<string, number>();
      const size = 1 + Math.floor(random() * 300);
      for (let i = 0; i < size; i++) {
        let value = '';
        for (let k = 0, n = 1 + Math.floor(random() * 4); k < n; k++) value += pieces[Math.floor(random() * pieces.length)];
        // Few distinct counts, so that ties decide much of the order.
        values.set(value, 1 + Math.floor(random() * 4));
      }
      const frequencies = [...values].map(([value, count]) => ({ value, count }));
      const limits = { topValues: 1 + Math.floor(random() * 12), patterns: 1 + Math.floor(random() * 12) };
      const scale = random() < 0.5 ? 1 : 3.7;
      expect(summarizeFrequencies(frequencies, limits, scale), `round ${round}`).toEqual(reference(frequencies, limits, scale));
    }
  });

  it('normalizes case and whitespace like trim, collapse, lower-case', () => {
    for (const value of ['A  b', 'a\tb', 'x\u00a0y', ' Mixed  Case\n', 'İstanbul', 'a \u2028b', 'plain']) {
      expect(normalizeForComparison(value)).toBe(value.trim().replace(/\s+/gu, ' ').toLowerCase());
    }
  });
});
