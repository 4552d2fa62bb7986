/**
 * Property: adding a defect to a dataset never raises its quality score. Generated datasets (seeded), defects
 * injected one after another on cells no earlier defect touched; after each, the file is profiled again and
 * the score must not go up, under every goal.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ANALYSIS_GOALS, analyzeProfile } from '../../src/insights/index.js';
import { profileFile } from '../../src/profiling/index.js';
import { tempDir } from '../profiling/support.js';
import { seeded, toCsv } from './support/injected-corpus.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

const HEADER = ['order_id', 'amount', 'category', 'email', 'ordered_on', 'quantity'];
const CATEGORIES = ['books', 'games', 'music'];

function generate(seed: number, rows: number): string[][] {
  const random = seeded(seed);
  return Array.from({ length: rows }, (_, i) => [
    String(1000 + i),
    (20 + random() * 60).toFixed(2),
    CATEGORIES[Math.floor(random() * 3)]!,
    `customer${i}@shop.example`,
    `2023-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
    String(1 + Math.floor(random() * 5)),
  ]);
}

type Defect = (rows: string[][], row: number, random: () => number) => void;
const col = (name: string) => HEADER.indexOf(name);
const DEFECTS: Record<string, Defect> = {
  missing: (rows, r) => void (rows[r]![col('amount')] = ''),
  nullToken: (rows, r) => void (rows[r]![col('category')] = 'NA'),
  outlier: (rows, r, random) => void (rows[r]![col('amount')] = (5000 + random() * 5000).toFixed(2)),
  negative: (rows, r) => void (rows[r]![col('quantity')] = '-2'),
  unparseable: (rows, r) => void (rows[r]![col('amount')] = 'twelve'),
  badEmail: (rows, r) => void (rows[r]![col('email')] = 'no-at-sign'),
  futureDate: (rows, r) => void (rows[r]![col('ordered_on')] = '2098-05-01'),
  otherDateFormat: (rows, r) => void (rows[r]![col('ordered_on')] = '05/01/2023'),
  casing: (rows, r) => void (rows[r]![col('category')] = rows[r]![col('category')]!.toUpperCase()),
  whitespace: (rows, r) => void (rows[r]![col('category')] = ` ${rows[r]![col('category')]}`),
  duplicateKey: (rows, r) => void (rows[r]![col('order_id')] = rows[r - 1]![col('order_id')]!),
  duplicateRow: (rows, r) => void (rows[r] = [...rows[r - 1]!]),
};

describe('adding a defect never raises the score', () => {
  it.each([
    { seed: 1, rows: 150 },
    { seed: 2, rows: 240 },
    { seed: 3, rows: 400 },
  ])('generated dataset seed $seed ($rows rows)', async ({ seed, rows: size }) => {
    const random = seeded(seed * 7919);
    const rows = generate(seed, size);
    // Fresh rows only, and never a row right after a touched one (duplicates copy the previous row).
    const touched = new Set<number>();
    const freshRow = () => {
      for (;;) {
        const r = 1 + Math.floor(random() * (size - 1));
        if (![r - 1, r, r + 1].some((x) => touched.has(x))) {
          touched.add(r);
          return r;
        }
      }
    };
    const scoreOf = async (step: number) => {
      const profile = await profileFile(temp.write(`s${seed}-${step}.csv`, toCsv(HEADER, rows)), { threads: 1 });
      return Object.fromEntries(ANALYSIS_GOALS.map((goal) => [goal, analyzeProfile(profile, { goal }).score!]));
    };
    const clean = await scoreOf(0);
    for (const goal of ANALYSIS_GOALS) expect(clean[goal]).toBeGreaterThan(99);
    let previous = clean;
    const lowered = Object.fromEntries(ANALYSIS_GOALS.map((goal) => [goal, 0]));
    const order = Object.keys(DEFECTS).sort(() => random() - 0.5);
    for (const [step, name] of order.entries()) {
      DEFECTS[name]!(rows, freshRow(), random);
      const next = await scoreOf(step + 1);
      for (const goal of ANALYSIS_GOALS) {
        expect(next[goal], `${name} under ${goal} (step ${step + 1})`).toBeLessThanOrEqual(previous[goal]!);
        if (next[goal]! < previous[goal]!) lowered[goal]!++;
      }
      previous = next;
    }
    // The property is not met by a score that never moves: most defects must cost something.
    for (const goal of ANALYSIS_GOALS) expect(lowered[goal]).toBeGreaterThanOrEqual(Object.keys(DEFECTS).length - 2);
  });
});
