/**
 * Checks that the typing rules' fast paths never change a result: the datetime rule with its canonical-rendering
 * test against the regex-only rule it replaced, on DuckDB's own renderings of random timestamps (every year it
 * supports, BC and beyond 9999 included, with and without fractions) and on hand-written and mutated strings.
 *   npx tsx bench/profile/check-fast-paths.ts
 * Prints the number of values compared and exits non-zero on the first difference.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { stringLiteral } from '../../src/profiling/engine/sql.js';
import { ISO_DATE_RE, ISO_DATETIME_RE, typedValueSql } from '../../src/profiling/inference/value-parsers.js';
import { seededRandom } from './generate-dataset.js';

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const random = seededRandom(20);

const regexOnly = (x: string) => {
  const matches = (body: string) => `regexp_full_match(${x}, ${stringLiteral(`\\s*(?:${body})\\s*`)})`;
  return `CASE WHEN ${matches(ISO_DATETIME_RE)} OR ${matches(ISO_DATE_RE)} THEN TRY_CAST(${x} AS TIMESTAMP) END`;
};
const current = (x: string) => typedValueSql({ valueType: 'datetime', decimalSeparator: null, dateFormat: null }, x);

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const written: string[] = [
  '2019-03-23 20:21:09',
  '2019-03-23T20:21:09',
  '2019-03-23 20:21',
  '2019-03-23',
  ' 2019-03-23 20:21:09',
  '2019-03-23 20:21:09 ',
  '2019-3-23 20:21:09',
  '2019-03-23 20:21:9',
  '2019-02-29 20:21:09',
  '2019-13-01 00:00:00',
  '2019-03-23 24:00:00',
  '2019-03-23 23:59:60',
  '0000-01-01 00:00:00',
  '0001-01-01 00:00:00',
  '9999-12-31 23:59:59',
  '10000-01-01 00:00:00',
  '-001-01-01 00:00:00',
  '+019-03-23 20:21:09',
  ' 019-03-23 20:21:09',
  '2019-03-23 20:21:09.5',
  '2019-03-23 20:21:09Z',
  '2019-03-23 20:21:09+01',
  '2019-03-23 20:21:09 (BC)',
  '0044-03-15 12:00:00 (BC)',
  'infinity',
  '-infinity',
  'epoch',
  'now',
  '2019/03/23 20:21:09',
  '2019-03-23\t20:21:09',
  '２０１９-03-23 20:21:09',
];
for (let i = 0; i < 20_000; i++) {
  const year = Math.floor(random() * 10_000);
  const base = `${pad(year, 4)}-${pad(1 + Math.floor(random() * 13), 2)}-${pad(1 + Math.floor(random() * 31), 2)}`;
  const time = `${pad(Math.floor(random() * 25), 2)}:${pad(Math.floor(random() * 61), 2)}:${pad(Math.floor(random() * 61), 2)}`;
  let text = `${base}${random() < 0.9 ? ' ' : 'T'}${time}`;
  const r = random();
  if (r < 0.05) text += `.${Math.floor(random() * 1e6)}`;
  else if (r < 0.1) text = ` ${text}`;
  else if (r < 0.15) text = text.slice(0, -1) + 'x';
  else if (r < 0.2) text = text.replace('-', '/');
  written.push(text);
}

async function valuesOf(sql: string): Promise<string[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJson().map((row) => String(row['x']));
}

// DuckDB's renderings of random instants over its whole range (about 290,000 BC to 294,000 AD), and of whole
// seconds in years 0–9999, the ones the fast path accepts.
const rendered = [
  ...(await valuesOf(
    `SELECT CAST(make_timestamp(CAST((random() * 2 - 1) * 9.0e18 AS BIGINT) // 1000000 * 1000000) AS VARCHAR) AS x FROM range(20000)`,
  )),
  ...(await valuesOf(
    `SELECT CAST(TIMESTAMP '0000-01-01' + to_seconds(CAST(random() * 315537897599 AS BIGINT)) AS VARCHAR) AS x FROM range(20000)`,
  )),
];

const values = [...written, ...rendered];
const list = `[${values.map(stringLiteral).join(', ')}]`;
const reader = await connection.runAndReadAll(
  `SELECT x, CAST(${regexOnly('x')} AS VARCHAR) AS before, CAST(${current('x')} AS VARCHAR) AS after FROM (SELECT unnest(${list}) AS x)`,
);
let differences = 0;
for (const row of reader.getRowObjectsJson()) {
  if (row['before'] !== row['after']) {
    differences++;
    console.error(`differs: ${JSON.stringify(row['x'])}: ${row['before']} vs ${row['after']}`);
  }
}
console.log(`datetime rule: ${values.length} values compared, ${differences} differences`);
connection.closeSync();
instance.closeSync();
if (differences > 0) process.exit(1);
