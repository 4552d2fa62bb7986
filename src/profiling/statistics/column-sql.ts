/**
 * SQL expressions over the typed table's columns (typed-table.ts) that several passes, the examples and the row
 * checks share, so that a count and the examples shown for it select the same rows. A leaf: the passes import
 * it, it imports none of them.
 */
import { stringLiteral } from '../engine/sql.js';
import type { ColumnPlan } from '../inference/column-plan.js';
import { unitValueRegex } from '../inference/number-units.js';
import { semanticMatchSql } from '../inference/semantic-types.js';
import { numericPositionSql } from '../inference/value-parsers.js';
import { badColumn, nullTokenIndexSql, valueColumn } from './typed-table.js';

/** SQL: the column's value as a DOUBLE position (numbers; epoch seconds of temporal values); null for text and booleans. */
export function numericExpression(plan: ColumnPlan): string | null {
  return numericPositionSql(plan.rule.valueType, valueColumn(plan));
}

/** SQL: does the text `x` match the (text) column's semantic type? */
export function semanticSql(plan: ColumnPlan, x: string = valueColumn(plan)): string {
  return semanticMatchSql(plan.semantic!.type, x);
}

/** SQL: is the text `x` a number written with the (text) column's unit? */
export function unitSql(plan: ColumnPlan, x: string = valueColumn(plan)): string {
  return `regexp_full_match(${x}, ${stringLiteral(`\\s*(?:${unitValueRegex(plan.unit!)})\\s*`)})`;
}

/** SQL: is the unparsed text b{i} a real bad value (not a null token)? */
export function invalidValueSql(plan: ColumnPlan): string {
  const b = badColumn(plan);
  return `(${b} IS NOT NULL AND ${nullTokenIndexSql(b, plan.nullTokens)} IS NULL)`;
}

/** SQL: leading or trailing space/tab/newline, by prefix/suffix tests that allocate nothing (trim() copies). */
export function paddedSql(v: string): string {
  const ends = (side: 'prefix' | 'suffix') => ["' '", 'chr(9)', 'chr(10)', 'chr(13)'].map((ch) => `${side}(${v}, ${ch})`).join(' OR ');
  // The four whitespace characters sort before '!', so `v < '!'` (a comparison of the first bytes, cheaper than a
  // prefix() call) rules out a padded start for almost every value and the prefix tests run on the rest only.
  return `((${v} < '!' AND (${ends('prefix')})) OR ${ends('suffix')})`;
}

/** SQL counting the rows where `condition` holds: sum of a cast is several times cheaper than count(*) FILTER. */
export function countWhereSql(condition: string): string {
  return `sum(CAST(${condition} AS INTEGER))`;
}
