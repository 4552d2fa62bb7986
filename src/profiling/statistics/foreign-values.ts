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
  const frequencies = columns.map((c) => (c.frequencies && c.frequencies.length <= MAX_DISTINCT ? c.frequencies : null));
  // Each column's counts by trimmed value (a later value that trims the same replaces an earlier one), made only for
  // the columns that need them: on a wide file most hold nothing foreign and are nobody's home.
  const maps: (Map<string, number> | undefined)[] = [];
  const mapOf = (i: number) => (maps[i] ??= new Map(frequencies[i]!.map((f) => [f.value.trim(), f.count])));
  // A map's counts are some of the column's counts, so these bounds decide without it that a column holds no value
  // FOREIGN_MIN_RATIO times rarer than its top value, or no value frequent enough to be another's home.
  const bounds = frequencies.map((list) => {
    let min = Number.POSITIVE_INFINITY;
    let max = 0;
    for (const f of list ?? []) {
      min = Math.min(min, f.count);
      max = Math.max(max, f.count);
    }
    return { min, max };
  });
  // Where each value is at home, column by column in file order: a value is looked up only in the columns that
  // hold it often enough (comparing every column with every other was 5.7 s on 1,000 columns × 1,000 rows).
  const homes = new Map<string, { column: number; count: number }[]>();
  frequencies.forEach((list, column) => {
    if (!list || bounds[column]!.max < MIN_HOME_COUNT) return;
    for (const [value, count] of mapOf(column)) {
      if (count < MIN_HOME_COUNT) continue;
      const found = homes.get(value);
      if (found) found.push({ column, count });
      else homes.set(value, [{ column, count }]);
    }
  });
  // sharedShare is symmetric; it is needed only for the pairs of columns that have a value in common.
  const shared = new Map<number, boolean>();
  const sameDomain = (x: number, y: number) => {
    const key = Math.min(x, y) * columns.length + Math.max(x, y);
    let same = shared.get(key);
    if (same === undefined) {
      same = sharedShare(mapOf(x), mapOf(y)) > MAX_SHARED;
      shared.set(key, same);
    }
    return same;
  };
  return frequencies.map((list, x) => {
    if (!list || bounds[x]!.max < bounds[x]!.min * FOREIGN_MIN_RATIO) return null;
    const own = mapOf(x);
    const top = Math.max(...own.values());
    const found: ForeignValues['values'] = [];
    for (const [value, count] of own) {
      // Rare here (a label of this column is at least FOREIGN_MIN_RATIO times as frequent), frequent there.
      // Numbers belong to many columns; stray-numbers.ts reports them among labels.
      if (top < count * FOREIGN_MIN_RATIO || isPlainNumber(value)) continue;
      // The first column (in file order) where the value is at home, as comparing column by column found it.
      const home = homes.get(value)?.find((h) => h.column !== x && h.count >= count * FOREIGN_MIN_RATIO && !sameDomain(x, h.column));
      if (home) found.push({ value, count, column: columns[home.column]!.columnName, columnCount: home.count });
    }
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
