/**
 * One measurement in a fresh process (so peak RSS belongs to that run alone):
 *   tsx bench/profile/measure-once.ts profile|summarize FILE MEMORY_LIMIT
 * Prints {"wallMs": …, "peakRssMb": …} on stdout.
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

const started = performance.now();
if (mode === 'profile') await profileFile(file, { memoryLimit });
else await summarize(file);
const wallMs = Math.round(performance.now() - started);
// maxRSS is reported in kilobytes.
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ wallMs, peakRssMb })}\n`);
