/**
 * Missing-value markers learned from the data: files write "no value" in their own way (`empty`, `unknown`,
 * `-999`), and a marker read as a value turns a number column into text, or a sentinel into an outlier. Learned
 * on the inference sample, per column:
 *   - words: a frequent value that is not of the type the rest of the column parses as (`empty` among numbers),
 *     the only such word or a word of the marker vocabulary.
 *     The file uses it for "no value", so it is a marker in every column of the file;
 *   - words of the marker vocabulary (`unknown`, `n.a.`…) that fill a share of a text column;
 *   - numeric sentinels (`-999`, `9999`) that fill a share of a number column and lie far outside the rest.
 */
import type { ResolvedProfileOptions } from '../options.js';
import { candidateShares, chooseParseRule, parsesAs, type ParseRule } from './value-parsers.js';

/** Ways of writing "no value" beyond the standard null tokens, compared case-insensitively. */
const MARKER_WORDS = new Set([
  'empty',
  'missing',
  'unknown',
  'n.a.',
  'n.a',
  'na.',
  'n/a',
  'n\\a',
  'none',
  'nil',
  'blank',
  '(blank)',
  'not available',
  'not applicable',
  'not known',
  'undefined',
  'unspecified',
  '#n/a',
  '#na',
  '--',
  '.',
]);

/** A marker fills at least this share of the column's sampled values, and at least MIN_MARKER_COUNT of them. */
const MIN_MARKER_SHARE = 0.01;
const MIN_MARKER_COUNT = 3;
/** The rest of the column must be this many values for its type to mean anything. */
const MIN_TYPED_VALUES = 10;
const MAX_MARKER_LENGTH = 24;
/** A column has at most this many word markers: beyond that, the words are its values. */
const MAX_MARKERS = 3;
/** -9, -99, -999…, 999, 9999… (99 is too often a real value). */
const SENTINEL = /^(-9+|\+?9{3,})([.]0+)?$/u;

export interface LearnedMarkers {
  /** Markers of this column. */
  column: string[];
  /** Word markers the file uses for "no value": markers of every column. */
  file: string[];
}

/** Markers of one column, from its trimmed, non-missing sample values. */
export function learnColumnMarkers(values: readonly string[], options: Pick<ResolvedProfileOptions, 'typeThreshold'>): LearnedMarkers {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const minimum = Math.max(MIN_MARKER_COUNT, values.length * MIN_MARKER_SHARE);
  // All frequent values, not the top few: in a text column of three islands, "unknown" is only the fourth.
  const frequent = [...counts]
    .filter(([value, count]) => count >= minimum && value.length <= MAX_MARKER_LENGTH)
    .sort((a, b) => b[1] - a[1])
    .map(([value]) => value);
  if (frequent.length === 0) return { column: [], file: [] };

  const words = frequent.filter((value) => !/[0-9]/u.test(value));
  const rest = values.filter((value) => !words.includes(value));
  const restRule = chooseParseRule(candidateShares(rest), options.typeThreshold);
  if (restRule.valueType !== 'string' && rest.length >= MIN_TYPED_VALUES) {
    // A marker is a minority: in a sample of one colour ("yellow" ×4,990 and a few stray numbers), the word is the
    // column's value and the numbers are the errors.
    const foreign = rest.length * 2 >= values.length ? words.filter((word) => !parsesAs(restRule, word)) : [];
    // One foreign word is how the file says "no value"; several (first, second, third) are values of another type,
    // unless they are marker words.
    const markers = (foreign.length === 1 ? foreign : foreign.filter((word) => MARKER_WORDS.has(word.toLowerCase()))).slice(0, MAX_MARKERS);
    return { column: [...markers, ...sentinels(restRule, frequent, rest)], file: markers };
  }
  return { column: words.filter((word) => MARKER_WORDS.has(word.toLowerCase())), file: [] };
}

/** Sentinels among the frequent values of a number column: far outside the range of the other values. */
function sentinels(rule: ParseRule, frequent: readonly string[], values: readonly string[]): string[] {
  if (rule.valueType !== 'integer' && rule.valueType !== 'decimal') return [];
  const candidates = new Set(frequent.filter((value) => SENTINEL.test(value)));
  if (candidates.size === 0) return [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (candidates.has(value)) continue;
    const n = Number(rule.decimalSeparator === ',' ? value.replace(',', '.') : value);
    if (!Number.isFinite(n)) continue;
    min = Math.min(min, n);
    max = Math.max(max, n);
  }
  if (!Number.isFinite(min)) return [];
  // Far: beyond the other values by more than half their range (and by more than 1), e.g. -999 below ages 0–80.
  const gap = Math.max(1, (max - min) / 2);
  return [...candidates].filter((value) => {
    const n = Number(value);
    return n < min - gap || n > max + gap;
  });
}
