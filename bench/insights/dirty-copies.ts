/**
 * Dirty copies of the shared datasets for the cell-level insight benchmark (bench/insights/cells.ts): one copy
 * per (file, defect kind), with the exact cells that were changed. Seeded, so every run writes the same files.
 *   used by: npx tsx bench/insights/cells.ts
 *
 * Kinds: typo (one edit in a repeated text value), marker (a missing-value word or -999 in a numeric column),
 * unit (a number written with its unit, in every cell or in ~5 %), swapped (a numeric and a categorical value
 * exchanged in ~1 % of rows), shifted (the cells of ~0.5 % of rows shifted one place right from some column).
 * The header line is kept verbatim and the row count unchanged; only cells whose text changed are injected.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { datasetPath, isMissing, readCsv, seeded } from '../../tests/profiling/support.js';

export const DEFECT_KINDS = ['typo', 'marker', 'unit', 'swapped', 'shifted'] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];
export const SHARED_FILES = ['iris.csv', 'penguins.csv', 'tips.csv', 'titanic.csv', 'taxis.csv'] as const;
export const DEFAULT_SEED = 20_250_611;

export interface InjectedCell {
  /** 1-based data row (the header is not a row). */
  row: number;
  column: string;
  before: string;
  after: string;
}

export interface DirtyCopy {
  file: string;
  kind: DefectKind;
  /** unit only: 'all' (every non-empty cell of the column) or '5%'. */
  variant: string | null;
  /** kind plus variant, e.g. 'unit (all)'. */
  label: string;
  path: string;
  header: string[];
  injected: InjectedCell[];
}

/** Per file: the numeric columns that get markers, and the measurement column written with a unit. */
const PLAN: Record<string, { markers: string[]; unit: { column: string; write: (v: string) => string } }> = {
  'iris.csv': { markers: ['sepal_width', 'petal_length'], unit: { column: 'sepal_length', write: (v) => `${v} cm` } },
  'penguins.csv': { markers: ['bill_length_mm', 'body_mass_g'], unit: { column: 'body_mass_g', write: (v) => `${v} g` } },
  'tips.csv': { markers: ['total_bill', 'size'], unit: { column: 'total_bill', write: (v) => `$${v}` } },
  'titanic.csv': { markers: ['age', 'fare'], unit: { column: 'fare', write: (v) => `$${v}` } },
  'taxis.csv': { markers: ['distance', 'tip'], unit: { column: 'tip', write: (v) => `$${v}` } },
};
const MARKERS = ['empty', 'missing', 'unknown', '-999'] as const;

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEIGHBOURS = new Map<string, string>();
for (let r = 0; r < KEYBOARD_ROWS.length; r++) {
  const row = KEYBOARD_ROWS[r]!;
  for (let i = 0; i < row.length; i++) {
    const near = [
      row[i - 1],
      row[i + 1],
      KEYBOARD_ROWS[r - 1]?.[i],
      KEYBOARD_ROWS[r - 1]?.[i + 1],
      KEYBOARD_ROWS[r + 1]?.[i - 1],
      KEYBOARD_ROWS[r + 1]?.[i],
    ];
    NEIGHBOURS.set(row[i]!, near.filter((c): c is string => c !== undefined).join(''));
  }
}

export function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const isNumber = (cell: string) => cell.trim() !== '' && Number.isFinite(Number(cell.trim()));

function hashSeed(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x9e3779b1);
  return h ^ (h >>> 16);
}

interface Table {
  headerLine: string;
  header: string[];
  rows: string[][];
}

function readTable(file: string): Table {
  const text = readFileSync(file, 'utf8');
  const { header, rows } = readCsv(text);
  const newline = text.indexOf('\n');
  return { headerLine: (newline < 0 ? text : text.slice(0, newline)).replace(/\r$/, ''), header, rows };
}

/** Columns whose non-missing cells are (nearly) all numbers. */
function numericColumns(t: Table): number[] {
  return t.header
    .map((_, c) => c)
    .filter((c) => {
      const present = t.rows.map((r) => r[c] ?? '').filter((v) => !isMissing(v));
      return present.length > 0 && present.filter(isNumber).length >= 0.95 * present.length;
    });
}

/** Text columns with few distinct values, each repeated (species, sex, day, payment, borough…). */
function categoricalColumns(t: Table, numeric: number[]): number[] {
  return t.header
    .map((_, c) => c)
    .filter((c) => {
      if (numeric.includes(c)) return false;
      const present = t.rows.map((r) => r[c] ?? '').filter((v) => !isMissing(v));
      const distinct = new Set(present).size;
      return present.length > 0 && distinct <= 20 && distinct <= present.length / 10;
    });
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function sample<T>(random: () => number, items: readonly T[], k: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, Math.min(k, copy.length));
}

const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);

/** One keystroke error: a keyboard neighbour or 'x' for a letter, a letter deleted, or two adjacent letters swapped. */
function typo(random: () => number, value: string): string {
  const letters = [...value].map((ch, i) => (isLetter(ch) ? i : -1)).filter((i) => i >= 0);
  const i = pick(random, letters);
  const ch = value[i]!;
  const upper = ch !== ch.toLowerCase();
  const op = random();
  if (op < 0.4) {
    const near = NEIGHBOURS.get(ch.toLowerCase()) ?? 'x';
    const sub = pick(random, [...near]);
    return value.slice(0, i) + (upper ? sub.toUpperCase() : sub) + value.slice(i + 1);
  }
  if (op < 0.55) return value.slice(0, i) + (upper ? 'X' : 'x') + value.slice(i + 1);
  if (op < 0.75) return value.slice(0, i) + value.slice(i + 1);
  const pairs = letters.filter((j) => isLetter(value[j + 1]) && value[j] !== value[j + 1]);
  if (pairs.length === 0) return value.slice(0, i) + value.slice(i + 1);
  const j = pick(random, pairs);
  return value.slice(0, j) + value[j + 1] + value[j] + value.slice(j + 2);
}

type Injector = (t: Table, random: () => number, file: string) => { variant: string | null; rows: string[][] }[];

const clone = (rows: string[][]) => rows.map((r) => [...r]);

const injectors: Record<DefectKind, Injector> = {
  typo(t, random) {
    const numeric = numericColumns(t);
    const rows = clone(t.rows);
    const pool: [number, number][] = [];
    const existing = new Map<number, Set<string>>();
    for (let c = 0; c < t.header.length; c++) {
      if (numeric.includes(c)) continue;
      const counts = new Map<string, number>();
      for (const r of t.rows) counts.set(r[c] ?? '', (counts.get(r[c] ?? '') ?? 0) + 1);
      existing.set(c, new Set([...counts.keys()].map((v) => v.toLowerCase())));
      t.rows.forEach((r, i) => {
        const v = r[c] ?? '';
        if ((counts.get(v) ?? 0) >= 10 && v.length >= 4 && !isMissing(v) && !isNumber(v) && [...v].filter(isLetter).length >= 3)
          pool.push([i, c]);
      });
    }
    for (const [i, c] of sample(random, pool, Math.max(3, Math.round(0.02 * pool.length)))) {
      const before = t.rows[i]![c]!;
      for (let attempt = 0; attempt < 50; attempt++) {
        const after = typo(random, before);
        if (!existing.get(c)!.has(after.toLowerCase())) {
          rows[i]![c] = after;
          break;
        }
      }
    }
    return [{ variant: null, rows }];
  },

  marker(t, random, file) {
    const rows = clone(t.rows);
    const columns = PLAN[file]?.markers ?? [];
    columns.forEach((name, k) => {
      const c = t.header.indexOf(name);
      if (c < 0) throw new Error(`${file}: no column ${name}`);
      const marker = MARKERS[(SHARED_FILES.indexOf(file as (typeof SHARED_FILES)[number]) * 2 + k) % MARKERS.length]!;
      const present = t.rows.map((r, i) => (isMissing(r[c]) ? -1 : i)).filter((i) => i >= 0);
      for (const i of sample(random, present, Math.max(3, Math.round(0.05 * present.length)))) rows[i]![c] = marker;
    });
    return [{ variant: null, rows }];
  },

  unit(t, random, file) {
    const plan = PLAN[file]?.unit;
    if (!plan) return [];
    const c = t.header.indexOf(plan.column);
    if (c < 0) throw new Error(`${file}: no column ${plan.column}`);
    const present = t.rows.map((r, i) => (isMissing(r[c]) ? -1 : i)).filter((i) => i >= 0);
    const all = clone(t.rows);
    for (const i of present) all[i]![c] = plan.write(t.rows[i]![c]!);
    const some = clone(t.rows);
    for (const i of sample(random, present, Math.max(3, Math.round(0.05 * present.length)))) some[i]![c] = plan.write(t.rows[i]![c]!);
    return [
      { variant: 'all', rows: all },
      { variant: '5%', rows: some },
    ];
  },

  swapped(t, random) {
    const numeric = numericColumns(t);
    const categorical = categoricalColumns(t, numeric);
    const rows = clone(t.rows);
    const k = Math.max(2, Math.round(0.01 * t.rows.length));
    let done = 0;
    for (const i of sample(
      random,
      t.rows.map((_, i) => i),
      t.rows.length,
    )) {
      if (done >= k) break;
      const a = pick(random, numeric);
      const b = pick(random, categorical);
      const va = t.rows[i]![a] ?? '';
      const vb = t.rows[i]![b] ?? '';
      if (isMissing(va) || isMissing(vb) || va === vb) continue;
      rows[i]![a] = vb;
      rows[i]![b] = va;
      done++;
    }
    return [{ variant: null, rows }];
  },

  shifted(t, random) {
    const rows = clone(t.rows);
    const width = t.header.length;
    for (const i of sample(
      random,
      t.rows.map((_, i) => i),
      Math.max(2, Math.round(0.005 * t.rows.length)),
    )) {
      const from = Math.floor(random() * (width - 1));
      const old = t.rows[i]!;
      rows[i] = [...old.slice(0, from), '', ...old.slice(from, width - 1)];
    }
    return [{ variant: null, rows }];
  },
};

/** Writes every (file, kind) copy into dir; returns each copy's path and its injected cells. */
export function writeDirtyCopies(
  dir: string,
  options: { seed?: number; files?: readonly string[]; kinds?: readonly DefectKind[] } = {},
): DirtyCopy[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const copies: DirtyCopy[] = [];
  for (const file of options.files ?? SHARED_FILES) {
    const table = readTable(datasetPath(file));
    for (const kind of options.kinds ?? DEFECT_KINDS) {
      const random = seeded(hashSeed(`${file}/${kind}`, seed));
      for (const { variant, rows } of injectors[kind](table, random, file)) {
        const label = variant ? `${kind} (${variant})` : kind;
        const injected: InjectedCell[] = [];
        rows.forEach((r, i) => {
          if (r.length !== table.header.length) throw new Error(`${file} ${label}: row ${i + 1} has ${r.length} cells`);
          r.forEach((after, c) => {
            const before = table.rows[i]![c] ?? '';
            if (after !== before) injected.push({ row: i + 1, column: table.header[c]!, before, after });
          });
        });
        const target = path.join(
          dir,
          `${path.basename(file, '.csv')}-${kind}${variant ? `-${variant === '5%' ? 'some' : variant}` : ''}.csv`,
        );
        writeFileSync(target, [table.headerLine, ...rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n');
        copies.push({ file, kind, variant, label, path: target, header: table.header, injected });
      }
    }
  }
  return copies;
}
