/**
 * The injected-defect corpus: real files from ../shared/datasets with defects of every insight type written
 * at known rows and columns. Each defect is recorded (ground truth) so a test can demand that the analysis
 * reports it on the right column with the right type. Deterministic: a seeded generator, no randomness.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalysisGoal, InsightType } from '../../../src/insights/index.js';
import { datasetPath, readCsv } from '../../profiling/support.js';

export interface InjectedDefect {
  type: InsightType;
  /** null for a dataset-level defect (duplicate rows, mostly empty rows). */
  column: string | null;
  /** The check expected to report it (evidence.check). */
  check: string;
  /** 1-based data rows that were made defective (empty when the defect is the whole column). */
  rows: number[];
  what: string;
}

export interface CorpusFile {
  name: string;
  source: string;
  goal: AnalysisGoal;
  target: string | null;
  header: string[];
  rows: string[][];
  defects: InjectedDefect[];
}

/** mulberry32: small, seeded, good enough to make test data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

class Builder {
  readonly defects: InjectedDefect[] = [];
  header: string[];
  rows: string[][];
  constructor(source: string) {
    const parsed = readCsv(readFileSync(datasetPath(source), 'utf8'));
    this.header = parsed.header;
    this.rows = parsed.rows;
  }
  index(column: string): number {
    const i = this.header.indexOf(column);
    if (i < 0) throw new Error(`no column ${column}`);
    return i;
  }
  /** Sets cells (1-based rows) and records the defect. */
  set(defect: Omit<InjectedDefect, 'rows'>, cells: Record<number, string>): void {
    const i = this.index(defect.column!);
    for (const [row, value] of Object.entries(cells)) this.rows[Number(row) - 1]![i] = value;
    this.defects.push({ ...defect, rows: Object.keys(cells).map(Number) });
  }
  addColumn(column: string, values: (row: number) => string): void {
    this.header.push(column);
    this.rows.forEach((r, i) => {
      r.push(values(i + 1));
    });
  }
  record(defect: InjectedDefect): void {
    this.defects.push(defect);
  }
}

function irisFile(): CorpusFile {
  const b = new Builder('iris.csv');
  b.set(
    { type: 'OUTLIERS', column: 'sepal_length', check: 'iqr_outliers', what: 'two values ~15× the typical length' },
    { 10: '99.5', 40: '120' },
  );
  b.set(
    { type: 'DATA_TYPE_MISMATCH', column: 'petal_width', check: 'unparseable_values', what: 'text among numbers' },
    { 5: 'abc', 77: '1.2cm', 130: 'n/a?' },
  );
  b.set({ type: 'MISSING_DATA', column: 'sepal_width', check: 'missing_values', what: 'null tokens' }, { 3: 'NA', 60: 'null' });
  b.set(
    { type: 'PATTERN_VIOLATION', column: 'species', check: 'spelling_variants', what: 'other casings of a category' },
    { 15: 'SETOSA', 16: 'Setosa', 55: 'Versicolor' },
  );
  b.addColumn('source', () => 'field_survey');
  b.record({ type: 'QUALITY_ISSUE', column: 'source', check: 'constant_column', rows: [], what: 'one value in every row' });
  b.addColumn('specimen_id', (r) => `S-${String(r).padStart(4, '0')}`);
  b.set(
    { type: 'DUPLICATES', column: 'specimen_id', check: 'duplicate_key_values', what: 'an id used three times' },
    { 30: 'S-0029', 31: 'S-0029' },
  );
  b.record({ type: 'QUALITY_ISSUE', column: 'specimen_id', check: 'identifier_like', rows: [], what: 'a unique code per row' });
  b.addColumn('contact', (r) => `collector${r}@example.org`);
  b.set(
    { type: 'PATTERN_VIOLATION', column: 'contact', check: 'semantic_mismatch', what: 'invalid emails' },
    { 12: 'not-an-email', 13: 'bob@', 14: 'x y@example.org' },
  );
  b.addColumn('measured_on', (r) => `2020-${String(1 + (r % 12)).padStart(2, '0')}-${String(1 + (r % 28)).padStart(2, '0')}`);
  b.set({ type: 'OUTLIERS', column: 'measured_on', check: 'future_dates', what: 'a date in 2099' }, { 50: '2099-01-01' });
  b.set(
    { type: 'PATTERN_VIOLATION', column: 'measured_on', check: 'mixed_formats', what: 'US-style dates among ISO dates' },
    { 70: '03/15/2020', 71: '04/16/2020' },
  );
  b.addColumn('notes', (r) => (r % 20 === 0 ? `checked by lab ${r}` : ''));
  b.record({ type: 'MISSING_DATA', column: 'notes', check: 'mostly_empty_column', rows: [], what: '95% empty' });
  for (const r of [140, 141]) b.rows[r - 1] = b.rows[r - 1]!.map((v, i) => (i === b.index('specimen_id') ? v : ''));
  b.record({ type: 'MISSING_DATA', column: null, check: 'mostly_missing_rows', rows: [140, 141], what: 'rows blanked but for the id' });
  b.set(
    { type: 'PATTERN_VIOLATION', column: 'species', check: 'surrounding_whitespace', what: 'padded values' },
    { 101: ' virginica', 102: 'virginica  ' },
  );
  for (const r of [20, 21, 22]) b.rows.push([...b.rows[r - 1]!]);
  b.record({ type: 'DUPLICATES', column: null, check: 'duplicate_rows', rows: [151, 152, 153], what: 'copies of rows 20–22 appended' });
  return {
    name: 'iris-injected.csv',
    source: 'iris.csv',
    goal: 'DATA_QUALITY',
    target: null,
    header: b.header,
    rows: b.rows,
    defects: b.defects,
  };
}

function titanicFile(): CorpusFile {
  const b = new Builder('titanic.csv');
  const random = seeded(7);
  b.set({ type: 'OUTLIERS', column: 'age', check: 'negative_values', what: 'negative ages' }, { 5: '-3', 50: '-40' });
  const classWords: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third' };
  const pclass = b.index('pclass');
  const worded: Record<number, string> = {};
  b.rows.forEach((r, i) => {
    if (i % 9 === 4) worded[i + 1] = classWords[r[pclass]!]!;
  });
  b.set({ type: 'DATA_TYPE_MISMATCH', column: 'pclass', check: 'mixed_types', what: 'one class in nine written as a word' }, worded);
  const survived = b.index('survived');
  b.addColumn('survival_score', (r) => (Number(b.rows[r - 1]![survived]) * 10 + random() * 0.5).toFixed(3));
  b.record({ type: 'QUALITY_ISSUE', column: 'survival_score', check: 'target_leakage', rows: [], what: 'derived from the target' });
  return {
    name: 'titanic-injected.csv',
    source: 'titanic.csv',
    goal: 'ML_PREPARATION',
    target: 'survived',
    header: b.header,
    rows: b.rows,
    defects: b.defects,
  };
}

function tipsFile(): CorpusFile {
  const b = new Builder('tips.csv');
  const random = seeded(11);
  const bill = b.index('total_bill');
  const tip = b.index('tip');
  b.addColumn('total_with_tip', (r) => (Number(b.rows[r - 1]![bill]) + Number(b.rows[r - 1]![tip])).toFixed(2));
  b.record({ type: 'QUALITY_ISSUE', column: 'total_with_tip', check: 'multicollinearity', rows: [], what: 'total_bill + tip' });
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  b.addColumn('wait_seconds', () => Math.round(30 * Math.exp(1.6 * normal())).toString());
  b.record({ type: 'QUALITY_ISSUE', column: 'wait_seconds', check: 'skewed_distribution', rows: [], what: 'log-normal waits' });
  b.addColumn('complaint', (r) => (r % 30 === 7 ? 'yes' : 'no'));
  b.record({ type: 'QUALITY_ISSUE', column: 'complaint', check: 'class_imbalance', rows: [], what: 'a 3% minority class (the target)' });
  return {
    name: 'tips-injected.csv',
    source: 'tips.csv',
    goal: 'ML_PREPARATION',
    target: 'complaint',
    header: b.header,
    rows: b.rows,
    defects: b.defects,
  };
}

function penguinsFile(): CorpusFile {
  const b = new Builder('penguins.csv');
  b.addColumn('observer', (r) => `observer ${String(1 + ((r * 37) % 120)).padStart(3, '0')}`);
  b.record({ type: 'QUALITY_ISSUE', column: 'observer', check: 'high_cardinality', rows: [], what: '120 observers' });
  b.addColumn('phone', (r) => `555-${String(100 + (r % 900)).padStart(3, '0')}-${String(1000 + r).padStart(4, '0')}`);
  const formats: Record<number, string> = {};
  for (let r = 10; r <= 120; r += 10) formats[r] = r % 20 === 0 ? `(555) ${100 + r} ${2000 + r}` : `+1 555 ${100 + r} ${2000 + r}`;
  b.set({ type: 'PATTERN_VIOLATION', column: 'phone', check: 'mixed_formats', what: 'phone numbers in three formats' }, formats);
  b.set(
    { type: 'PATTERN_VIOLATION', column: 'island', check: 'spelling_variants', what: 'upper case and punctuation variants' },
    { 200: 'BISCOE', 201: 'BISCOE', 250: 'dream.' },
  );
  b.set(
    { type: 'MISSING_DATA', column: 'body_mass_g', check: 'missing_values', what: 'more null tokens' },
    { 30: 'N/A', 31: 'None', 32: '-' },
  );
  return {
    name: 'penguins-injected.csv',
    source: 'penguins.csv',
    goal: 'GENERAL_AUDIT',
    target: null,
    header: b.header,
    rows: b.rows,
    defects: b.defects,
  };
}

export function buildCorpus(): CorpusFile[] {
  return [irisFile(), titanicFile(), tipsFile(), penguinsFile()];
}

export function writeCorpus(dir: string): (CorpusFile & { path: string })[] {
  return buildCorpus().map((file) => {
    const filePath = path.join(dir, file.name);
    writeFileSync(filePath, toCsv(file.header, file.rows));
    return { ...file, path: filePath };
  });
}
