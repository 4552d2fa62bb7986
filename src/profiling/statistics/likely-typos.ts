/**
 * Likely typos in a text column: a rare value one or two keystrokes away from a value the column repeats many
 * times (`birminghxm` once beside `birmingham` ×40). Case and whitespace variants are not typos (they are
 * caseVariants). Computed on exact value counts only, so every count it reports is a count, not an estimate.
 *
 * Bounded: candidate pairs come from shared deletions (a value and its misspelling within k edits have a
 * common string after at most k deletions from each, the "symmetric delete" index), so a rare value is compared
 * only with the few frequent values it shares one with, never with all of them; values longer than
 * MAX_LENGTH are not considered.
 */
import type { LikelyTypos } from '../distribution-schema.js';
import { normalizeForComparison, type ValueCount } from './frequency-summary.js';

/** A correct value must occur this often, and this many times as often as its misspelling. */
const MIN_FREQUENT_COUNT = 5;
const MIN_RATIO = 10;
const FREQUENT_LIMIT = 500;
const RARE_LIMIT = 20_000;
const MAX_LENGTH = 64;
/** Suspects listed (the count covers them all): enough that the insight's SQL selects every suspect row in practice. */
const LISTED = 500;
/** A 4-character value's neighbour is a typo only beside a value this many times as frequent (`csah` beside `cash` ×3,000). */
const SHORT_MIN_RATIO = 50;

/**
 * Edits allowed for a value of this length: none below 4 characters, one from 4 (a short neighbour needs
 * SHORT_MIN_RATIO: cat/car are words, not typos, unless one of them is everywhere), 2 from 12.
 */
const allowedEdits = (length: number) => (length < 4 ? 0 : length < 12 ? 1 : 2);

// Values that differ only in their digits are different numbers or codes (`Room 12`, `Room 13`), not typos.
const differOnlyInDigits = (a: string, b: string) => a.replace(/\d/g, '') === b.replace(/\d/g, '');

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

/** Every string `value` becomes by deleting at most `edits` of its characters (itself included). */
function deletions(value: string, edits: number): Set<string> {
  let level = new Set([value]);
  const all = new Set(level);
  for (let e = 0; e < edits; e++) {
    const next = new Set<string>();
    for (const v of level) for (let i = 0; i < v.length; i++) next.add(v.slice(0, i) + v.slice(i + 1));
    for (const v of next) all.add(v);
    level = next;
  }
  return all;
}

export function findLikelyTypos(frequencies: readonly ValueCount[]): LikelyTypos {
  const sorted = [...frequencies].sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : 1));
  const frequent = sorted
    .filter((f) => f.count >= MIN_FREQUENT_COUNT && f.value.length <= MAX_LENGTH)
    .slice(0, FREQUENT_LIMIT)
    .map((f) => ({ ...f, key: normalizeForComparison(f.value) }));
  const suspects: LikelyTypos['values'] = [];
  // Deletion → the frequent values (in count order) it comes from.
  const index = new Map<string, (typeof frequent)[number][]>();
  for (const f of frequent) {
    const edits = allowedEdits(f.key.length);
    if (edits === 0) continue;
    for (const d of deletions(f.key, edits)) {
      const list = index.get(d);
      if (list) list.push(f);
      else index.set(d, [f]);
    }
  }
  if (index.size > 0) {
    const rare = sorted.filter((f) => f.count * MIN_RATIO <= frequent[0]!.count && f.value.length <= MAX_LENGTH).slice(-RARE_LIMIT);
    for (const r of rare) {
      const key = normalizeForComparison(r.value);
      const candidates = new Set<(typeof frequent)[number]>();
      // Two edits only reach values of 12 characters or more, so a value shorter than 10 needs one deletion.
      for (const d of deletions(key, key.length >= 10 ? 2 : 1)) for (const f of index.get(d) ?? []) candidates.add(f);
      let best: { value: string; count: number; distance: number } | null = null;
      for (const f of candidates) {
        const ratio = f.key.length < 5 ? SHORT_MIN_RATIO : MIN_RATIO;
        if (f.count < r.count * ratio || f.key === key || differOnlyInDigits(f.key, key)) continue;
        const limit = allowedEdits(f.key.length);
        const distance = editDistance(key, f.key, limit);
        const better = !best || distance < best.distance || (distance === best.distance && f.count > best.count);
        if (distance <= limit && better) best = { value: f.value, count: f.count, distance };
      }
      if (best) suspects.push({ value: r.value, count: r.count, likely: best.value, likelyCount: best.count, distance: best.distance });
    }
  }
  suspects.sort((x, y) => y.likelyCount - x.likelyCount || y.count - x.count || (x.value < y.value ? -1 : 1));
  return { count: suspects.reduce((sum, s) => sum + s.count, 0), distinct: suspects.length, values: suspects.slice(0, LISTED) };
}
