/**
 * The top values of a sampled text column are picked from the sample, but their counts are then taken on the
 * whole column: a handful of values per column, one filtered scan each, so the counts a report shows beside
 * named values are counts, never a sample's estimate (`×100` for a value that occurs once).
 */
import type { DuckDBSession } from '../engine/duckdb-session.js';
import type { ColumnPlan } from '../inference/column-plan.js';
import type { TopValue } from '../distribution-schema.js';
import { SINGLE_SCAN_MIN_BRANCHES } from './aggregate-query.js';
import { PROFILED_TABLE, valueColumn } from './typed-table.js';

export type RecountRequest = { index: number; values: readonly string[] };

/** Exact counts of the named values, by column index and value. */
export async function recountValues(
  session: DuckDBSession,
  plans: readonly ColumnPlan[],
  requests: readonly RecountRequest[],
): Promise<Map<number, Map<string, number>>> {
  const counts = new Map<number, Map<string, number>>();
  const asked = requests.filter((r) => r.values.length > 0);
  if (asked.length === 0) return counts;
  // The values are user data: parameters, never SQL text.
  const params: string[] = [];
  const matches = asked.map(({ index, values }) => {
    const placeholders = values.map((value) => {
      params.push(value);
      return `$${params.length}`;
    });
    const v = valueColumn(plans[index]!);
    return { index, v, condition: `${v} IN (${placeholders.join(', ')})` };
  });
  // Many columns (a wide file): one scan, each row's matching values unnested, instead of a scan per column.
  const parts =
    matches.length >= SINGLE_SCAN_MIN_BRANCHES
      ? [
          `SELECT g AS c, k AS v, count(*) AS n FROM (SELECT unnest([${matches.map((m) => m.index).join(', ')}]) AS g, ` +
            `unnest([${matches.map((m) => `CASE WHEN ${m.condition} THEN ${m.v} END`).join(', ')}]) AS k FROM ${PROFILED_TABLE}) ` +
            'WHERE k IS NOT NULL GROUP BY ALL',
        ]
      : matches.map(
          ({ index, v, condition }) =>
            `SELECT ${index} AS c, ${v} AS v, count(*) AS n FROM ${PROFILED_TABLE} WHERE ${condition} GROUP BY ALL`,
        );
  for (const row of await session.rows(parts.join('\nUNION ALL\n'), params)) {
    const column = Number(row['c']);
    if (!counts.has(column)) counts.set(column, new Map());
    counts.get(column)!.set(String(row['v']), Number(row['n']));
  }
  return counts;
}

/** Top values with their exact counts and shares of `present` values, in report order again. */
export function withExactCounts(values: readonly TopValue[], exact: ReadonlyMap<string, number>, present: number): TopValue[] {
  return values
    .map((v) => {
      const count = exact.get(v.value) ?? 0;
      return { value: v.value, count, share: present === 0 ? 0 : count / present };
    })
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}
