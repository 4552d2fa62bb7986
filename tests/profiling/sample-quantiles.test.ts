import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { interpolatedQuantile, sampleMedianAbsoluteDeviation } from '../../src/profiling/statistics/quantiles.js';

describe('sample quantiles in JS', () => {
  it("equal DuckDB's quantile_cont bit for bit, and the MAD its quantile_cont(abs(x - median), 0.5)", async () => {
    const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
    const connection = await instance.connect();
    const levels = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 0.1, 0.3333];
    const generators = ['random() * 1e6', 'round(random() * 100)', 'exp(random() * 20) - 1e4', '-random() / 3'];
    try {
      for (let trial = 0; trial < 40; trial++) {
        const n = 1 + ((trial * 7919) % 2500);
        await connection.run(
          `CREATE OR REPLACE TABLE t AS SELECT (${generators[trial % generators.length]})::DOUBLE AS x FROM range(${n})`,
        );
        const [row] = (
          await connection.runAndReadAll(
            `SELECT CAST(to_json(list(x)) AS VARCHAR) AS xs, quantile_cont(x, [${levels.join(', ')}]) AS qs,
                    quantile_cont(abs(x - (SELECT quantile_cont(x, 0.5) FROM t)), 0.5) AS mad FROM t`,
          )
        ).getRowObjectsJson();
        const sorted = Float64Array.from(JSON.parse(String(row!['xs'])) as number[]).sort();
        expect(levels.map((p) => interpolatedQuantile(sorted, p))).toEqual(row!['qs']);
        expect(sampleMedianAbsoluteDeviation(sorted, interpolatedQuantile(sorted, 0.5))).toBe(row!['mad']);
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
