/**
 * Value frequencies of high-cardinality text columns, where an exact group-by per column would cost a full
 * hash aggregation each: exact when the table fits the pattern sample, else from one seeded row sample.
 */
import type { DuckDBSession } from '../engine/duckdb-session.js';
import { toCount } from '../engine/duckdb-session.js';
import type { ValueCount } from './frequency-summary.js';
import { GroupCountQuery } from './aggregate-query.js';
import { PROFILED_TABLE, valueColumn } from './typed-table.js';

export interface SampledFrequencies {
  frequencies: Map<number, ValueCount[]>;
  /** Rows in the sample (equal to the table's rows when exact). */
  sampleRows: number;
  approximate: boolean;
}

/** Rows are sampled by a hash of the row number: p = sampleRows / rowCount, the same rows on every run. */
const SAMPLE_HASH_MODULUS = 1 << 30;
const FREQUENCY_SAMPLE_TABLE = 'frequency_sample';

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
  // A row-number hash (a different salt from the quantile sample's) picks about sampleRows rows, the same
  // ones on every run: a fifth of the cost of a reservoir sample, which must see every row of the columns.
  const threshold = Math.ceil((sampleRows / Math.max(1, rowCount)) * SAMPLE_HASH_MODULUS);
  const sampling = approximate ? ` WHERE hash(rowid + 7) % ${SAMPLE_HASH_MODULUS} < ${threshold}` : '';
  const created = await session.one(`CREATE OR REPLACE TEMP TABLE ${FREQUENCY_SAMPLE_TABLE} AS SELECT ${columns} FROM ${PROFILED_TABLE}${sampling}`);
  const sampled = toCount(created['Count']);
  // Tens of thousands of (value, count) pairs: each column's list comes back as one JSON text.
  const groups = new GroupCountQuery();
  const ids = columnIndexes.map((index) => groups.add(valueColumn(index), null, 'text'));
  const counts = await groups.run(session, FREQUENCY_SAMPLE_TABLE);
  columnIndexes.forEach((index, i) => {
    const list = counts[ids[i]!]!;
    if (list.length > 0) frequencies.set(index, list.map(({ key, count }) => ({ value: String(key), count })));
  });
  await session.run(`DROP TABLE ${FREQUENCY_SAMPLE_TABLE}`);
  return { frequencies, sampleRows: approximate ? sampled : rowCount, approximate };
}
