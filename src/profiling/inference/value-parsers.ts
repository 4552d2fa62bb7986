/**
 * What it means for a text value to "be" an integer, a decimal, a date…: each rule is written once and used
 * both in JS (to infer the type on a sample) and in SQL (to parse and count on the full data), so the sample
 * decision and the full-data consistency share can never disagree on a value.
 *
 * Regex bodies are written in the common subset of JS and RE2 (DuckDB's engine): no look-around, no
 * back-references. They are matched against the whole (trimmed) value.
 */
import { stringLiteral } from '../engine/sql.js';
import type { ValueType } from '../distribution-schema.js';

export const INTEGER_RE = '[+-]?(0|[1-9][0-9]*)';
// No leading zeros in the integer part: "00997" is a code (zip, account), not a number.
export const DECIMAL_DOT_RE = '[+-]?((0|[1-9][0-9]*)([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?';
export const DECIMAL_COMMA_RE = '[+-]?((0|[1-9][0-9]*)(,[0-9]*)?|,[0-9]+)';
export const ISO_DATE_RE = '[0-9]{4}-[0-9]{2}-[0-9]{2}';
export const ISO_DATETIME_RE = '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?';
export const TIME_RE = '[0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?';
export const TRUE_WORDS = ['true', 't', 'yes', 'y'] as const;
export const FALSE_WORDS = ['false', 'f', 'no', 'n'] as const;

/** Date layouts tried besides ISO 8601; the strptime format is what DuckDB parses with. */
export const DATE_FORMATS = [
  { format: '%d/%m/%Y', re: '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}', order: 'dmy' },
  { format: '%m/%d/%Y', re: '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}', order: 'mdy' },
  { format: '%Y/%m/%d', re: '[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}', order: 'ymd' },
  { format: '%d.%m.%Y', re: '[0-9]{1,2}[.][0-9]{1,2}[.][0-9]{4}', order: 'dmy' },
] as const;

export function fullMatcher(body: string): RegExp {
  return new RegExp(`^(?:${body})$`, 'u');
}

/** How one column's values are parsed: the inferred value type and its format details. */
export interface ParseRule {
  valueType: ValueType;
  decimalSeparator: '.' | ',' | null;
  /** null = ISO 8601 */
  dateFormat: string | null;
}

/**
 * SQL producing the typed value from the non-missing raw text `x`; NULL when it does not parse. Surrounding
 * whitespace is tolerated by the regexes and by DuckDB's casts, which saves a trim (a string copy) per cell.
 */
export function typedValueSql(rule: ParseRule, x: string): string {
  const matches = (body: string) => `regexp_full_match(${x}, ${stringLiteral(`\\s*(?:${body})\\s*`)})`;
  // Fast path, same result: text that is exactly DuckDB's own rendering of its parsed value ("42",
  // "2024-01-31") always matches the rule's regex (checked over the whole BIGINT and DATE ranges), so the costly
  // per-cell regex runs only on the other cells: padded, "+5", bad values…
  const canonical = (cast: string) => `CAST(${cast} AS VARCHAR) = ${x}`;
  switch (rule.valueType) {
    case 'integer': {
      const cast = `TRY_CAST(${x} AS BIGINT)`;
      return `CASE WHEN ${canonical(cast)} OR ${matches(INTEGER_RE)} THEN ${cast} END`;
    }
    case 'decimal': {
      // A decimal that overflows a double ("1e999") is no number: it would be read as infinity.
      if (rule.decimalSeparator === ',') {
        const cast = `TRY_CAST(replace(${x}, ',', '.') AS DOUBLE)`;
        return `CASE WHEN ${matches(DECIMAL_COMMA_RE)} AND isfinite(${cast}) THEN ${cast} END`;
      }
      // The regex alone, without the canonical fast path of integers and dates: rendering a double as text costs
      // about twice the regex (≈ 80 vs 45 ns a value here), and since every canonical rendering of a finite double
      // matches the regex, the fast path never changed a result (tests/profiling/decimal-rule.test.ts).
      return `CASE WHEN ${matches(DECIMAL_DOT_RE)} AND isfinite(TRY_CAST(${x} AS DOUBLE)) THEN TRY_CAST(${x} AS DOUBLE) END`;
    }
    case 'boolean': {
      const words = (list: readonly string[]) => list.map(stringLiteral).join(', ');
      return `CASE WHEN lower(trim(${x})) IN (${words(TRUE_WORDS)}) THEN true WHEN lower(trim(${x})) IN (${words(FALSE_WORDS)}) THEN false END`;
    }
    case 'date': {
      const layout = DATE_FORMATS.find((f) => f.format === rule.dateFormat);
      return layout
        ? `CASE WHEN ${matches(layout.re)} THEN CAST(TRY_STRPTIME(trim(${x}), ${stringLiteral(layout.format)}) AS DATE) END`
        : // 10 bytes: years past 9999 render with more digits, BC dates with a suffix.
          `CASE WHEN (strlen(${x}) = 10 AND ${canonical(`TRY_CAST(${x} AS DATE)`)}) OR ${matches(ISO_DATE_RE)} THEN TRY_CAST(${x} AS DATE) END`;
    }
    case 'datetime': {
      // 19 bytes: DuckDB's rendering of a whole-second timestamp of years 0–9999 ('2019-03-23 20:21:09'), which
      // the datetime regex always matches; other years, fractions and time zones render longer. 114 vs 173 ms CPU
      // a million values (bench/profile/check-fast-paths.ts compares the two rules).
      const cast = `TRY_CAST(${x} AS TIMESTAMP)`;
      return `CASE WHEN (strlen(${x}) = 19 AND ${canonical(cast)}) OR ${matches(ISO_DATETIME_RE)} OR ${matches(ISO_DATE_RE)} THEN ${cast} END`;
    }
    case 'time':
      return `CASE WHEN ${matches(TIME_RE)} THEN TRY_CAST(${x} AS TIME) END`;
    case 'string':
      return x;
  }
}

/** SQL mapping a typed value to a double for moments, quantiles and histograms (temporal: epoch seconds). */
export function numericPositionSql(valueType: ValueType, v: string): string | null {
  switch (valueType) {
    case 'integer':
    case 'decimal':
      return `CAST(${v} AS DOUBLE)`;
    case 'date':
    case 'datetime':
      return `CAST(epoch(${v}) AS DOUBLE)`;
    case 'time':
      return `CAST(epoch(${v}) AS DOUBLE)`;
    default:
      return null;
  }
}

// ---- JS side of the same rules (sample inference) ----

const integerMatcher = fullMatcher(INTEGER_RE);
const dotMatcher = fullMatcher(DECIMAL_DOT_RE);
const commaMatcher = fullMatcher(DECIMAL_COMMA_RE);
const isoDateMatcher = fullMatcher(ISO_DATE_RE);
const isoDatetimeMatcher = fullMatcher(ISO_DATETIME_RE);
const timeMatcher = fullMatcher(TIME_RE);
const booleanWords = new Set<string>([...TRUE_WORDS, ...FALSE_WORDS]);

/** A (trimmed) value written as a plain number with a dot decimal: `6.6`, `-3`, `1e5`. */
export const isPlainNumber = (value: string) => dotMatcher.test(value);

function isValidCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const layoutMatchers = new Map<string, RegExp>(DATE_FORMATS.map((layout) => [layout.format, fullMatcher(layout.re)]));

function parsesAsLayout(value: string, layout: (typeof DATE_FORMATS)[number]): boolean {
  if (!layoutMatchers.get(layout.format)!.test(value)) return false;
  const parts = value.split(/[/.]/).map(Number);
  const [a = 0, b = 0, c = 0] = parts;
  if (layout.order === 'dmy') return isValidCalendarDate(c, b, a);
  if (layout.order === 'mdy') return isValidCalendarDate(c, a, b);
  return isValidCalendarDate(a, b, c);
}

function parsesAsIsoDate(value: string): boolean {
  if (!isoDateMatcher.test(value)) return false;
  const [y = 0, m = 0, d = 0] = value.split('-').map(Number);
  return isValidCalendarDate(y, m, d);
}

/** Share of the (trimmed, non-missing) sample values parsing as each candidate; keys are stable names. */
export function candidateShares(values: readonly string[]): Record<string, number> {
  const n = values.length;
  // Every number, date and time rule starts with a digit, a sign, '.' or ',': other values (text) need no test.
  const candidates = values.filter((v) => /^[0-9+\-.,]/.test(v));
  const share = (test: (v: string) => boolean) => (n === 0 ? 0 : candidates.filter(test).length / n);
  const shares: Record<string, number> = {
    boolean: n === 0 ? 0 : values.filter((v) => booleanWords.has(v.toLowerCase())).length / n,
    integer: share((v) => integerMatcher.test(v)),
    'decimal(.)': share((v) => dotMatcher.test(v) && Number.isFinite(Number(v))),
    'decimal(,)': share((v) => commaMatcher.test(v) && Number.isFinite(Number(v.replace(',', '.')))),
    'date(ISO)': share(parsesAsIsoDate),
    datetime: share((v) => isoDatetimeMatcher.test(v) || parsesAsIsoDate(v)),
    time: share((v) => timeMatcher.test(v)),
  };
  for (const layout of DATE_FORMATS) shares[`date(${layout.format})`] = share((v) => parsesAsLayout(v, layout));
  return shares;
}

/** The candidateShares key of a rule: 'integer', 'decimal(,)', 'date(%d/%m/%Y)'… ('string' has none). */
function ruleKey(rule: ParseRule): string {
  switch (rule.valueType) {
    case 'decimal':
      return `decimal(${rule.decimalSeparator ?? '.'})`;
    case 'date':
      return `date(${rule.dateFormat ?? 'ISO'})`;
    default:
      return rule.valueType;
  }
}

/** Does the (trimmed) value parse under the rule? */
export function parsesAs(rule: ParseRule, value: string): boolean {
  return (candidateShares([value.trim()])[ruleKey(rule)] ?? 0) === 1;
}

/** Picks the most specific type that at least `threshold` of the sample parses as. */
export function chooseParseRule(shares: Record<string, number>, threshold: number): ParseRule {
  const at = (key: string) => shares[key] ?? 0;
  const rule = (valueType: ValueType, decimalSeparator: '.' | ',' | null = null, dateFormat: string | null = null) => ({
    valueType,
    decimalSeparator,
    dateFormat,
  });
  if (at('boolean') >= threshold) return rule('boolean');
  const dot = at('decimal(.)');
  const comma = at('decimal(,)');
  // Integers only if no value needs a fractional part: a column of ages with some "28.5" is decimal.
  if (at('integer') >= threshold && Math.max(dot, comma) === at('integer')) return rule('integer');
  if (Math.max(dot, comma) >= threshold) return comma > dot ? rule('decimal', ',') : rule('decimal', '.');
  if (at('date(ISO)') >= threshold) return rule('date');
  const bestLayout = DATE_FORMATS.map((layout) => ({ layout, share: at(`date(${layout.format})`) })).sort((a, b) => b.share - a.share)[0];
  if (bestLayout && bestLayout.share >= threshold) return rule('date', null, bestLayout.layout.format);
  if (at('datetime') >= threshold) return rule('datetime');
  if (at('time') >= threshold) return rule('time');
  return rule('string');
}
