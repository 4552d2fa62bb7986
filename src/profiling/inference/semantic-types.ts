/**
 * Semantic types: what a text column holds (emails, URLs…). Each rule is a whole-value regex shared by the JS
 * sample check and the SQL full-data count, except country codes (a fixed list) and free text (a heuristic on
 * words, since "prose" has no shape).
 */
import { stringLiteral } from '../engine/sql.js';
import type { SemanticType } from '../distribution-schema.js';
import { ISO_COUNTRY_CODES } from './country-codes.js';
import { fullMatcher } from './value-parsers.js';

const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const HEX4 = '[0-9a-fA-F]{1,4}';
const AMOUNT = '[+-]?[0-9]{1,3}(,?[0-9]{3})*([.][0-9]+)?';
const CURRENCY_CODES = '(USD|EUR|GBP|JPY|CHF|CAD|AUD|CNY|INR)';

/** In priority order: on equal shares the earlier (more specific) type wins. */
const REGEX_RULES: { type: SemanticType; body: string }[] = [
  { type: 'uuid', body: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}' },
  { type: 'email', body: "[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+([.][A-Za-z0-9-]+)*[.][A-Za-z]{2,}" },
  { type: 'url', body: '(https?|ftp)://[^\\s/$.?#][^\\s]*|www[.][^\\s]+[.][^\\s]+' },
  {
    type: 'ip_address',
    body: `(${OCTET}[.]){3}${OCTET}|(${HEX4}:){7}${HEX4}|(${HEX4}:){1,7}:|(${HEX4}:){1,6}:${HEX4}|::(${HEX4}:){0,5}${HEX4}`,
  },
  { type: 'percentage', body: '[+-]?[0-9]+([.,][0-9]+)?\\s?%' },
  {
    type: 'currency_amount',
    body: `[$€£¥₹]\\s?${AMOUNT}|${AMOUNT}\\s?([$€£¥₹]|${CURRENCY_CODES})|${CURRENCY_CODES}\\s?${AMOUNT}`,
  },
  {
    type: 'postal_code',
    body: '[0-9]{5}(-[0-9]{4})?|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}|[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]|[0-9]{4} ?[A-Z]{2}|[0-9]{2}-[0-9]{3}',
  },
  { type: 'phone', body: '[+]?([0-9]{1,3}[ .-]?)?([(][0-9]{2,4}[)][ .-]?)?[0-9]{2,4}([ .-]?[0-9]{2,4}){1,3}' },
];

/** Choosing free_text needs mostly values of three words or more (see guessFreeText). */
const THREE_WORDS_RE = '\\S\\s+\\S+\\s+\\S';
/**
 * Once chosen, a value conforms to free_text when it has more than one word (contains a space): a byte search
 * instead of a regex on what are usually the longest cells of a file.
 */
const isMultiWord = (value: string) => value.includes(' ');
const countryCodes = new Set(ISO_COUNTRY_CODES);
const matchers = REGEX_RULES.map((rule) => ({ ...rule, matcher: fullMatcher(rule.body) }));
const threeWordsMatcher = new RegExp(THREE_WORDS_RE, 'u');
const WHITESPACE_RUN = /\s+/u;
const LETTER = /\p{L}/u;
const NO_UPPER_CASE = /^\P{Lu}*$/u;

export interface SemanticGuess {
  type: SemanticType;
  sampleShare: number;
}

/** Chooses the semantic type of a text column from trimmed, non-missing sample values. */
export function guessSemanticType(values: readonly string[], threshold: number): SemanticGuess | null {
  if (values.length === 0) return null;
  const shareOf = (test: (v: string) => boolean) => values.filter(test).length / values.length;
  let best: SemanticGuess | null = null;
  for (const { type, matcher } of matchers) {
    const sampleShare = shareOf((v) => matcher.test(v));
    if (sampleShare >= threshold && (!best || sampleShare > best.sampleShare)) best = { type, sampleShare };
  }
  const countryShare = shareOf((v) => countryCodes.has(v));
  if (countryShare >= threshold && (!best || countryShare > best.sampleShare)) {
    best = { type: 'country_code', sampleShare: countryShare };
  }
  return best ?? guessFreeText(values, threshold);
}

/**
 * Prose: mostly multi-word values with mostly lower-case words. The case test keeps lists of names
 * ("Braund, Mr. Owen Harris") out, since every word of a name is capitalised.
 */
function guessFreeText(values: readonly string[], threshold: number): SemanticGuess | null {
  const threeWordShare = values.filter((v) => threeWordsMatcher.test(v)).length / values.length;
  // Every condition below must hold: a column that is not mostly three-word values needs no word count.
  if (threeWordShare < threshold) return null;
  let words = 0;
  let lowerCaseWords = 0;
  for (const value of values) {
    for (const word of value.split(WHITESPACE_RUN)) {
      if (!LETTER.test(word)) continue;
      words++;
      if (NO_UPPER_CASE.test(word)) lowerCaseWords++;
    }
  }
  if (words === 0) return null;
  const meanWords = words / values.length;
  const lowerShare = lowerCaseWords / words;
  if (meanWords >= 3.5 && lowerShare >= 0.5) {
    return { type: 'free_text', sampleShare: values.filter(isMultiWord).length / values.length };
  }
  return null;
}

/** The whole-value regex body of a semantic type's rule (null for country codes and free text, which have none). */
export function semanticRuleBody(type: SemanticType): string | null {
  return REGEX_RULES.find((rule) => rule.type === type)?.body ?? null;
}

/**
 * SQL boolean: does the text `x` conform to the semantic type? Surrounding whitespace is tolerated inside the
 * regex (as the JS side trims), which avoids a trim() copy per value.
 */
export function semanticMatchSql(type: SemanticType, x: string): string {
  if (type === 'country_code') return `(trim(${x}) IN (${ISO_COUNTRY_CODES.map(stringLiteral).join(', ')}))`;
  if (type === 'free_text') return `contains(${x}, ' ')`;
  const body = semanticRuleBody(type);
  // Anchored regexp_matches is the same whole-value test as regexp_full_match (RE2's $ is the end of the text),
  // ≈ 13% cheaper on the email rule.
  return `regexp_matches(${x}, ${stringLiteral(`^\\s*(?:${body})\\s*$`)})`;
}
