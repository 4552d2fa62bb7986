/**
 * Stray numbers in a column of labels: `6.6` among `setosa`, `versicolor`… is a value of another column
 * (fields swapped or shifted in that row), not a category. From exact value counts only, like likely typos,
 * so the counts are counts.
 */
import type { StrayNumbers } from '../distribution-schema.js';
import { isPlainNumber } from '../inference/value-parsers.js';
import type { ValueCount } from './frequency-summary.js';

/** Numbers are stray when they are at most this share of the values; more is a mixed column (mixed_types). */
export const STRAY_NUMBERS_MAX_SHARE = 0.05;
/** The labels must repeat: this share of the other values belong to labels seen at least MIN_LABEL_COUNT times. */
const REPEATED_SHARE = 0.9;
const MIN_LABEL_COUNT = 5;
const LISTED = 500;

export function findStrayNumbers(frequencies: readonly ValueCount[]): StrayNumbers | null {
  let total = 0;
  let repeated = 0;
  const numbers: ValueCount[] = [];
  for (const f of frequencies) {
    total += f.count;
    if (isPlainNumber(f.value.trim())) numbers.push(f);
    else if (f.count >= MIN_LABEL_COUNT) repeated += f.count;
  }
  const count = numbers.reduce((sum, f) => sum + f.count, 0);
  const labels = total - count;
  if (count === 0 || count > total * STRAY_NUMBERS_MAX_SHARE || repeated < labels * REPEATED_SHARE) return null;
  numbers.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  return { count, distinct: numbers.length, values: numbers.slice(0, LISTED).map(({ value, count }) => ({ value, count })) };
}
