/**
 * Writes the benchmark CSV: a seeded, reproducible file whose defects are known by construction
 * (5% missing + a few impossible ages, 2% invalid emails, blank categories, 1% text in a float column).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** mulberry32: tiny deterministic PRNG, so the same seed always yields the same file. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['north', 'south', 'east', 'west', 'central', 'online', 'partner'];
const WORDS = [
  'quick',
  'brown',
  'fox',
  'jumps',
  'over',
  'lazy',
  'dog',
  'data',
  'quality',
  'report',
  'late',
  'delivery',
  'great',
  'service',
  'broken',
  'item',
  'refund',
  'please',
  'thanks',
  'again',
  'never',
  'always',
  'order',
  'box',
];
const DOMAINS = ['example.com', 'mail.org', 'corp.net', 'shop.io'];
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1);

export const BENCHMARK_HEADER = 'id,age,amount,email,signup_date,region,score,comment';

export async function writeBenchmarkCsv(path: string, rowCount: number, seed = 42): Promise<void> {
  const random = seededRandom(seed);
  const normal = (): number => {
    // Box-Muller transform; 1 - random() avoids log(0).
    return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  };
  const out = createWriteStream(path);
  out.write(BENCHMARK_HEADER + '\n');
  let buffer = '';
  for (let i = 1; i <= rowCount; i++) {
    const r = random();
    const age =
      r < 0.05 ? '' : r < 0.0503 ? String(-1 - Math.floor(random() * 5)) : r < 0.0505 ? '999' : String(18 + Math.floor(random() * 70));
    const amount = Math.exp(3 + 1.1 * normal()).toFixed(2);
    const user = WORDS[Math.floor(random() * WORDS.length)]! + '.' + Math.floor(random() * 100000);
    const domain = DOMAINS[Math.floor(random() * DOMAINS.length)]!;
    const email = random() < 0.02 ? `${user}_at_${domain}` : `${user}@${domain}`;
    const date = new Date(FIRST_DAY + Math.floor(random() * 3000) * DAY_MS).toISOString().slice(0, 10);
    const region = random() < 0.03 ? '' : CATEGORIES[Math.floor(random() * CATEGORIES.length)]!;
    const score = random() < 0.01 ? 'n/a yet' : (50 + 15 * normal()).toFixed(3);
    const wordCount = 3 + Math.floor(random() * 4);
    const words: string[] = [];
    for (let w = 0; w < wordCount; w++) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
    buffer += `${i},${age},${amount},${email},${date},${region},${score},${words.join(' ')}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.write(buffer);
  out.end();
  await once(out, 'finish');
}

/** Buffered writer shared by the generators: one string per row, flushed by the megabyte. */
async function writeRows(path: string, header: string, rowCount: number, row: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  out.write(header + '\n');
  let buffer = '';
  for (let i = 1; i <= rowCount; i++) {
    buffer += row(i) + '\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.write(buffer);
  out.end();
  await once(out, 'finish');
}

const FIRST_NAMES = [
  'Alice',
  'Bob',
  'Carla',
  'David',
  'Emma',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemal',
  'Lena',
  'Marco',
  'Nadia',
  'Olga',
  'Pablo',
  'Quinn',
  'Rosa',
  'Sven',
  'Tara',
  'Umar',
  'Vera',
  'Wen',
  'Yusuf',
  'Zoe',
];
const LAST_NAMES = [
  'Smith',
  'Garcia',
  'Müller',
  'Rossi',
  'Dubois',
  'Kowalski',
  'Nguyen',
  'Silva',
  'Jensen',
  'Novak',
  'Haddad',
  'Tanaka',
  'Okafor',
  'Ivanova',
  'Larsen',
  'Moreau',
  'Schmidt',
  'Costa',
  'Popescu',
  'Berg',
  "O'Brien",
  'de Vries',
  'Kim',
  'Ali',
  'Weber',
  'Fischer',
  'Romano',
  'Santos',
  'Horvat',
  'Lindqvist',
];
const CITY_STEMS = [
  'Spring',
  'River',
  'Oak',
  'Lake',
  'Green',
  'Fair',
  'Mill',
  'Stone',
  'Ash',
  'Clear',
  'North',
  'West',
  'East',
  'South',
  'Maple',
  'Pine',
  'Elm',
  'Cedar',
  'Bright',
  'Red',
];
const CITY_ENDS = ['field', 'ville', 'ton', 'burg', 'port', 'wood', 'dale', 'ford', 'haven', 'mouth'];
const STATUSES = ['active', 'pending', 'shipped', 'delivered', 'cancelled', 'returned', 'on hold'];
const AMOUNT_TEXT = ['n/a', 'pending', 'see note', 'TBD'];

export const MIXED_HEADER = 'id,name,city,amount,quantity,created_at,status,discount,phone,comment';

/**
 * The "file the project has never seen": ids, names, 200 cities, log-normal amounts with 0.3% text, 4%
 * blank quantities, timestamps, a 7-value status with case and space variants, percentages, phones in two
 * formats, comments. 1M rows ≈ 110 MB.
 */
export async function writeMixedCsv(path: string, rowCount: number, seed = 43): Promise<void> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const first = Date.UTC(2022, 0, 1) / 1000;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  await writeRows(path, MIXED_HEADER, rowCount, (i) => {
    const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    // Zipf-like: a few big cities, a long tail.
    const cityIndex = Math.min(199, Math.floor(200 * random() ** 2));
    const city = CITY_STEMS[cityIndex % 20]! + CITY_ENDS[Math.floor(cityIndex / 20)]!;
    const amount = random() < 0.003 ? pick(AMOUNT_TEXT) : Math.exp(3.5 + 1.2 * normal()).toFixed(2);
    const quantity = random() < 0.04 ? '' : String(1 + Math.floor(random() * random() * 40));
    const t = new Date((first + Math.floor(random() * 3 * 365 * 86400)) * 1000).toISOString();
    const createdAt = `${t.slice(0, 10)} ${t.slice(11, 19)}`;
    let status = pick(STATUSES);
    const variant = random();
    if (variant < 0.02) status = status.toUpperCase();
    else if (variant < 0.05) status = status[0]!.toUpperCase() + status.slice(1);
    else if (variant < 0.06) status = `${status} `;
    const discount = `${(random() * 30).toFixed(1)}%`;
    const area = 200 + Math.floor(random() * 800);
    const local = `${pad(Math.floor(random() * 1000), 3)}-${pad(Math.floor(random() * 10000), 4)}`;
    const phone = random() < 0.6 ? `(${area}) ${local}` : `+1 ${area}-${local}`;
    const words: string[] = [];
    const wordCount = 2 + Math.floor(random() * 7);
    for (let w = 0; w < wordCount; w++) words.push(pick(WORDS));
    const comment = random() < 0.1 ? '' : words.join(' ');
    // Names with a quote (O'Brien) need no CSV quoting; none holds a comma.
    return `${i},${name},${city},${amount},${quantity},${createdAt},${status},${discount},${phone},${comment}`;
  });
}

/**
 * A wide file: `columnCount` columns cycling through five kinds (small integers, decimals, an 8-value category,
 * high-cardinality codes, dates), each with 2% blanks. 1,000 columns × 100,000 rows ≈ 560 MB.
 */
export async function writeWideCsv(path: string, rowCount: number, columnCount = 1000, seed = 44): Promise<void> {
  const random = seededRandom(seed);
  const header = Array.from({ length: columnCount }, (_, c) => `${['n', 'x', 'cat', 'code', 'day'][c % 5]}_${c}`).join(',');
  const labels = ['alpha', 'beta', 'gamma', 'delta', 'eps', 'zeta', 'eta', 'theta'];
  const firstDay = Date.UTC(2020, 0, 1);
  const days = Array.from({ length: 1500 }, (_, d) => new Date(firstDay + d * DAY_MS).toISOString().slice(0, 10));
  await writeRows(path, header, rowCount, () => {
    const cells = new Array<string>(columnCount);
    for (let c = 0; c < columnCount; c++) {
      if (random() < 0.02) {
        cells[c] = '';
        continue;
      }
      const r = random();
      switch (c % 5) {
        case 0:
          cells[c] = String(Math.floor(r * 1000));
          break;
        case 1:
          cells[c] = (r * 100 - 20).toFixed(2);
          break;
        case 2:
          cells[c] = labels[Math.floor(r * labels.length)]!;
          break;
        case 3:
          cells[c] = `K${Math.floor(r * 1e6)}`;
          break;
        default:
          cells[c] = days[Math.floor(r * days.length)]!;
      }
    }
    return cells.join(',');
  });
}

/** A real file's data rows repeated (in order, cycling) to `rowCount` rows under its own header. */
export async function writeRepeatedCsv(source: string, path: string, rowCount: number): Promise<void> {
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(source, 'utf8').split('\n');
  const header = lines[0]!.replace(/\r$/, '');
  const rows = lines.slice(1).filter((line) => line.trim() !== '');
  await writeRows(path, header, rowCount, (i) => rows[(i - 1) % rows.length]!.replace(/\r$/, ''));
}
