// Workers as real processes sharing one queue: twenty analyses split between
// two workers with each run exactly once, and a worker killed with SIGKILL in
// the middle of an analysis whose run is then picked up and completed, with
// no half-written results.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadDataset } from '../../examples/upload-dataset.js';
import { createTestApi, decodeId, encodeId, type TestApi } from '../support/api.js';
import { createUser, createWorkspace } from '../support/fixtures.js';
import { listen, type HttpServer } from '../support/http-server.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { startWorker, type WorkerProcess } from '../support/worker-process.js';

const sharedDatasets = path.resolve(import.meta.dirname, '../../../shared/datasets');

let api: TestApi;
let http: HttpServer;
let dir: string;
let ownerId: number;
let token: string;
let workspaceId: string;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  api = await createTestApi();
  http = await listen(api);
  dir = await mkdtemp(path.join(os.tmpdir(), 'workers-'));
  ownerId = (await createUser(api.db.prisma)).id;
  token = await api.tokenFor(ownerId);
  workspaceId = encodeId('Workspace', (await createWorkspace(api.db.prisma, ownerId)).id);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await http?.close();
  await api?.close();
  await rm(dir, { recursive: true, force: true });
});

const worker = async (options: { databaseUrl?: string; env?: Record<string, string> } = {}) => {
  const started = await startWorker({
    databaseUrl: options.databaseUrl ?? api.db.url,
    storageDir: api.storage.root,
    dataDir: dir,
    env: options.env,
  });
  workers.push(started);
  return started;
};

async function startAnalysis(datasetId: string): Promise<number> {
  const response = await api.post(
    'mutation($d: ID!) { startAnalysis(datasetId: $d, goalType: GENERAL_AUDIT) { id status } }',
    { d: datasetId },
    { token },
  );
  const body = (await response.json()) as { data: { startAnalysis: { id: string; status: string } } };
  expect(body.data.startAnalysis.status).toBe('PENDING');
  return decodeId(body.data.startAnalysis.id);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}: ${JSON.stringify(value)}\n${workers.map((w) => w.output().slice(-2000)).join('\n---\n')}`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('two standalone workers', () => {
  it('share twenty queued analyses, each run exactly once', async () => {
    const files = ['iris.csv', 'penguins.csv', 'tips.csv', 'titanic.csv'];
    const datasets = await Promise.all(
      files.map((f) => uploadDataset({ endpoint: http.url, token, workspaceId, filePath: path.join(sharedDatasets, f) })),
    );
    // Queued before any worker exists, so both start with a full queue.
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) ids.push(await startAnalysis(datasets[i % datasets.length]!.id));
    const [a, b] = await Promise.all([worker(), worker()]);

    const done = await until(
      () =>
        api.db.prisma.analysis.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, attempts: true, workerId: true } }),
      (rows) => rows.every((r) => r.status === 'COMPLETED' || r.status === 'FAILED'),
      180_000,
      'twenty analyses',
    );
    expect(done.map((r) => r.status)).toEqual(Array(20).fill('COMPLETED'));
    // Exactly once: every analysis started once, and the queue ran each job once.
    expect(done.map((r) => r.attempts)).toEqual(Array(20).fill(1));
    const jobs = await api.db.pool.query<{ state: string; retry_count: number }>(
      `SELECT state::text, retry_count FROM pgboss.job WHERE name = 'analysis' UNION ALL SELECT state::text, retry_count FROM pgboss.archive WHERE name = 'analysis'`,
    );
    expect(jobs.rows.filter((j) => j.state === 'completed')).toHaveLength(20);
    expect(jobs.rows.every((j) => j.retry_count === 0)).toBe(true);
    // Both took part; no profile written twice.
    const byWorker = new Map<string, number>();
    for (const row of done) byWorker.set(row.workerId!.split(':')[1]!, (byWorker.get(row.workerId!.split(':')[1]!) ?? 0) + 1);
    expect([...byWorker.keys()].sort()).toEqual([String(a.process.pid), String(b.process.pid)].sort());
    const profiles = await api.db.prisma.columnProfile.groupBy({
      by: ['analysisId', 'columnName'],
      where: { analysisId: { in: ids } },
      _count: { _all: true },
    });
    expect(profiles.every((p) => p._count._all === 1)).toBe(true);
    await Promise.all([a.stop(), b.stop()]);
  }, 240_000);
});

/** A file that takes a worker several seconds: time to kill it, cut its database or run out of time. */
async function bigDataset() {
  const big = path.join(dir, 'big.csv');
  const rows = ['id,amount,label,day'];
  for (let i = 0; i < 1_500_000; i++)
    rows.push(`${i},${(i * 7919) % 10007}.5,label ${i % 97},2024-01-${String((i % 28) + 1).padStart(2, '0')}`);
  await writeFile(big, rows.join('\n') + '\n');
  return uploadDataset({ endpoint: http.url, token, workspaceId, filePath: big });
}

const readAnalysis = (id: number) =>
  api.db.prisma.analysis.findUniqueOrThrow({ where: { id }, include: { _count: { select: { columnProfiles: true, insights: true } } } });

describe('a worker killed with SIGKILL mid-analysis', () => {
  it('leaves no half-written results, and the analysis is picked up again and completes', async () => {
    const dataset = await bigDataset();
    const first = await worker();
    const id = await startAnalysis(dataset.id);
    const read = () => readAnalysis(id);
    await until(
      read,
      (a) => a.status === 'RUNNING' && ['loading', 'statistics', 'distributions'].includes(a.progressPhase ?? ''),
      60_000,
      'the analysis to be running',
    );

    await first.kill();
    const orphaned = await read();
    expect(orphaned.status).toBe('RUNNING');
    expect(orphaned._count).toEqual({ columnProfiles: 0, insights: 0 });

    // Another worker notices the silence (no heartbeat for 3 s), requeues the run and completes it.
    const second = await worker();
    const done = await until(read, (a) => a.status === 'COMPLETED' || a.status === 'FAILED', 120_000, 'the analysis to complete');
    expect(done).toMatchObject({ status: 'COMPLETED', attempts: 2, errorMessage: null, _count: { columnProfiles: 4 } });
    expect(done.workerId!.split(':')[1]).toBe(String(second.process.pid));
    expect(second.output()).toMatch(/requeued an analysis whose worker stopped responding/);
    const dataset_ = await api.db.prisma.dataset.findUniqueOrThrow({ where: { id: decodeId(dataset.id) } });
    expect(dataset_).toMatchObject({ status: 'COMPLETED', rowCount: 1_500_000 });
    await second.stop();
  }, 240_000);
});

/** The processes a process forked (Linux: /proc). */
async function childPids(pid: number): Promise<number[]> {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8');
  return text.trim().split(/\s+/).filter(Boolean).map(Number);
}

describe('faults that are not the data’s', () => {
  it('retries an analysis whose profiler child was killed (the OOM killer, kill -9) on a fresh child, and completes it', async () => {
    const dataset = await bigDataset();
    const w = await worker();
    const id = await startAnalysis(dataset.id);
    // The child is mid-profile once the run reports one of the profiler's own phases.
    await until(
      () => readAnalysis(id),
      (a) => a.status === 'RUNNING' && ['loading', 'statistics'].includes(a.progressPhase ?? ''),
      60_000,
      'the profiler to be running',
    );
    const children = await childPids(w.process.pid!);
    expect(children.length).toBeGreaterThan(0);
    for (const pid of children) process.kill(pid, 'SIGKILL');

    const done = await until(
      () => readAnalysis(id),
      (a) => a.status === 'COMPLETED' || a.status === 'FAILED',
      120_000,
      'the analysis to complete',
    );
    expect(done).toMatchObject({ status: 'COMPLETED', attempts: 2, errorMessage: null, _count: { columnProfiles: 4 } });
    expect(w.output()).toMatch(/The profiler stopped unexpectedly \(signal SIGKILL\)/);
    expect(w.output()).not.toMatch(/"level":"error"/);
    expect(w.process.exitCode).toBeNull();
    await w.stop();
  }, 240_000);

  it('survives losing the database mid-analysis: the run is retried and completes', async () => {
    const proxy = new TcpProxy({ host: '127.0.0.1', port: Number(new URL(api.db.url).port || 5432) });
    await proxy.start();
    const dataset = await bigDataset();
    // The database goes away at a known point: the moment the run sends its results.
    const away = proxy.stopWhenSent('INSERT INTO "public"."column_profiles"');
    const w = await worker({ databaseUrl: proxy.urlFor(api.db.url) });
    const id = await startAnalysis(dataset.id);
    await away;
    // It stays away until the write's own retries have given up (seconds of backoff, whatever the machine's load).
    await until(
      async () => w.output(),
      (out) => out.includes('analysis hit a transient error; the queue will retry it'),
      120_000,
      'the write to fail',
    );
    await proxy.start();
    const done = await until(
      () => readAnalysis(id),
      (a) => a.status === 'COMPLETED' || a.status === 'FAILED',
      120_000,
      'the analysis to complete',
    );
    expect(done).toMatchObject({ status: 'COMPLETED', errorMessage: null, _count: { columnProfiles: 4 } });
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    // Retried as a transient failure: never recorded as a bug, and the worker lived through it.
    expect(w.output()).not.toMatch(/"level":"error"/);
    expect(w.process.exitCode).toBeNull();
    await w.stop();
    await proxy.stop();
  }, 240_000);

  it('fails a pending analysis whose job ran out of attempts before any worker could take it', async () => {
    const dataset = await uploadDataset({ endpoint: http.url, token, workspaceId, filePath: path.join(sharedDatasets, 'iris.csv') });
    const id = await startAnalysis(dataset.id);
    const { jobId } = await api.db.prisma.analysis.findUniqueOrThrow({ where: { id }, select: { jobId: true } });
    // As the queue leaves a job whose every attempt failed before a claim (the database away each time).
    await api.db.pool.query(`UPDATE pgboss.job SET state = 'failed', retry_count = retry_limit WHERE id = $1`, [jobId]);
    const w = await worker();
    const done = await until(
      () => readAnalysis(id),
      (a) => a.status !== 'PENDING',
      30_000,
      'the analysis to be failed',
    );
    expect(done).toMatchObject({
      status: 'FAILED',
      attempts: 0,
      errorMessage: 'The analysis could not be run: its attempts were used up. Start it again.',
    });
    await w.stop();
  }, 60_000);

  it('stops an analysis at the time limit and fails it, without retrying', async () => {
    const dataset = await bigDataset();
    // Shorter than starting the profiler takes: the limit is certain to strike first.
    const w = await worker({ env: { ANALYSIS_TIME_LIMIT: '0.2' } });
    const id = await startAnalysis(dataset.id);
    const done = await until(
      () => readAnalysis(id),
      (a) => a.status === 'COMPLETED' || a.status === 'FAILED',
      60_000,
      'the analysis to stop',
    );
    expect(done).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      errorMessage: 'The analysis was stopped after the time limit of 0.2 s.',
      _count: { columnProfiles: 0 },
    });
    await new Promise((r) => setTimeout(r, 3000));
    expect((await readAnalysis(id)).attempts).toBe(1);
    await w.stop();
  }, 120_000);
});
