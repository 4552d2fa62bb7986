/**
 * Value frequencies of high-cardinality text columns, where an exact group-by per column would cost a full
 * hash aggregation each: exact when the table fits the pattern sample, else from one reservoir sample.
 */
import type { DuckDBSession } from '../engine/duckdb-session.js';
import { toCount } from '../engine/duckdb-session.js';
import type { ValueCount } from './frequency-summary.js';
import { PROFILED_TABLE, valueColumn } from './typed-table.js';

export interface SampledFrequencies {
  frequencies: Map<number, ValueCount[]>;
  /** Rows in the sample (equal to the table's rows when exact). */
  sampleRows: number;
  approximate: boolean;
}

export async function sampleFrequencies(
  session: DuckDBSession,
  columnIndexes: readonly number[],
  rowCount: number,
  sampleRows: number,
): Promise<SampledFrequencies> {
  const frequencies = new Map<number, ValueCount[]>();
  if (columnIndexes.length === 0) return { frequencies, sampleRows: rowCount, approximate: false };
  const approximate = rowCount > sampleRows;
  const columns = columnIndexes.map(valueColumn).join(', ');
  // A fixed seed keeps profiles of the same file identical from run to run.
  const sampling = approximate ? ` USING SAMPLE reservoir(${Math.floor(sampleRows)} ROWS) REPEATABLE (42)` : '';
  await session.run(`CREATE OR REPLACE TEMP TABLE frequency_sample AS SELECT ${columns} FROM ${PROFILED_TABLE}${sampling}`);
  const union = columnIndexes
    .map((index) => {
      const v = valueColumn(index);
      return `SELECT ${index} AS col, ${v} AS value, count(*) AS n FROM frequency_sample WHERE ${v} IS NOT NULL GROUP BY ${v}`;
    })
    .join(' UNION ALL ');
  // Tens of thousands of (value, count) rows: converting each value through the driver costs far more than
  // the query, so each column's list comes back as one JSON text (same rows, same order), parsed natively.
  const packed = await session.rows(
    `SELECT col, CAST(to_json(list({'value': CAST(value AS VARCHAR), 'n': n} ORDER BY position)) AS VARCHAR) AS entries
     FROM (SELECT *, row_number() OVER () AS position FROM (${union})) GROUP BY col`,
  );
  for (const row of packed) {
    const index = toCount(row['col']);
    const list = frequencies.get(index) ?? [];
    for (const entry of JSON.parse(String(row['entries'])) as { value: string; n: number }[]) {
      list.push({ value: String(entry.value), count: toCount(entry.n) });
    }
    frequencies.set(index, list);
  }
  await session.run('DROP TABLE frequency_sample');
  return { frequencies, sampleRows: Math.min(rowCount, sampleRows), approximate };
}
