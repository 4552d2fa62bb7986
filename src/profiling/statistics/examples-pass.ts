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
import { invalidValueSql, numericExpression, paddedSql, semanticSql } from './column-sql.js';
import { outsideFencesSql } from './distribution-rules.js';
import type { ColumnFacts, DistributionFacts } from './facts.js';
import { PROFILED_TABLE, badColumn, valueColumn } from './typed-table.js';

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

/**
 * With this many "first rows" requests (a wide file: one per column with missing cells…), their first matches are
 * looked for in one scan of the table's first PREFIX_ROWS rows: each row's matches unnested into (request, row)
 * pairs, numbered per request. Only the requests with fewer than five matches there get a branch of their own,
 * over the rows after. A filtered branch per request costs little on a narrow file, but 1,500 of them took seconds
 * to plan and run over a 1,000-column table; a top-5 aggregate per request over the prefix, twice as long as the
 * pairs.
 */
const PREFIX_MIN_REQUESTS = 64;
const PREFIX_ROWS = 2048;

export async function fetchExamples(session: DuckDBSession, requests: readonly ExampleRequest[]): Promise<Map<string, RowValue[]>> {
  const examples = new Map<string, RowValue[]>(requests.map((r) => [r.key, []]));
  if (requests.length === 0) return examples;
  const firstRows = requests.filter((r) => r.orderBy === null);
  // Requests still looking for matches, with how many they still need and the rows they have been searched up to.
  let pending = requests.map((request) => ({ request, limit: EXAMPLE_LIMIT, from: 0 }));
  if (firstRows.length >= PREFIX_MIN_REQUESTS) {
    const found = await firstRowsInPrefix(session, firstRows);
    firstRows.forEach((request, i) => {
      examples.get(request.key)!.push(...found[i]!);
    });
    pending = pending.flatMap((p) => {
      if (p.request.orderBy !== null) return [p];
      const have = examples.get(p.request.key)!.length;
      return have >= EXAMPLE_LIMIT ? [] : [{ request: p.request, limit: EXAMPLE_LIMIT - have, from: PREFIX_ROWS }];
    });
  }
  if (pending.length > 0) {
    const branches = pending.map(({ request: r, limit, from }, i) => {
      const order = r.orderBy === null ? '' : ` ORDER BY ${r.orderBy}, rowid`;
      const where = from === 0 ? r.condition : `rowid >= ${from} AND (${r.condition})`;
      return `(SELECT ${i} AS request, rowid AS r, CAST(${r.value} AS VARCHAR) AS v FROM ${PROFILED_TABLE} WHERE ${where}${order} LIMIT ${limit})`;
    });
    for (const row of await session.rows(branches.join(' UNION ALL '))) {
      const { request } = pending[toCount(row['request'])]!;
      examples.get(request.key)!.push({ row: toCount(row['r']) + 1, value: String(row['v'] ?? '') });
    }
  }
  for (const list of examples.values()) list.sort((a, b) => a.row - b.row);
  return examples;
}

/** The first matches (at most EXAMPLE_LIMIT) of each request among the table's first PREFIX_ROWS rows, in one scan. */
async function firstRowsInPrefix(session: DuckDBSession, requests: readonly ExampleRequest[]): Promise<RowValue[][]> {
  const ids = requests.map((_, i) => i).join(', ');
  const matches = requests.map((r) => `CASE WHEN ${r.condition} THEN {'v': CAST(${r.value} AS VARCHAR)} END`).join(', ');
  const pairs = `SELECT unnest([${ids}]) AS request, rowid AS r, unnest([${matches}]) AS m FROM ${PROFILED_TABLE} WHERE rowid < ${PREFIX_ROWS}`;
  const found: RowValue[][] = requests.map(() => []);
  const rows = await session.rows(
    `SELECT request, r, m.v AS v FROM (SELECT request, r, m, row_number() OVER (PARTITION BY request ORDER BY r) AS k ` +
      `FROM (${pairs}) WHERE m IS NOT NULL) WHERE k <= ${EXAMPLE_LIMIT}`,
  );
  for (const row of rows) found[toCount(row['request'])]!.push({ row: toCount(row['r']) + 1, value: String(row['v'] ?? '') });
  return found;
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
  const v = valueColumn(plan);
  const requests: ExampleRequest[] = [];
  if (facts.invalidCount > 0) {
    requests.push({ key: `${index}:invalid`, value: badColumn(plan), condition: invalidValueSql(plan), orderBy: null });
  }
  if (facts.semanticMatchingCount !== null && facts.semanticMatchingCount < facts.validCount) {
    requests.push({ key: `${index}:semanticMismatch`, value: v, condition: `NOT ${semanticSql(plan)}`, orderBy: null });
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
