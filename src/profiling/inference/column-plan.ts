/**
 * The per-column decisions taken from the inference sample (the first rows of the file): how values parse,
 * which semantic type to check, and the sample itself, kept for shapes of typed columns.
 */
import type { ResolvedProfileOptions } from '../options.js';
import { learnColumnMarkers } from './missing-markers.js';
import { learnNumberUnit, type NumberUnit } from './number-units.js';
import { chooseParseRule, candidateShares, parsesAs, type ParseRule } from './value-parsers.js';
import { guessSemanticType, type SemanticGuess } from './semantic-types.js';

export interface ColumnPlan {
  index: number;
  originalName: string;
  /** Unique, non-empty, ≤255 chars: what gets persisted and printed. */
  columnName: string;
  rule: ParseRule;
  /**
   * What counts as missing in this column, compared after trimming: the analysis' null tokens ('' first), then the
   * markers learned from the file (missing-markers.ts). A text cell's token column holds the 1-based index here.
   */
  nullTokens: readonly string[];
  /** The learned markers among nullTokens. */
  learnedMarkers: readonly string[];
  /** Null tokens that parse as the column's type (`-999` in a number column): set to missing before typing. */
  typedNullTokens: readonly string[];
  candidateShares: Record<string, number>;
  semantic: SemanticGuess | null;
  /** Text columns of numbers written with a unit (`12 oz`, `$5`): the unit, counted on the full data. */
  unit: NumberUnit | null;
  /** Raw non-missing sample values (untrimmed). */
  sampleValues: string[];
  /**
   * Distinct values in the whole column, estimated from the sample before the full pass (bias-corrected Chao1:
   * the values seen, plus as many unseen ones as the values seen once and twice suggest). A hint, not a figure:
   * it decides which columns are counted value by value.
   */
  estimatedDistinct: number;
  /**
   * Where the column's cells are kept in the typed table when it is packed into lists (wide files; see
   * statistics/typed-table.ts, withTableLayout); absent: one table column per field (v{i}, b{i}, t{i}…).
   */
  storage?: CellStorage;
}

/** A field of a packed typed table: element `position` (1-based) of list column l{list}. */
export interface StorageSlot {
  list: number;
  position: number;
}

/** The slots of one column's fields in a packed typed table (statistics/typed-table.ts). */
export interface CellStorage {
  value: StorageSlot;
  token: StorageSlot | null;
  bad: StorageSlot | null;
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
  const columnNames = safeColumnNames(names);
  const given = new Set(options.nullTokens);
  const nonMissing = (index: number, tokens: ReadonlySet<string>) => {
    const values: string[] = [];
    for (const row of sampleRows) {
      const value = row[index] ?? null;
      if (!isNullToken(value, tokens)) values.push(value as string);
    }
    return values;
  };
  const learned = names.map((_, index) =>
    learnColumnMarkers(
      nonMissing(index, given).map((v) => v.trim()),
      options,
    ),
  );
  const fileMarkers = learned.flatMap((markers) => markers.file);
  return names.map((originalName, index) => {
    const nullTokens = [...new Set([...options.nullTokens, ...fileMarkers, ...learned[index]!.column])];
    const sampleValues = nonMissing(index, new Set(nullTokens));
    const trimmed = sampleValues.map((v) => v.trim());
    const shares = candidateShares(trimmed);
    const rule = chooseParseRule(shares, options.typeThreshold);
    return {
      index,
      originalName,
      columnName: columnNames[index]!,
      rule,
      nullTokens,
      learnedMarkers: nullTokens.filter((token) => !given.has(token)),
      typedNullTokens: rule.valueType === 'string' ? [] : nullTokens.filter((token) => token !== '' && parsesAs(rule, token)),
      candidateShares: shares,
      semantic: rule.valueType === 'string' ? guessSemanticType(trimmed, options.semanticThreshold) : null,
      unit: rule.valueType === 'string' ? learnNumberUnit(trimmed, options) : null,
      sampleValues,
      estimatedDistinct: chao1(sampleValues),
    };
  });
}
