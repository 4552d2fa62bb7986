/**
 * Value shapes ("patterns"): upper-case runs → 'A', other letter runs → 'a', digit runs → '9', whitespace runs
 * → ' ', everything else kept. So "John Smith" → "Aa Aa", "AB-1234" → "A-9", "2024-01-31" → "9-9-9".
 * Runs are collapsed so shapes group values of different lengths.
 */
const TOKEN = /(\p{Lu}+)|([\p{Ll}\p{Lt}\p{Lm}\p{Lo}]+)|(\p{Nd}+)|(\s+)/gu;

export function valueShape(value: string): string {
  return value.replace(TOKEN, (_match, upper, letter, digit) => (upper ? 'A' : letter ? 'a' : digit ? '9' : ' '));
}
