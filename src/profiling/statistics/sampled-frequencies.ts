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
  for (const row of await session.rows(union)) {
    const index = toCount(row['col']);
    const list = frequencies.get(index) ?? [];
    list.push({ value: String(row['value']), count: toCount(row['n']) });
    frequencies.set(index, list);
  }
  await session.run('DROP TABLE frequency_sample');
  return { frequencies, sampleRows: Math.min(rowCount, sampleRows), approximate };
}
