/**
 * One measurement in a fresh process (so peak RSS belongs to that run alone):
 *   tsx bench/profile/measure-once.ts profile|summarize FILE MEMORY_LIMIT
 * Prints {"wallMs": …, "cpuMs": …, "peakRssMb": …, "load": …, "phasesMs": …} on stdout. CPU time (all threads)
 * is reported because this machine is shared: wall time moves with other load, CPU time less. `load` is the
 * 1-minute load average when the run started; `phasesMs` the profile's own per-phase timings (profile mode).
 */
import os from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { profileFile } from '../../src/profiling/index.js';

const [mode, file, memoryLimit = '1GB'] = process.argv.slice(2);
if (!file || (mode !== 'profile' && mode !== 'summarize')) {
  throw new Error('usage: measure-once.ts profile|summarize FILE [MEMORY_LIMIT]');
}

async function summarize(path: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: memoryLimit,
    temp_directory: os.tmpdir(),
    threads: String(os.availableParallelism()),
  });
  const connection = await instance.connect();
  await connection.runAndReadAll('SUMMARIZE SELECT * FROM read_csv($1)', [path]);
  connection.closeSync();
  instance.closeSync();
}

const load = Math.round(os.loadavg()[0]! * 100) / 100;
const started = performance.now();
const cpuBefore = process.cpuUsage();
let phasesMs: Record<string, number> | null = null;
if (mode === 'profile') phasesMs = (await profileFile(file, { memoryLimit })).timingsMs;
else await summarize(file);
const wallMs = Math.round(performance.now() - started);
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
// maxRSS is reported in kilobytes.
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ wallMs, cpuMs, peakRssMb, load, phasesMs })}\n`);
