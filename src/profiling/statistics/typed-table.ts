/**
 * The single full read of the file: every column is parsed once into a temporary table, so later passes never
 * re-parse text. Per-cell string work is what dominates the cost, so the table keeps as little as possible:
 *   typed columns (numbers, dates, booleans…)
 *     v{i}  the typed value when the text parses
 *     b{i}  the raw text when present but not parsing (rare): null tokens and genuinely bad values, told apart
 *           later on these few rows only
 *   text columns
 *     t{i}  the null token matched (1-based index into the column's ColumnPlan.nullTokens; 1 = empty/absent), else NULL
 *     v{i}  the raw text when it is not a null token
 *     s{i}  whether v{i} matches the column's semantic type (when it has one), so the regex runs once per cell
 *           and later counts and examples are cheap filters
 *     u{i}  whether v{i} is a number written with the column's unit (when it has one)
 * An empty field (SQL NULL from the reader) is missing in both layouts. DuckDB spills the table to the temp
 * directory when it outgrows the memory limit.
 */
import type { DuckDBSession } from '../engine/duckdb-session.js';
import { stringListLiteral, stringLiteral } from '../engine/sql.js';
import type { ColumnPlan } from '../inference/column-plan.js';
import { unitValueRegex } from '../inference/number-units.js';
import { semanticMatchSql } from '../inference/semantic-types.js';
import { typedValueSql } from '../inference/value-parsers.js';
import type { SourceRelation } from '../reader/source-relation.js';
import { translateReadError } from '../reader/source-relation.js';

export const PROFILED_TABLE = 'profiled';
export const tokenColumn = (index: number) => `t${index}`;
export const valueColumn = (index: number) => `v${index}`;
export const badColumn = (index: number) => `b${index}`;
export const semanticColumn = (index: number) => `s${index}`;
export const unitColumn = (index: number) => `u${index}`;

export function isTextColumn(plan: ColumnPlan): boolean {
  return plan.rule.valueType === 'string';
}

/** Columns of the typed table that together hold everything about one cell (for row hashing). */
export function cellColumns(plan: ColumnPlan): string[] {
  return isTextColumn(plan) ? [tokenColumn(plan.index), valueColumn(plan.index)] : [valueColumn(plan.index), badColumn(plan.index)];
}

/** SQL: 1-based index of `text` in the null-token list, NULL when it is not a token. */
export function nullTokenIndexSql(text: string, nullTokens: readonly string[]): string {
  // Only short cells can be tokens: the O(1) byte-length test spares a trim and a list search on most cells.
  const tokenBytes = Math.max(...nullTokens.map((t) => Buffer.byteLength(t)));
  const longest = tokenBytes + 16;
  // trim() copies the string; it can only change a cell that starts or ends with a space (the one ASCII
  // character trim() strips) or holds non-ASCII characters (Unicode spaces), so other cells longer than every
  // token are no token, without trimming. Same result as trimming every cell, for a fraction of the cost.
  const mayBeToken = `(strlen(${text}) <= ${tokenBytes} OR prefix(${text}, ' ') OR suffix(${text}, ' ') OR strlen(${text}) <> length(${text}))`;
  return `CASE WHEN ${text} IS NULL THEN 1 WHEN strlen(${text}) <= ${longest} AND ${mayBeToken} THEN list_position(${stringListLiteral(nullTokens)}, trim(${text})) END`;
}

export async function loadTypedTable(
  session: DuckDBSession,
  source: SourceRelation,
  filePath: string,
  plans: readonly ColumnPlan[],
  onProgress: (percent: number) => void,
  /** Only the first rows of the file (null: all). */
  rowLimit: number | null = null,
): Promise<number> {
  const inner = plans.map((plan) => {
    const raw = source.rawColumn(plan.index);
    if (isTextColumn(plan))
      return `CAST(${nullTokenIndexSql(raw, plan.nullTokens)} AS UTINYINT) AS ${tokenColumn(plan.index)}, ${raw} AS r${plan.index}`;
    // A token that parses (`-999` among numbers) stays unparsed text, b{i}, which then reads as that token.
    const typed =
      plan.typedNullTokens.length === 0
        ? typedValueSql(plan.rule, raw)
        : `CASE WHEN list_contains(${stringListLiteral(plan.typedNullTokens)}, trim(${raw})) THEN NULL ELSE ${typedValueSql(plan.rule, raw)} END`;
    return `${typed} AS ${valueColumn(plan.index)}, ${raw} AS r${plan.index}`;
  });
  const outer = plans.map((plan) => {
    const { index } = plan;
    if (!isTextColumn(plan)) {
      return `${valueColumn(index)}, CASE WHEN ${valueColumn(index)} IS NULL THEN r${index} END AS ${badColumn(index)}`;
    }
    const text = `CASE WHEN ${tokenColumn(index)} IS NULL THEN r${index} END`;
    const semantic = plan.semantic
      ? `, CASE WHEN ${tokenColumn(index)} IS NULL THEN ${semanticMatchSql(plan.semantic.type, `r${index}`)} END AS ${semanticColumn(index)}`
      : '';
    const unit = plan.unit
      ? `, CASE WHEN ${tokenColumn(index)} IS NULL THEN regexp_full_match(r${index}, ${stringLiteral(`\\s*(?:${unitValueRegex(plan.unit)})\\s*`)}) END AS ${unitColumn(index)}`
      : '';
    return `${tokenColumn(index)}, ${text} AS ${valueColumn(index)}${semantic}${unit}`;
  });
  const limit = rowLimit === null ? '' : ' LIMIT $2';
  const sql = `CREATE OR REPLACE TEMP TABLE ${PROFILED_TABLE} AS SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${source.fromSql}${limit})`;
  try {
    // CREATE TABLE … AS reports the rows it wrote.
    const created = await session.one(sql, rowLimit === null ? [filePath] : [filePath, rowLimit], onProgress);
    return Number(created['Count']);
  } catch (error) {
    throw translateReadError(error);
  }
}
