/**
 * Numbers written with a unit or symbol (`12.0 oz`, `5%`, `$1,200`, `3 kg`): the column reads as text, so it
 * cannot be summed or compared until the unit is stripped. Learned on the inference sample of a text column:
 * one unit that, with the plain numbers, makes up the column. The same regex counts them on the full data (SQL)
 * and selects them in the insight's code, so the count and the rows agree.
 */
import type { ResolvedProfileOptions } from '../options.js';

export interface NumberUnit {
  /** As written: `oz`, `%`, `$`. */
  symbol: string;
  position: 'prefix' | 'suffix';
}

/** A number as written beside a unit: optional sign, digits with optional thousands commas, optional fraction. */
const UNIT_NUMBER_RE = '[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)([.][0-9]+)?';
const PREFIX_SYMBOLS = '$€£¥₹';
// A currency symbol before the number, or a short unit after it (letters, %, °, µ, /, ²…).
const WRITTEN = new RegExp(
  `^(?<prefix>[${PREFIX_SYMBOLS}])?\\s?(?<number>${UNIT_NUMBER_RE})\\s?(?<suffix>%|[A-Za-zµ°][A-Za-zµ°/²³.]{0,7})?$`,
  'u',
);
/** At least this many sampled values, and this share of them, carry the unit. */
const MIN_UNIT_COUNT = 3;
export const MIN_UNIT_SHARE = 0.05;

/** The unit of a text column whose sampled values are numbers with (mostly) one unit; null otherwise. */
export function learnNumberUnit(values: readonly string[], options: Pick<ResolvedProfileOptions, 'typeThreshold'>): NumberUnit | null {
  if (values.length === 0) return null;
  let plain = 0;
  const units = new Map<string, { unit: NumberUnit; count: number }>();
  for (const value of values) {
    const groups = WRITTEN.exec(value)?.groups;
    if (!groups) continue;
    const { prefix, suffix } = groups;
    if (prefix && suffix) continue;
    if (!prefix && !suffix) {
      plain++;
      continue;
    }
    const unit: NumberUnit = prefix ? { symbol: prefix, position: 'prefix' } : { symbol: suffix!, position: 'suffix' };
    const key = `${unit.position}:${unit.symbol}`;
    const entry = units.get(key) ?? { unit, count: 0 };
    entry.count++;
    units.set(key, entry);
  }
  const best = [...units.values()].sort((a, b) => b.count - a.count)[0];
  if (!best || best.count < Math.max(MIN_UNIT_COUNT, values.length * MIN_UNIT_SHARE)) return null;
  // Years, counts and codes with letters ("3 rooms", "12 A") would match too if they were a minority among text.
  return (best.count + plain) / values.length >= options.typeThreshold ? best.unit : null;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');

/** RE2/JS regex body matching a whole (trimmed) value written with the unit. */
export function unitValueRegex(unit: NumberUnit): string {
  const symbol = escapeRegex(unit.symbol);
  return unit.position === 'prefix' ? `${symbol}\\s?${UNIT_NUMBER_RE}` : `${UNIT_NUMBER_RE}\\s?${symbol}`;
}

/** RE2/JS regex body matching the unit and the space beside it, to strip it from a (trimmed) value. */
export function unitStripRegex(unit: NumberUnit): string {
  const symbol = escapeRegex(unit.symbol);
  return unit.position === 'prefix' ? `^${symbol}\\s?` : `\\s?${symbol}$`;
}
