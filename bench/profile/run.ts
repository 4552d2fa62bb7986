/**
 * Profiler benchmark (issue 6): full profile vs DuckDB's SUMMARIZE on the same generated CSV, plus peak RSS.
 *   npx tsx bench/profile/run.ts [--rows 1000000,10000000] [--repeat 2] [--memory-limit 1GB]
 * Files are generated once (seeded) into bench/out/ and reused.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeBenchmarkCsv } from './generate-dataset.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../out');
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000,10000000' },
    repeat: { type: 'string', default: '2' },
    'memory-limit': { type: 'string', default: '1GB' },
  },
});
const sizes = values.rows.split(',').map(Number);
const repeat = Number(values.repeat);
const memoryLimit = values['memory-limit'];

interface Measurement {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  load: number;
  phasesMs: Record<string, number> | null;
}

function measure(mode: 'profile' | 'summarize', file: string): Measurement {
  const tsx = path.resolve(here, '../../node_modules/.bin/tsx');
  const output = execFileSync(tsx, [path.join(here, 'measure-once.ts'), mode, file, memoryLimit], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop()!) as Measurement;
}

/** Lower median: with two runs, the faster one (the one less disturbed by other work on the machine). */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

mkdirSync(outDir, { recursive: true });
console.log(`machine: ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(`memory_limit ${memoryLimit}, ${repeat} alternating runs per size\n`);
const details: string[] = [];
console.log(
  '| rows | file MB | SUMMARIZE wall ms (runs) | profile wall ms (runs) | wall ratio | CPU ratio | profile peak RSS MB | SUMMARIZE peak RSS MB |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const rows of sizes) {
  const file = path.join(outDir, `profile-bench-${rows}.csv`);
  if (!existsSync(file)) await writeBenchmarkCsv(file, rows);
  const summarize: Measurement[] = [];
  const profile: Measurement[] = [];
  for (let i = 0; i < repeat; i++) {
    summarize.push(measure('summarize', file));
    profile.push(measure('profile', file));
  }
  const s = median(summarize.map((m) => m.wallMs));
  const p = median(profile.map((m) => m.wallMs));
  const cpuRatio = median(profile.map((m) => m.cpuMs)) / median(summarize.map((m) => m.cpuMs));
  const runs = (ms: Measurement[]) => ms.map((m) => m.wallMs).join('/');
  console.log(
    `| ${rows.toLocaleString('en')} | ${(statSync(file).size / 1e6).toFixed(0)} | ${s} (${runs(summarize)}) | ${p} (${runs(profile)}) | ${(p / s).toFixed(2)} | ${cpuRatio.toFixed(2)} | ${Math.max(...profile.map((m) => m.peakRssMb))} | ${Math.max(...summarize.map((m) => m.peakRssMb))} |`,
  );
  // Each pair as run (same moment, same load): its own ratio, the CPU times, and the profile's phases.
  summarize.forEach((sm, i) => {
    const pm = profile[i]!;
    const phases = Object.entries(pm.phasesMs ?? {})
      .map(([name, ms]) => `${name} ${ms}`)
      .join(', ');
    details.push(
      `${rows.toLocaleString('en')} run ${i + 1}: load ${sm.load}/${pm.load}, SUMMARIZE ${sm.wallMs} ms (CPU ${sm.cpuMs}), profile ${pm.wallMs} ms (CPU ${pm.cpuMs}) → ${(pm.wallMs / sm.wallMs).toFixed(2)}× wall, ${(pm.cpuMs / sm.cpuMs).toFixed(2)}× CPU; phases: ${phases}`,
    );
  });
}
console.log(`\n${details.join('\n')}`);
