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
