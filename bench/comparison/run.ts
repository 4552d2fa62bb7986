/**
 * Comparison benchmark (issue 18): a generated file and a drifted copy (1M rows × 10 columns by default), both
 * profiled and analysed, then compareProfiles (target: under 200 ms, median of several runs) and compareFiles
 * (target: at most one profile run's wall time) timed.
 *   npx tsx bench/comparison/run.ts [--rows 1000000] [--repeat 7] [--files-repeat 5]
 * Files are generated once (seeded) into bench/out/ and reused.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compareFiles, compareProfiles, toComparableAnalysis, type AnalysisComparison } from '../../src/comparison/index.js';
import { analyzeProfile } from '../../src/insights/index.js';
import { profileFile } from '../../src/profiling/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../out');
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    repeat: { type: 'string', default: '7' },
    'files-repeat': { type: 'string', default: '5' },
  },
});
const rows = Number(values.rows);
const repeat = Number(values.repeat);
const filesRepeat = Number(values['files-repeat']);

/** mulberry32: the same seed always yields the same file. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['north', 'south', 'east', 'west', 'central', 'online', 'partner'];
const PLANS = ['free', 'basic', 'pro', 'enterprise'];
const CITIES = Array.from({ length: 40 }, (_, i) => `city-${String(i + 1).padStart(2, '0')}`);
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2018, 0, 1);
const HEADER = 'id,age,income,score,signup_date,region,plan,active,rating,city';

/** What the drifted copy changes; everything else is drawn from the same distributions with another seed. */
interface Drift {
  /** Share of rows whose age is 15 years higher. */
  olderShare: number;
  incomeFactor: number;
  /** Region weights (uniform when null). */
  regionWeights: number[] | null;
  /** Share of missing scores. */
  scoreMissing: number;
  /** Days signups are later. */
  signupShiftDays: number;
}
const NO_DRIFT: Drift = { olderShare: 0, incomeFactor: 1, regionWeights: null, scoreMissing: 0.01, signupShiftDays: 0 };
const DRIFT: Drift = { olderShare: 0.5, incomeFactor: 1.3, regionWeights: [3, 1, 1, 1, 1, 2, 1], scoreMissing: 0.08, signupShiftDays: 200 };

async function writeFile(file: string, count: number, seed: number, drift: Drift): Promise<void> {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const pick = <T>(items: readonly T[], weights: number[] | null): T => {
    if (!weights) return items[Math.floor(random() * items.length)]!;
    let r = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < items.length; i++) if ((r -= weights[i]!) < 0) return items[i]!;
    return items[items.length - 1]!;
  };
  const out = createWriteStream(file);
  out.write(`${HEADER}\n`);
  let buffer = '';
  for (let i = 1; i <= count; i++) {
    const age = 18 + Math.floor(random() * 60) + (random() < drift.olderShare ? 15 : 0);
    const income = (Math.exp(10.5 + 0.6 * normal()) * drift.incomeFactor).toFixed(2);
    const score = random() < drift.scoreMissing ? '' : (50 + 12 * normal()).toFixed(3);
    const signup = new Date(FIRST_DAY + (Math.floor(random() * 1500) + drift.signupShiftDays) * DAY_MS).toISOString().slice(0, 10);
    const region = pick(REGIONS, drift.regionWeights);
    const plan = pick(PLANS, [5, 3, 2, 1]);
    const active = random() < 0.7 ? 'true' : 'false';
    const rating = 1 + Math.min(4, Math.floor(Math.abs(normal()) * 1.6));
    const city = pick(CITIES, null);
    buffer += `${i},${age},${income},${score},${signup},${region},${plan},${active},${rating},${city}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** Lower median. */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

mkdirSync(outDir, { recursive: true });
const baseFile = path.join(outDir, `comparison-base-${rows}.csv`);
const targetFile = path.join(outDir, `comparison-drifted-${rows}.csv`);
if (!existsSync(baseFile)) await writeFile(baseFile, rows, 1, NO_DRIFT);
if (!existsSync(targetFile)) await writeFile(targetFile, rows, 2, DRIFT);

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const load = () => os.loadavg()[0]!.toFixed(2);
console.log(
  `machine: ${cpu}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${os.platform()}; 1-min load average ${load()} at start`,
);
console.log(
  `files: ${rows.toLocaleString('en')} rows × 10 columns, ${(statSync(baseFile).size / 1e6).toFixed(0)} MB and ${(statSync(targetFile).size / 1e6).toFixed(0)} MB\n`,
);

const profiled = [];
const profileMs: number[] = [];
for (const file of [baseFile, targetFile]) {
  const started = performance.now();
  const profile = await profileFile(file);
  profileMs.push(performance.now() - started);
  profiled.push(toComparableAnalysis(profile, analyzeProfile(profile, { goal: 'DATA_QUALITY' })));
}
const [base, target] = profiled as [ReturnType<typeof toComparableAnalysis>, ReturnType<typeof toComparableAnalysis>];
console.log(`profileFile: base ${ms(profileMs[0]!)}, drifted ${ms(profileMs[1]!)}`);

compareProfiles(base, target); // warm-up (JIT, zod)
const profileRuns: number[] = [];
let fromProfiles: AnalysisComparison | null = null;
for (let i = 0; i < repeat; i++) {
  const started = performance.now();
  fromProfiles = compareProfiles(base, target);
  profileRuns.push(performance.now() - started);
}
// compareFiles alternates with profile runs of the base file, so both see the same load on the machine.
const filesRuns: number[] = [];
const reprofileRuns: number[] = [];
const filesCpu: number[] = [];
const reprofileCpu: number[] = [];
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
let fromFiles: AnalysisComparison | null = null;
for (let i = 0; i < filesRepeat; i++) {
  let started = performance.now();
  let cpu = process.cpuUsage();
  await profileFile(baseFile);
  reprofileRuns.push(performance.now() - started);
  reprofileCpu.push(cpuMs(cpu));
  started = performance.now();
  cpu = process.cpuUsage();
  fromFiles = await compareFiles(baseFile, targetFile, base, target);
  filesRuns.push(performance.now() - started);
  filesCpu.push(cpuMs(cpu));
}
const oneProfile = median(reprofileRuns);
const compareMedian = median(profileRuns);
const filesMedian = median(filesRuns);
console.log(
  `compareProfiles: median ${ms(compareMedian)} of ${repeat} runs (${profileRuns.map((x) => x.toFixed(1)).join(' / ')}); target < 200 ms: ${compareMedian < 200 ? 'met' : 'MISSED'}`,
);
console.log(
  `compareFiles: median ${ms(filesMedian)} of ${filesRepeat} runs (${filesRuns.map((x) => x.toFixed(0)).join(' / ')}); profileFile of the base, alternating with them: median ${ms(oneProfile)} (${reprofileRuns.map((x) => x.toFixed(0)).join(' / ')}) → ${(filesMedian / oneProfile).toFixed(2)}× wall; target ≤ 1×: ${filesMedian <= oneProfile ? 'met' : 'MISSED'}`,
);
console.log(
  `CPU time (all threads): compareFiles median ${ms(median(filesCpu))}, profileFile median ${ms(median(reprofileCpu))} → ${(median(filesCpu) / median(reprofileCpu)).toFixed(2)}× CPU\n`,
);

// What each mode found, side by side (the drifted copy changes age, income, score's missing share, signup_date and region).
console.log('| column | family | profiles verdict | files verdict | PSI profiles / files | KS or JS profiles / files |');
console.log('| --- | --- | --- | --- | ---: | ---: |');
fromProfiles!.columns.forEach((c, i) => {
  const f = fromFiles!.columns[i]!;
  const stat = (col: typeof c, test: string) => col.tests.find((t) => t.test === test)?.statistic;
  const pair = (test: string) => {
    const a = stat(c, test);
    const b = stat(f, test);
    return a === undefined ? '–' : `${a.toFixed(3)} / ${b!.toFixed(3)}`;
  };
  const second = c.family === 'categorical' ? pair('jensen_shannon') : pair('kolmogorov_smirnov');
  console.log(`| ${c.columnName} | ${c.family} | ${c.verdict} | ${f.verdict} | ${pair('psi')} | ${second} |`);
});
console.log(
  `\ndrifted (profiles): ${fromProfiles!.driftedColumns.join(', ')}\ndrifted (files):    ${fromFiles!.driftedColumns.join(', ')}`,
);
console.log(`1-min load average ${load()} at the end`);
