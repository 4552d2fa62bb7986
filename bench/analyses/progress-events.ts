/**
 * Progress benchmark (issue 14): what a follower of a long analysis hears. One analysis of the profiler
 * benchmark's file (bench/out/, generated if missing), followed with `analysisUpdated` over Server-Sent Events
 * from the moment it is queued; prints each phase's events, the percentages it reported and the longest silence
 * while the run went on.
 *
 *   npx tsx bench/analyses/progress-events.ts [--rows 1000000]
 *
 * Set-up as bench/analyses/run.ts: a fresh database on the local PostgreSQL, the GraphQL server on a real port,
 * a standalone worker (PROFILER_THREADS 2, PROFILER_MEMORY_LIMIT 1GB).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { uploadDataset } from '../../examples/upload-dataset.js';
import { createTestApi, encodeId } from '../../tests/support/api.js';
import { createUser, createWorkspace } from '../../tests/support/fixtures.js';
import { listen } from '../../tests/support/http-server.js';
import { subscribe } from '../../tests/support/sse.js';
import { startWorker } from '../../tests/support/worker-process.js';
import { writeBenchmarkCsv } from '../profile/generate-dataset.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const rows = Number(values.rows);
const root = path.resolve(import.meta.dirname, '../..');
const file = path.join(root, 'bench/out', `benchmark-${rows}.csv`);
if (!existsSync(file)) {
  mkdirSync(path.dirname(file), { recursive: true });
  await writeBenchmarkCsv(file, rows);
}

type Update = { data?: { analysisUpdated: { status: string; progress: { phase: string; percent: number | null } } } };

const api = await createTestApi({ uploads: { maxBytes: 1024 ** 3 } });
const http = await listen(api);
const dir = await mkdtemp(path.join(os.tmpdir(), 'progress-bench-'));
const worker = await startWorker({
  databaseUrl: api.db.url,
  storageDir: api.storage.root,
  dataDir: dir,
  env: { PROFILER_MEMORY_LIMIT: '1GB', PROFILER_THREADS: '2', WORKER_CONCURRENCY: '1' },
});
try {
  const owner = await createUser(api.db.prisma);
  const token = await api.tokenFor(owner.id);
  const workspaceId = encodeId('Workspace', (await createWorkspace(api.db.prisma, owner.id)).id);
  const dataset = await uploadDataset({ endpoint: http.url, token, workspaceId, filePath: file });
  const startResponse = await fetch(http.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation($id: ID!) { startAnalysis(datasetId: $id, goalType: GENERAL_AUDIT) { id } }',
      variables: { id: dataset.id },
    }),
  });
  const analysisId = ((await startResponse.json()) as { data: { startAnalysis: { id: string } } }).data.startAnalysis.id;
  const stream = await subscribe<Update>(
    http.url,
    token,
    'subscription($id: ID!) { analysisUpdated(id: $id) { status progress { phase percent } } }',
    {
      id: analysisId,
    },
  );
  const events: { at: number; status: string; phase: string; percent: number | null }[] = [];
  const t0 = performance.now();
  for (;;) {
    const update = (await stream.next()).data!.analysisUpdated;
    events.push({ at: performance.now() - t0, status: update.status, phase: update.progress.phase, percent: update.progress.percent });
    if (update.status === 'COMPLETED' || update.status === 'FAILED') break;
  }
  stream.close();
  const running = events.filter((e) => e.status === 'RUNNING');
  const gaps = running.slice(1).map((e, i) => e.at - running[i]!.at);
  console.log(
    `${rows.toLocaleString('en')} rows, ${events.length} events, ${(events.at(-1)!.at / 1000).toFixed(1)} s from subscribing to ${events.at(-1)!.status}`,
  );
  console.log(
    `longest silence while RUNNING: ${Math.round(Math.max(...gaps))} ms (median gap ${Math.round(gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!)} ms)`,
  );
  console.log('| phase | events | first at (s) | percentages reported |');
  console.log('| --- | --- | --- | --- |');
  const phases = [...new Set(events.map((e) => e.phase))];
  for (const phase of phases) {
    const of = events.filter((e) => e.phase === phase);
    const percents = of.map((e) => e.percent).filter((p): p is number => p !== null);
    const shown = percents.length
      ? `${percents.length}: ${Math.min(...percents).toFixed(0)} → ${Math.max(...percents).toFixed(0)}`
      : 'none (null)';
    console.log(`| ${phase} | ${of.length} | ${(of[0]!.at / 1000).toFixed(2)} | ${shown} |`);
  }
} finally {
  await worker.stop();
  await http.close();
  await api.close();
  await rm(dir, { recursive: true, force: true });
}
