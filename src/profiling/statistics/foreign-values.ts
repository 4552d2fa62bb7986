/**
 * Values of another column: `yellow` in `payment` beside `color`'s `yellow` ×5,000 is a cell of a row whose
 * fields were shifted or swapped, not a payment type. From exact value counts of text columns only (like likely
 * typos), so the counts are counts. Columns that share their vocabulary (pickup and dropoff zones) are never
 * compared: a value of one is a valid value of the other.
 */
import type { ForeignValues } from '../distribution-schema.js';
import { isPlainNumber } from '../inference/value-parsers.js';
import type { ValueCount } from './frequency-summary.js';

/** The value is frequent in its home column: this often, and this many times as often as where it strays. */
const MIN_HOME_COUNT = 5;
export const FOREIGN_MIN_RATIO = 10;
/** Columns sharing more than this share of the smaller one's distinct values are of one domain. */
const MAX_SHARED = 0.1;
/** Columns with more distinct values are not labels. */
const MAX_DISTINCT = 10_000;
const LISTED = 500;

export interface ExactColumnValues {
  columnName: string;
  /** null: not a text column with exact counts. */
  frequencies: readonly ValueCount[] | null;
}

export function findForeignValues(columns: readonly ExactColumnValues[]): (ForeignValues | null)[] {
  const counted = columns.map((c) =>
    c.frequencies && c.frequencies.length <= MAX_DISTINCT ? new Map(c.frequencies.map((f) => [f.value.trim(), f.count])) : null,
  );
  return counted.map((own, x) => {
    if (!own) return null;
    const top = Math.max(...own.values());
    const found: ForeignValues['values'] = [];
    counted.forEach((other, y) => {
      if (!other || y === x || sharedShare(own, other) > MAX_SHARED) return;
      for (const [value, count] of own) {
        const home = other.get(value) ?? 0;
        // Rare here (a label of this column is at least FOREIGN_MIN_RATIO times as frequent), frequent there.
        // Numbers belong to many columns; stray-numbers.ts reports them among labels.
        if (isPlainNumber(value) || home < MIN_HOME_COUNT || home < count * FOREIGN_MIN_RATIO || top < count * FOREIGN_MIN_RATIO) continue;
        if (!found.some((f) => f.value === value)) found.push({ value, count, column: columns[y]!.columnName, columnCount: home });
      }
    });
    if (found.length === 0) return null;
    found.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    return { count: found.reduce((sum, f) => sum + f.count, 0), distinct: found.length, values: found.slice(0, LISTED) };
  });
}

/** Share of the smaller column's values that the other column holds about as often (a stray value is not shared). */
function sharedShare(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [value, count] of small) {
    const other = large.get(value) ?? 0;
    if (other > 0 && Math.min(count, other) * FOREIGN_MIN_RATIO > Math.max(count, other)) shared++;
  }
  return small.size === 0 ? 0 : shared / small.size;
}
