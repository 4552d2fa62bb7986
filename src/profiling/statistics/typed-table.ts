/**
 * The single read of the file: every column is parsed once into a temporary table holding, per column,
 *   t{i}  the null token matched (1-based index into the token list; 1 = empty/absent), else NULL
 *   v{i}  the typed value (text columns: the raw text) when present and parseable
 *   b{i}  the raw text when present but not parseable as the column's type (typed columns only)
 * All later passes read this table instead of re-parsing the file. DuckDB spills it to the temp directory
 * when it exceeds the memory limit.
 */
import type { DuckDBSession } from '../engine/duckdb-session.js';
import { stringListLiteral } from '../engine/sql.js';
import type { ColumnPlan } from '../inference/column-plan.js';
import { typedValueSql } from '../inference/value-parsers.js';
import type { SourceRelation } from '../reader/source-relation.js';
import { translateReadError } from '../reader/source-relation.js';

export const PROFILED_TABLE = 'profiled';
export const tokenColumn = (index: number) => `t${index}`;
export const valueColumn = (index: number) => `v${index}`;
export const badColumn = (index: number) => `b${index}`;

export function hasBadColumn(plan: ColumnPlan): boolean {
  return plan.rule.valueType !== 'string';
}

export async function loadTypedTable(
  session: DuckDBSession,
  source: SourceRelation,
  filePath: string,
  plans: readonly ColumnPlan[],
  nullTokens: readonly string[],
  onProgress: (percent: number) => void,
): Promise<number> {
  const tokens = stringListLiteral(nullTokens);
  // Only short cells can be null tokens; testing the byte length first skips a trim and a list search per cell.
  const longestToken = Math.max(...nullTokens.map((t) => Buffer.byteLength(t)));
  const inner = plans.map(({ index }) => {
    const raw = source.rawColumn(index);
    const token = `CASE WHEN ${raw} IS NULL THEN 1 WHEN strlen(${raw}) <= ${longestToken + 16} THEN list_position(${tokens}, trim(${raw})) END`;
    return `CAST(${token} AS UTINYINT) AS ${tokenColumn(index)}, ${raw} AS r${index}`;
  });
  const outer = plans.map((plan) => {
    const { index } = plan;
    const t = tokenColumn(index);
    if (!hasBadColumn(plan)) return `${t}, CASE WHEN ${t} IS NULL THEN r${index} END AS ${valueColumn(index)}`;
    const typed = typedValueSql(plan.rule, `r${index}`);
    return `${t}, CASE WHEN ${t} IS NULL THEN ${typed} END AS ${valueColumn(index)}, CASE WHEN ${t} IS NULL AND ${valueColumn(index)} IS NULL THEN r${index} END AS ${badColumn(index)}`;
  });
  const sql = `CREATE OR REPLACE TEMP TABLE ${PROFILED_TABLE} AS SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${source.fromSql})`;
  try {
    await session.run(sql, [filePath], onProgress);
  } catch (error) {
    throw translateReadError(error);
  }
  const row = await session.one(`SELECT count(*) AS n FROM ${PROFILED_TABLE}`);
  return Number(row['n']);
}
