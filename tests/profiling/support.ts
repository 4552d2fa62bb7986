/** Independent reference computations for the profiler tests (plain TypeScript, no DuckDB). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const datasetPath = (name: string) => path.resolve(projectRoot, '../shared/datasets', name);

export function tempDir(): { dir: string; write(name: string, content: string | Buffer): string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'profiling-test-'));
  return {
    dir,
    write(name, content) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Minimal RFC 4180 reader for the reference side: "" escapes, quoted newlines, comma delimiter. */
export function readCsv(text: string, delimiter = ','): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header = [], ...rows] = records;
  return { header, rows };
}

export const NULL_TOKENS = new Set(['', 'NA', 'N/A', 'null', 'NULL', 'NaN', 'None', '-', '?']);
export const isMissing = (cell: string | undefined) => cell === undefined || NULL_TOKENS.has(cell.trim());

export function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation (n − 1). */
export function stdDev(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/** Linear interpolation between closest ranks (R type 7), what quantile_cont computes. */
export function quantile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Adjusted Fisher–Pearson skewness G1. */
export function skewness(xs: number[]): number {
  const n = xs.length;
  const m = mean(xs);
  const m2 = xs.reduce((a, x) => a + (x - m) ** 2, 0) / n;
  const m3 = xs.reduce((a, x) => a + (x - m) ** 3, 0) / n;
  return ((Math.sqrt(n * (n - 1)) / (n - 2)) * m3) / m2 ** 1.5;
}

/** Sample excess kurtosis G2. */
export function kurtosis(xs: number[]): number {
  const n = xs.length;
  const m = mean(xs);
  const m2 = xs.reduce((a, x) => a + (x - m) ** 2, 0) / n;
  const m4 = xs.reduce((a, x) => a + (x - m) ** 4, 0) / n;
  const g2 = m4 / m2 ** 2 - 3;
  return ((n - 1) / ((n - 2) * (n - 3))) * ((n + 1) * g2 + 6);
}

export function pearson(xs: number[], ys: number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

export function cramersV(xs: string[], ys: string[]): number {
  const n = xs.length;
  const count = new Map<string, number>();
  const rx = new Map<string, number>();
  const ry = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    count.set(`${xs[i]}\u0000${ys[i]}`, (count.get(`${xs[i]}\u0000${ys[i]}`) ?? 0) + 1);
    rx.set(xs[i]!, (rx.get(xs[i]!) ?? 0) + 1);
    ry.set(ys[i]!, (ry.get(ys[i]!) ?? 0) + 1);
  }
  let chi2 = 0;
  for (const [a, na] of rx)
    for (const [b, nb] of ry) {
      const expected = (na * nb) / n;
      chi2 += ((count.get(`${a}\u0000${b}`) ?? 0) - expected) ** 2 / expected;
    }
  return Math.sqrt(chi2 / (n * (Math.min(rx.size, ry.size) - 1)));
}

export function closeTo(actual: number | null | undefined, expected: number, relative = 1e-9): boolean {
  if (actual === null || actual === undefined) return false;
  return Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected));
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), to generate test data. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
