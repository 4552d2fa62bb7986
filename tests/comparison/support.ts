/** Titanic variants written to a temp folder, and each file profiled and analysed as the CLI does (goal DATA_QUALITY). */
import { readFileSync } from 'node:fs';
import { toComparableAnalysis, type ComparableAnalysisInput } from '../../src/comparison/index.js';
import { analyzeProfile } from '../../src/insights/index.js';
import { profileFile } from '../../src/profiling/index.js';
import { datasetPath, readCsv } from '../profiling/support.js';

export interface Table {
  header: string[];
  rows: string[][];
}

export const titanicPath = datasetPath('titanic.csv');
export const readTable = (file: string): Table => readCsv(readFileSync(file, 'utf8'));
export const titanic = (): Table => readTable(titanicPath);

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
export const toCsv = ({ header, rows }: Table) => `${[header, ...rows].map((r) => r.map(quote).join(',')).join('\n')}\n`;

export function withoutColumn(table: Table, name: string): Table {
  const at = table.header.indexOf(name);
  return { header: table.header.filter((_, i) => i !== at), rows: table.rows.map((r) => r.filter((_, i) => i !== at)) };
}

export function mapColumn(table: Table, name: string, f: (cell: string, row: number) => string): Table {
  const at = table.header.indexOf(name);
  return { header: table.header, rows: table.rows.map((r, n) => r.map((cell, i) => (i === at ? f(cell, n) : cell))) };
}

/** Ages +15 years on every other row (half the rows), `ticket` dropped, embarked S written Southampton. */
export function shiftedTitanic(): Table {
  let table = mapColumn(titanic(), 'age', (age, row) => (row % 2 === 0 && age !== '' ? String(Number(age) + 15) : age));
  table = mapColumn(table, 'embarked', (port) => (port === 'S' ? 'Southampton' : port));
  return withoutColumn(table, 'ticket');
}

export async function analyse(file: string): Promise<ComparableAnalysisInput> {
  const profile = await profileFile(file, { threads: 1 });
  return toComparableAnalysis(profile, analyzeProfile(profile, { goal: 'DATA_QUALITY' }));
}

/** The non-missing numbers of a column, parsed from the CSV (the reference side of the exact tests). */
export function numbersOf(table: Table, name: string): number[] {
  const at = table.header.indexOf(name);
  return table.rows
    .map((r) => r[at]!)
    .filter((c) => c.trim() !== '')
    .map(Number);
}

/** Exact two-sample KS distance, by merging the sorted samples. */
export function referenceKs(a: number[], b: number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length || j < y.length) {
    const v = Math.min(x[i] ?? Number.POSITIVE_INFINITY, y[j] ?? Number.POSITIVE_INFINITY);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}
