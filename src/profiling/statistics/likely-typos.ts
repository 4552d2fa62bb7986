/**
 * Likely typos in a text column: a rare value one or two keystrokes away from a value the column repeats many
 * times (`birminghxm` once beside `birmingham` ×40). Case and whitespace variants are not typos (they are
 * caseVariants). Computed on exact value counts only, so every count it reports is a count, not an estimate.
 *
 * Bounded: at most FREQUENT_LIMIT frequent values and RARE_LIMIT rare ones are compared, a pair only when their
 * lengths allow it, and the distance stops as soon as it exceeds what is allowed.
 */
import type { LikelyTypos } from '../distribution-schema.js';
import { normalizeForComparison, type ValueCount } from './frequency-summary.js';

/** A correct value must occur this often, and this many times as often as its misspelling. */
const MIN_FREQUENT_COUNT = 5;
const MIN_RATIO = 10;
const FREQUENT_LIMIT = 500;
const RARE_LIMIT = 20_000;
/** Suspects listed (the count covers them all). */
const LISTED = 20;

/** Edits allowed for a value of this length: none below 5 characters (cat/car are words, not typos), 2 from 12. */
const allowedEdits = (length: number) => (length < 5 ? 0 : length < 12 ? 1 : 2);

const digitsOnly = (value: string) => /^[\d\s.,+-]*$/.test(value);

/**
 * Optimal-string-alignment distance (a transposition is one edit), or limit + 1 as soon as it must exceed
 * `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, previous2[j - 2]! + 1);
      current.push(d);
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

export function findLikelyTypos(frequencies: readonly ValueCount[]): LikelyTypos {
  const sorted = [...frequencies].sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : 1));
  const frequent = sorted.filter((f) => f.count >= MIN_FREQUENT_COUNT).slice(0, FREQUENT_LIMIT);
  const suspects: LikelyTypos['values'] = [];
  if (frequent.length > 0) {
    const keyed = frequent.map((f) => ({ ...f, key: normalizeForComparison(f.value) }));
    const rare = sorted.filter((f) => f.count * MIN_RATIO <= frequent[0]!.count).slice(-RARE_LIMIT);
    for (const r of rare) {
      const key = normalizeForComparison(r.value);
      let best: { value: string; count: number; distance: number } | null = null;
      for (const f of keyed) {
        if (f.count < r.count * MIN_RATIO) break; // sorted by count: no later one qualifies
        const limit = allowedEdits(f.key.length);
        if (limit === 0 || f.key === key || (digitsOnly(f.key) && digitsOnly(key))) continue;
        const distance = editDistance(key, f.key, best ? Math.min(limit, best.distance - 1) : limit);
        if (distance <= limit && (!best || distance < best.distance)) best = { value: f.value, count: f.count, distance };
      }
      if (best) suspects.push({ value: r.value, count: r.count, likely: best.value, likelyCount: best.count, distance: best.distance });
    }
  }
  suspects.sort((x, y) => y.likelyCount - x.likelyCount || y.count - x.count || (x.value < y.value ? -1 : 1));
  return { count: suspects.reduce((sum, s) => sum + s.count, 0), distinct: suspects.length, values: suspects.slice(0, LISTED) };
}
