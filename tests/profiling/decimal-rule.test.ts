// The decimal ('.') rule's SQL is the regex alone. It used to try a fast path first, DuckDB's rendering of the
// parsed double compared with the text; dropping it must not change any typed value, which holds because every
// rendering of a finite double matches the regex. Since then, text that overflows a double ("1e999", once read as
// infinity) is no number; every other value types as before.
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { stringLiteral } from '../../src/profiling/engine/sql.js';
import { DECIMAL_DOT_RE, typedValueSql } from '../../src/profiling/inference/value-parsers.js';
import { tempDir } from './support.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

/** The former SQL of the rule (canonical-rendering fast path, then the regex). */
function formerDecimalSql(x: string): string {
  const cast = `TRY_CAST(${x} AS DOUBLE)`;
  const regex = `regexp_full_match(${x}, ${stringLiteral(`\\s*(?:${DECIMAL_DOT_RE})\\s*`)})`;
  return `CASE WHEN (isfinite(${cast}) AND CAST(${cast} AS VARCHAR) = ${x}) OR ${regex} THEN ${cast} END`;
}

const TRICKY = [
  '',
  ' ',
  '.',
  '-',
  '+',
  '0',
  '-0',
  '+0',
  '0.',
  '.0',
  '-.5',
  '+.5',
  '5.',
  '007',
  '007.5',
  '00.5',
  '0.50',
  '1.10',
  '1e5',
  '1E+05',
  '1e-5',
  '1.e5',
  '.5e3',
  '1e',
  '1e+',
  'e5',
  '1e999',
  '-1e999',
  '1e-999',
  '4.9e-324',
  '2.2250738585072014e-308',
  '1.7976931348623157e308',
  '1.7976931348623159e308',
  'inf',
  '-inf',
  'Infinity',
  'infinity',
  'nan',
  'NaN',
  '-nan',
  '1_000',
  '1_000.5',
  '0x10',
  '1,5',
  '1.5.2',
  '1 2',
  ' 1.5',
  '1.5 ',
  '\t1.5\n',
  '1.5\v',
  '\v1.5',
  '1.5\r',
  '\f2',
  '\u00a01.5',
  '1.5\u00a0',
  '١٫٥',
  '12345678901234567890',
  '123456789012345678901234567890.5',
  '-12.30',
  '+7.10',
  '9007199254740993',
  '0.1',
  '-0.0',
  '1d',
  '1f',
  '1.5x',
  'x1.5',
  '--1',
  '+-1',
  '1e5.5',
  '٣',
];

describe('decimal rule', () => {
  it('types every value as the former fast path did', async () => {
    const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
    const connection = await instance.connect();
    try {
      // Doubles from random bit patterns (all magnitudes) and from random decimals, as 17 significant digits.
      let seed = 20261127;
      const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
      const view = new DataView(new ArrayBuffer(8));
      const doubles: string[] = [];
      while (doubles.length < 60_000) {
        view.setUint32(0, Math.floor(random() * 2 ** 32));
        view.setUint32(4, Math.floor(random() * 2 ** 32));
        const bits = view.getFloat64(0);
        if (Number.isFinite(bits)) doubles.push(bits.toPrecision(17));
        doubles.push(((random() - 0.5) * 10 ** Math.floor(random() * 12 - 4)).toPrecision(1 + Math.floor(random() * 17)));
      }
      const file = temp.write('doubles.csv', `d\n${doubles.join('\n')}\n`);
      await connection.run(`CREATE TABLE d AS SELECT d FROM read_csv(${stringLiteral(file)}, header = true, columns = {'d': 'DOUBLE'})`);
      // Texts: DuckDB's renderings of those doubles, their negations, and the tricky strings.
      await connection.run(`CREATE TABLE t AS
        SELECT CAST(d AS VARCHAR) AS x FROM d UNION ALL SELECT CAST(-d AS VARCHAR) FROM d
        UNION ALL SELECT unnest([${TRICKY.map(stringLiteral).join(', ')}])`);
      const rule = { valueType: 'decimal', decimalSeparator: '.', dateFormat: null } as const;
      const reader = await connection.runAndReadAll(`SELECT count(*) AS n,
          count(*) FILTER (WHERE ${typedValueSql(rule, 'x')} IS DISTINCT FROM
            (CASE WHEN isfinite(${formerDecimalSql('x')}) THEN ${formerDecimalSql('x')} END)) AS differing,
          count(*) FILTER (WHERE ${formerDecimalSql('x')} IS NOT NULL AND NOT isfinite(${formerDecimalSql('x')})) AS overflowing,
          count(*) FILTER (WHERE x = '1e999' AND ${typedValueSql(rule, 'x')} IS NULL) AS overflow_untyped,
          count(*) FILTER (WHERE isfinite(TRY_CAST(x AS DOUBLE)) AND CAST(TRY_CAST(x AS DOUBLE) AS VARCHAR) = x
            AND NOT regexp_full_match(x, ${stringLiteral(`\\s*(?:${DECIMAL_DOT_RE})\\s*`)})) AS canonical_not_matching,
          count(${typedValueSql(rule, 'x')}) AS typed
        FROM t`);
      const [row] = reader.getRowObjectsJson();
      expect(row).toMatchObject({
        n: String(doubles.length * 2 + TRICKY.length),
        differing: '0',
        canonical_not_matching: '0',
        // '1e999', '-1e999', '1.7976931348623159e308': once infinite values, now not numbers.
        overflowing: '3',
        overflow_untyped: '1',
      });
      expect(Number(row!['typed'])).toBeGreaterThan(doubles.length * 2);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
