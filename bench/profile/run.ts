/**
 * Profiler benchmark (issues 6 and 20): full profile vs DuckDB's SUMMARIZE on the same CSV, plus peak RSS, over
 * several shapes of file:
 *   bench  the original generated file (8 columns; `--rows`, default 1M and 10M)
 *   mixed  ids, names, cities, amounts with 0.3% text, 4% blank quantities, timestamps, a 7-value status with
 *          case and space variants, percentages, phones in two formats, comments (10 columns, 1M rows)
 *   wide   1,000 columns × 100,000 rows (small integers, decimals, categories, codes, dates)
 *   taxis  ../shared/datasets/taxis.csv repeated to 1M rows
 *   npx tsx bench/profile/run.ts [--shapes bench,mixed,wide,taxis] [--rows 1000000,10000000] [--repeat 2]
 *                                [--memory-limit 1GB]
 * Files are generated once (seeded) into bench/out/ and reused. SUMMARIZE and profile alternate, each in a fresh
 * process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeBenchmarkCsv, writeMixedCsv, writeRepeatedCsv, writeWideCsv } from './generate-dataset.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../out');
const { values } = parseArgs({
  options: {
    shapes: { type: 'string', default: 'bench,mixed,wide,taxis' },
    rows: { type: 'string', default: '1000000,10000000' },
    repeat: { type: 'string', default: '2' },
    'memory-limit': { type: 'string', default: '1GB' },
  },
});
const repeat = Number(values.repeat);
const memoryLimit = values['memory-limit'];

interface Measurement {
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  load: number;
  phasesMs: Record<string, number> | null;
  error?: string;
}

interface BenchFile {
  label: string;
  file: string;
  write: (file: string) => Promise<void>;
}

function filesOf(shape: string): BenchFile[] {
  switch (shape) {
    case 'bench':
      return values.rows.split(',').map((text) => {
        const rows = Number(text);
        return { label: `bench ${rows.toLocaleString('en')}`, file: `profile-bench-${rows}.csv`, write: (f) => writeBenchmarkCsv(f, rows) };
      });
    case 'mixed':
      return [{ label: 'mixed 1,000,000', file: 'profile-mixed-1000000.csv', write: (f) => writeMixedCsv(f, 1_000_000) }];
    case 'wide':
      return [{ label: 'wide 1,000 cols × 100,000', file: 'profile-wide-1000x100000.csv', write: (f) => writeWideCsv(f, 100_000, 1000) }];
    case 'taxis':
      return [
        {
          label: 'taxis ×155 (1,000,000)',
          file: 'profile-taxis-1000000.csv',
          write: (f) => writeRepeatedCsv(path.resolve(here, '../../../shared/datasets/taxis.csv'), f, 1_000_000),
        },
      ];
    default:
      throw new Error(`unknown shape ${shape} (bench, mixed, wide, taxis)`);
  }
}

function measure(mode: 'profile' | 'summarize', file: string): Measurement {
  const tsx = path.resolve(here, '../../node_modules/.bin/tsx');
  try {
    const output = execFileSync(tsx, [path.join(here, 'measure-once.ts'), mode, file, memoryLimit], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(output.trim().split('\n').pop()!) as Measurement;
  } catch (error) {
    const message = String((error as { stderr?: string }).stderr ?? error).match(/Error: [^\n]*/)?.[0] ?? 'failed';
    return { wallMs: Number.NaN, cpuMs: Number.NaN, peakRssMb: Number.NaN, load: os.loadavg()[0]!, phasesMs: null, error: message };
  }
}

/** Median (lower median of an even count: with two runs, the faster one, the one less disturbed by other work). */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

mkdirSync(outDir, { recursive: true });
console.log(`machine: ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(`memory_limit ${memoryLimit}, ${repeat} alternating runs per file\n`);
const details: string[] = [];
const table: string[] = [
  '| file | MB | SUMMARIZE wall ms (runs) | profile wall ms (runs) | wall ratio | CPU ratio | profile peak RSS MB | SUMMARIZE peak RSS MB | profile phases ms (median run) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
];
for (const shape of values.shapes.split(',')) {
  for (const { label, file: name, write } of filesOf(shape)) {
    const file = path.join(outDir, name);
    if (!existsSync(file)) {
      // Written under a temporary name first, so an interrupted run never leaves a truncated file behind.
      await write(`${file}.partial`);
      renameSync(`${file}.partial`, file);
    }
    const summarize: Measurement[] = [];
    const profile: Measurement[] = [];
    for (let i = 0; i < repeat; i++) {
      summarize.push(measure('summarize', file));
      profile.push(measure('profile', file));
    }
    const ok = (ms: Measurement[]) => ms.filter((m) => !m.error);
    const s = median(ok(summarize).map((m) => m.wallMs));
    const profiled = ok(profile);
    const p = profiled.length > 0 ? median(profiled.map((m) => m.wallMs)) : Number.NaN;
    const cpuRatio = median(profiled.map((m) => m.cpuMs)) / median(ok(summarize).map((m) => m.cpuMs));
    const runs = (ms: Measurement[]) => ms.map((m) => (m.error ? 'failed' : m.wallMs)).join('/');
    const medianRun = profiled.find((m) => m.wallMs === p);
    const phases = Object.entries(medianRun?.phasesMs ?? {})
      .map(([phase, ms]) => `${phase} ${ms}`)
      .join(', ');
    table.push(
      `| ${label} | ${(statSync(file).size / 1e6).toFixed(0)} | ${s} (${runs(summarize)}) | ${p} (${runs(profile)}) | ${(p / s).toFixed(2)} | ${cpuRatio.toFixed(2)} | ${Math.max(...profile.map((m) => m.peakRssMb))} | ${Math.max(...summarize.map((m) => m.peakRssMb))} | ${phases} |`,
    );
    console.log(table[table.length - 1]);
    // Each pair as run (same moment, same load): its own ratio, the CPU times, and the profile's phases.
    summarize.forEach((sm, i) => {
      const pm = profile[i]!;
      const pairPhases = Object.entries(pm.phasesMs ?? {})
        .map(([phase, ms]) => `${phase} ${ms}`)
        .join(', ');
      details.push(
        pm.error
          ? `${label} run ${i + 1}: load ${sm.load}/${pm.load}, SUMMARIZE ${sm.wallMs} ms (CPU ${sm.cpuMs}), profile failed: ${pm.error}`
          : `${label} run ${i + 1}: load ${sm.load}/${pm.load}, SUMMARIZE ${sm.wallMs} ms (CPU ${sm.cpuMs}), profile ${pm.wallMs} ms (CPU ${pm.cpuMs}, peak RSS ${pm.peakRssMb} MB) → ${(pm.wallMs / sm.wallMs).toFixed(2)}× wall, ${(pm.cpuMs / sm.cpuMs).toFixed(2)}× CPU; phases: ${pairPhases}`,
      );
    });
  }
}
console.log(`\n${table.join('\n')}\n\n${details.join('\n')}`);
