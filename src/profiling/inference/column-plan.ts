/**
 * The per-column decisions taken from the inference sample (the first rows of the file): how values parse,
 * which semantic type to check, and the sample itself, kept for shapes of typed columns.
 */
import type { ResolvedProfileOptions } from '../options.js';
import { chooseParseRule, candidateShares, type ParseRule } from './value-parsers.js';
import { guessSemanticType, type SemanticGuess } from './semantic-types.js';

export interface ColumnPlan {
  index: number;
  originalName: string;
  /** Unique, non-empty, ≤255 chars: what gets persisted and printed. */
  columnName: string;
  rule: ParseRule;
  candidateShares: Record<string, number>;
  semantic: SemanticGuess | null;
  /** Raw non-missing sample values (untrimmed). */
  sampleValues: string[];
  /**
   * Distinct values in the whole column, estimated from the sample before the full pass (bias-corrected Chao1:
   * the values seen, plus as many unseen ones as the values seen once and twice suggest). A hint, not a figure:
   * it decides which columns are counted value by value.
   */
  estimatedDistinct: number;
}

export const MAX_NAME_LENGTH = 255;

/** Empty names get their position, duplicates a numeric suffix, long names are cut: each stays recognisable. */
export function safeColumnNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name, index) => {
    const base = (name.trim() === '' ? `column_${index + 1}` : name).slice(0, MAX_NAME_LENGTH);
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) {
      const suffix = `_${n}`;
      candidate = base.slice(0, MAX_NAME_LENGTH - suffix.length) + suffix;
    }
    used.add(candidate);
    return candidate;
  });
}

/** Bias-corrected Chao1 estimate of the number of distinct values from a sample of them. */
export function chao1(values: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let once = 0;
  let twice = 0;
  for (const count of counts.values()) {
    if (count === 1) once++;
    else if (count === 2) twice++;
  }
  return counts.size + (once * (once - 1)) / (2 * (twice + 1));
}

export function isNullToken(value: string | null, tokens: ReadonlySet<string>): boolean {
  return value === null || tokens.has(value.trim());
}

export function planColumns(
  names: readonly string[],
  sampleRows: readonly (readonly (string | null)[])[],
  options: ResolvedProfileOptions,
): ColumnPlan[] {
  const tokens = new Set(options.nullTokens);
  const columnNames = safeColumnNames(names);
  return names.map((originalName, index) => {
    const sampleValues: string[] = [];
    for (const row of sampleRows) {
      const value = row[index] ?? null;
      if (!isNullToken(value, tokens)) sampleValues.push(value as string);
    }
    const trimmed = sampleValues.map((v) => v.trim());
    const shares = candidateShares(trimmed);
    const rule = chooseParseRule(shares, options.typeThreshold);
    return {
      index,
      originalName,
      columnName: columnNames[index]!,
      rule,
      candidateShares: shares,
      semantic: rule.valueType === 'string' ? guessSemanticType(trimmed, options.semanticThreshold) : null,
      sampleValues,
      estimatedDistinct: chao1(sampleValues),
    };
  });
}
