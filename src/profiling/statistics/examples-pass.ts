/**
 * Row examples (first bad values, most extreme outliers…) for every column that has something to show, in one
 * statement of small filtered branches. "The first rows where …" is a filter with LIMIT 5 and no ORDER BY: the
 * session preserves insertion order, so the scan returns rows in file order and stops as soon as it has five
 * (≈ 1 ms instead of a scan of the whole table; tests/profiling/first-rows.test.ts checks the order across row
 * groups and threads). Only "the most extreme" needs ORDER BY … LIMIT 5, a scan of one narrow column.
 */
import type { RowValue } from '../distribution-schema.js';
import type { DuckDBSession } from '../engine/duckdb-session.js';
import { toCount } from '../engine/duckdb-session.js';
import { numberLiteral } from '../engine/sql.js';
import type { ColumnPlan } from '../inference/column-plan.js';
import { invalidValueSql, numericExpression, paddedSql } from './column-sql.js';
import { outsideFencesSql } from './distribution-rules.js';
import type { ColumnFacts, DistributionFacts } from './facts.js';
import { PROFILED_TABLE, badColumn, semanticColumn, valueColumn } from './typed-table.js';

export interface ExampleRequest {
  key: string;
  /** SQL for the value to show. */
  value: string;
  /** SQL filter selecting the rows worth showing. */
  condition: string;
  /** SQL ordering, e.g. 'abs(x - 3) DESC' (most extreme); null: the first rows in file order. */
  orderBy: string | null;
}

export const EXAMPLE_LIMIT = 5;

export async function fetchExamples(session: DuckDBSession, requests: readonly ExampleRequest[]): Promise<Map<string, RowValue[]>> {
  const examples = new Map<string, RowValue[]>(requests.map((r) => [r.key, []]));
  if (requests.length === 0) return examples;
  const branches = requests.map((r, i) => {
    const order = r.orderBy === null ? '' : ` ORDER BY ${r.orderBy}, rowid`;
    return `(SELECT ${i} AS request, rowid AS r, CAST(${r.value} AS VARCHAR) AS v FROM ${PROFILED_TABLE} WHERE ${r.condition}${order} LIMIT ${EXAMPLE_LIMIT})`;
  });
  for (const row of await session.rows(branches.join(' UNION ALL '))) {
    const request = requests[toCount(row['request'])]!;
    examples.get(request.key)!.push({ row: toCount(row['r']) + 1, value: String(row['v'] ?? '') });
  }
  for (const list of examples.values()) list.sort((a, b) => a.row - b.row);
  return examples;
}

export interface ColumnExamples {
  invalid: RowValue[];
  semanticMismatch: RowValue[];
  whitespace: RowValue[];
  outliers: RowValue[];
}

/** What is worth an example for this column, given the counts of passes 1 and 2 (nothing when all is well). */
export function columnExampleRequests(plan: ColumnPlan, facts: ColumnFacts, distribution: DistributionFacts): ExampleRequest[] {
  const { index } = plan;
  const v = valueColumn(index);
  const requests: ExampleRequest[] = [];
  if (facts.invalidCount > 0) {
    requests.push({ key: `${index}:invalid`, value: badColumn(index), condition: invalidValueSql(plan), orderBy: null });
  }
  if (facts.semanticMatchingCount !== null && facts.semanticMatchingCount < facts.validCount) {
    requests.push({ key: `${index}:semanticMismatch`, value: v, condition: `NOT ${semanticColumn(index)}`, orderBy: null });
  }
  if ((facts.whitespaceCount ?? 0) > 0) {
    requests.push({ key: `${index}:whitespace`, value: v, condition: paddedSql(v), orderBy: null });
  }
  const outliers = distribution.outliers;
  const n = numericExpression(plan);
  if (outliers && n && outliers.mildCount > 0) {
    requests.push({
      key: `${index}:outliers`,
      value: v,
      condition: outsideFencesSql(n, outliers.q1, outliers.q3, 1.5),
      orderBy: `abs(${n} - ${numberLiteral(outliers.median)}) DESC`,
    });
  }
  return requests;
}

export function examplesOf(index: number, fetched: ReadonlyMap<string, RowValue[]>): ColumnExamples {
  const get = (kind: keyof ColumnExamples) => fetched.get(`${index}:${kind}`) ?? [];
  return { invalid: get('invalid'), semanticMismatch: get('semanticMismatch'), whitespace: get('whitespace'), outliers: get('outliers') };
}
