/**
 * Analyses benchmark (issue 8): what the queue, the worker's child process, insights, persistence and events
 * cost on top of the profiler, and how many small analyses one or two standalone workers get through.
 *
 *   npx tsx bench/analyses/run.ts [--repeat 3] [--throughput-repeat 2] [--poll-ms 50] [--skip-large] [--skip-throughput]
 *
 * Set-up: a fresh database on the local PostgreSQL (tests/support/api.ts), the GraphQL server on a real port,
 * files uploaded through the multipart endpoint (examples/upload-dataset.ts), workers started as `npm run worker`
 * starts them (tests/support/worker-process.ts) with production-like settings (heartbeat 5 s, stale after 30 s,
 * PROFILER_MEMORY_LIMIT 1GB, PROFILER_THREADS 2 = every core of the 2-core development machine).
 *
 * 1. Large: the 1,000,000-row file of the profiler benchmark (bench/out/, generated if missing), analysed
 *    (startAnalysis → COMPLETED seen in the database) and profiled in this process with the worker's options
 *    (`profileFile(storedCopy, { memoryLimit, threads, tempDirectory })`), alternating, `--repeat` times each.
 * 2. Child process: the profile of iris.csv in a new child process, in a warm one (as the worker runs it:
 *    `ProfilerProcesses` keeps children between analyses) and with `profileFile` in this process.
 * 3. Throughput: 20 GENERAL_AUDIT analyses (the five shared files, four times each), queued one after the other,
 *    with one and with two workers (WORKER_CONCURRENCY 1 each), alternating, `--throughput-repeat` times each.
 *
 * Completion is seen by polling the analyses table every `--poll-ms` ms (default 50), so end times are late by
 * at most that plus one query. The breakdown uses the analysis' own timestamps: created_at (startAnalysis'
 * transaction) → started_at (a worker claimed it) → completed_at (results written).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { uploadDataset } from '../../examples/upload-dataset.js';
import { ProfilerProcesses } from '../../src/analyses/profile-in-child.js';
import { analyzeProfile } from '../../src/insights/index.js';
import { profileFile } from '../../src/profiling/index.js';
import { createTestApi, decodeId, encodeId, type TestApi } from '../../tests/support/api.js';
import { createUser, createWorkspace } from '../../tests/support/fixtures.js';
import { listen, type HttpServer } from '../../tests/support/http-server.js';
import { startWorker, type WorkerProcess } from '../../tests/support/worker-process.js';
import { writeBenchmarkCsv } from '../profile/generate-dataset.js';

const root = path.resolve(import.meta.dirname, '../..');
const sharedDatasets = path.resolve(root, '../shared/datasets');
const SMALL_FILES = ['iris.csv', 'penguins.csv', 'taxis.csv', 'tips.csv', 'titanic.csv'];
const LARGE_ROWS = 1_000_000;
const BATCH = 20;

const { values } = parseArgs({
  options: {
    repeat: { type: 'string', default: '3' },
    'throughput-repeat': { type: 'string', default: '2' },
    'poll-ms': { type: 'string', default: '50' },
    'skip-large': { type: 'boolean', default: false },
    'skip-throughput': { type: 'boolean', default: false },
  },
});
const repeat = Number(values.repeat);
const throughputRepeat = Number(values['throughput-repeat']);
const pollMs = Number(values['poll-ms']);

// The worker's profiler settings, and the same ones for the in-process profile.
const MEMORY_LIMIT = '1GB';
const THREADS = 2;
const workerEnv = {
  PROFILER_MEMORY_LIMIT: MEMORY_LIMIT,
  PROFILER_THREADS: String(THREADS),
  WORKER_CONCURRENCY: '1',
  ANALYSIS_HEARTBEAT_INTERVAL: '5',
  ANALYSIS_STALE_AFTER: '30',
};

const START = `mutation Start($datasetId: ID!, $goalType: AnalysisGoalType!) {
  startAnalysis(datasetId: $datasetId, goalType: $goalType) { id status }
}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const ms = (x: number) => Math.round(x);
const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return {
    min: sorted[0]!,
    median: sorted[Math.floor((sorted.length - 1) / 2)]!,
    max: sorted[sorted.length - 1]!,
    mean: xs.reduce((s, x) => s + x, 0) / xs.length,
  };
};
const range = (xs: number[]) => {
  const s = stats(xs);
  return `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
};

/** CPU time of a process and its waited-for children (the worker's profile children), in ms, from /proc. */
const clockTicks = 100; // getconf CLK_TCK on Linux
function processTreeCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command: state(3) … utime(14) stime(15) cutime(16) cstime(17), 1-based as in proc(5).
  return ([11, 12, 13, 14] as const).reduce((sum, i) => sum + Number(fields[i]), 0) * (1000 / clockTicks);
}

type Timed = {
  id: number;
  totalMs: number;
  createdToStartedMs: number;
  startedToCompletedMs: number;
  workerId: string | null;
  startedAt: number;
  completedAt: number;
};

/** Per worker, the time between one analysis' completed_at and the next one's started_at (its fetch loop). */
function idleGaps(timed: Timed[]): number[] {
  const byWorker = new Map<string | null, Timed[]>();
  for (const t of timed) byWorker.set(t.workerId, [...(byWorker.get(t.workerId) ?? []), t]);
  return [...byWorker.values()].flatMap((runs) => {
    const sorted = [...runs].sort((a, b) => a.startedAt - b.startedAt);
    return sorted.slice(1).map((t, i) => t.startedAt - sorted[i]!.completedAt);
  });
}

class Bench {
  private workers: WorkerProcess[] = [];
  constructor(
    readonly api: TestApi,
    readonly http: HttpServer,
    readonly dataDir: string,
    readonly token: string,
    readonly workspaceId: string,
  ) {}

  async upload(filePath: string, name?: string) {
    const dataset = await uploadDataset({ endpoint: this.http.url, token: this.token, workspaceId: this.workspaceId, filePath, name });
    const row = await this.api.db.prisma.dataset.findUniqueOrThrow({ where: { id: decodeId(dataset.id) }, select: { filePath: true } });
    return { id: dataset.id, storedPath: this.api.storage.localPath(row.filePath), rows: dataset.rowCount };
  }

  async setWorkers(count: number) {
    while (this.workers.length > count) await this.workers.pop()!.stop();
    while (this.workers.length < count) {
      this.workers.push(
        await startWorker({ databaseUrl: this.api.db.url, storageDir: this.api.storage.root, dataDir: this.dataDir, env: workerEnv }),
      );
    }
    return this.workers;
  }

  async start(datasetId: string): Promise<number> {
    const response = await this.api.post(START, { datasetId, goalType: 'GENERAL_AUDIT' }, { token: this.token });
    const result = (await response.json()) as { data?: { startAnalysis: { id: string } }; errors?: unknown[] };
    if (result.errors?.length || !result.data) throw new Error(`startAnalysis failed: ${JSON.stringify(result.errors)}`);
    return decodeId(result.data.startAnalysis.id);
  }

  /** Polls until every analysis is COMPLETED (throws on FAILED); returns performance.now() when all were seen done. */
  async waitAll(ids: number[], timeoutMs = 600_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await this.api.db.prisma.analysis.findMany({
        where: { id: { in: ids } },
        select: { id: true, status: true, errorMessage: true },
      });
      const failed = rows.find((r) => r.status === 'FAILED');
      if (failed)
        throw new Error(
          `analysis ${failed.id} failed: ${failed.errorMessage}\n${this.workers.map((w) => w.output().slice(-2000)).join('\n')}`,
        );
      if (rows.length === ids.length && rows.every((r) => r.status === 'COMPLETED')) return performance.now();
      if (Date.now() > deadline) throw new Error('timed out waiting for analyses');
      await sleep(pollMs);
    }
  }

  async timings(ids: number[], startedAt: number, doneAt: number): Promise<Timed[]> {
    const rows = await this.api.db.prisma.analysis.findMany({
      where: { id: { in: ids } },
      select: { id: true, createdAt: true, startedAt: true, completedAt: true, workerId: true, attempts: true },
      orderBy: { id: 'asc' },
    });
    for (const r of rows) if (r.attempts !== 1) console.warn(`  (analysis ${r.id} took ${r.attempts} attempts)`);
    return rows.map((r) => ({
      id: r.id,
      totalMs: doneAt - startedAt,
      createdToStartedMs: r.startedAt!.getTime() - r.createdAt.getTime(),
      startedToCompletedMs: r.completedAt!.getTime() - r.startedAt!.getTime(),
      workerId: r.workerId,
      startedAt: r.startedAt!.getTime(),
      completedAt: r.completedAt!.getTime(),
    }));
  }

  async stopAll() {
    await this.setWorkers(0);
  }
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-analyses-'));
const api = await createTestApi({ uploads: { maxBytes: 1024 ** 3 } });
const http = await listen(api);
const ownerId = (await createUser(api.db.prisma)).id;
const bench = new Bench(
  api,
  http,
  dataDir,
  await api.tokenFor(ownerId),
  encodeId('Workspace', (await createWorkspace(api.db.prisma, ownerId)).id),
);
const profileOptions = { memoryLimit: MEMORY_LIMIT, threads: THREADS, tempDirectory: path.resolve(dataDir, 'duckdb-tmp') };

console.log(
  `machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
);
console.log(
  `worker: WORKER_CONCURRENCY 1, PROFILER_MEMORY_LIMIT ${MEMORY_LIMIT}, PROFILER_THREADS ${THREADS}, heartbeat 5 s; polling every ${pollMs} ms`,
);
console.log(`load average at start: ${load()}\n`);

try {
  const small = new Map<string, Awaited<ReturnType<Bench['upload']>>>();
  for (const name of SMALL_FILES) small.set(name, await bench.upload(path.join(sharedDatasets, name)));
  const iris = small.get('iris.csv')!;

  // Warm-ups: this process' profiler (DuckDB loaded) and one worker's first analysis.
  await profileFile(iris.storedPath, profileOptions);
  await bench.setWorkers(1);
  {
    const id = await bench.start(iris.id);
    await bench.waitAll([id]);
  }

  // ---- 1. the 1M-row file: analysis vs profiler alone --------------------------------------------------
  if (!values['skip-large']) {
    const outDir = path.resolve(root, 'bench/out');
    const file = path.join(outDir, `profile-bench-${LARGE_ROWS}.csv`);
    mkdirSync(outDir, { recursive: true });
    if (!existsSync(file)) await writeBenchmarkCsv(file, LARGE_ROWS);
    const uploadStarted = performance.now();
    const large = await bench.upload(file);
    console.log(
      `uploaded ${path.basename(file)} (${(statSync(file).size / 1e6).toFixed(0)} MB, ${large.rows} rows) in ${ms(performance.now() - uploadStarted)} ms`,
    );
    const [worker] = await bench.setWorkers(1);

    const analysisRuns: (Timed & { cpuMs: number })[] = [];
    const aloneRuns: { wallMs: number; cpuMs: number; insightsMs: number; jsonMs: number; jsonMb: number }[] = [];
    const runAnalysis = async () => {
      const cpuBefore = processTreeCpuMs(worker!.process.pid!);
      const started = performance.now();
      const id = await bench.start(large.id);
      const done = await bench.waitAll([id]);
      const cpuMs = processTreeCpuMs(worker!.process.pid!) - cpuBefore;
      const [t] = await bench.timings([id], started, done);
      analysisRuns.push({ ...t!, cpuMs });
      console.log(
        `  analysis: ${ms(t!.totalMs)} ms (queued→claimed ${t!.createdToStartedMs}, claimed→completed ${t!.startedToCompletedMs}; worker CPU incl. child ${ms(cpuMs)}) load ${load()}`,
      );
    };
    const runAlone = async () => {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const profile = await profileFile(large.storedPath, profileOptions);
      const wallMs = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      // Two parts of the worker's extra work, timed here on the same profile: the insights, and serialising
      // the profile (the child sends it to the worker over IPC as JSON, and the worker parses it).
      let t = performance.now();
      analyzeProfile(profile, { goal: 'GENERAL_AUDIT', targetColumn: null });
      const insightsMs = performance.now() - t;
      t = performance.now();
      const json = JSON.stringify(profile);
      JSON.parse(json);
      const jsonMs = performance.now() - t;
      aloneRuns.push({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000, insightsMs, jsonMs, jsonMb: json.length / 1e6 });
      console.log(
        `  profiler alone: ${ms(wallMs)} ms (CPU ${ms((cpu.user + cpu.system) / 1000)}); then insights ${ms(insightsMs)} ms, profile JSON ${(json.length / 1e6).toFixed(2)} MB stringify+parse ${ms(jsonMs)} ms  load ${load()}`,
      );
    };
    console.log(`\n1M rows, ${repeat} runs each, alternating (order swapped every round):`);
    for (let i = 0; i < repeat; i++) {
      if (i % 2 === 0) {
        await runAnalysis();
        await runAlone();
      } else {
        await runAlone();
        await runAnalysis();
      }
    }
    const total = analysisRuns.map((r) => r.totalMs);
    const alone = aloneRuns.map((r) => r.wallMs);
    const overhead = stats(total).median - stats(alone).median;
    console.log('\n| 1M rows (89 MB) | wall ms, median (min–max) | CPU ms, median (min–max) |');
    console.log('| --- | ---: | ---: |');
    console.log(`| profiler alone (in-process, ${THREADS} threads) | ${range(alone)} | ${range(aloneRuns.map((r) => r.cpuMs))} |`);
    console.log(`| startAnalysis → COMPLETED seen | ${range(total)} | ${range(analysisRuns.map((r) => r.cpuMs))} (worker + child) |`);
    console.log(`| of which created → claimed (queue) | ${range(analysisRuns.map((r) => r.createdToStartedMs))} | |`);
    console.log(
      `| of which claimed → completed (child, profile, insights, write) | ${range(analysisRuns.map((r) => r.startedToCompletedMs))} | |`,
    );
    console.log(`| (in-process, after the profile) insights | ${range(aloneRuns.map((r) => r.insightsMs))} | |`);
    console.log(
      `| (in-process, after the profile) profile JSON stringify + parse, ${aloneRuns[0]!.jsonMb.toFixed(2)} MB | ${range(aloneRuns.map((r) => r.jsonMs))} | |`,
    );
    console.log(
      `\noverhead (median analysis − median profiler alone): ${ms(overhead)} ms = ${((100 * overhead) / stats(alone).median).toFixed(1)}% of the profile; CPU ${ms(stats(analysisRuns.map((r) => r.cpuMs)).median - stats(aloneRuns.map((r) => r.cpuMs)).median)} ms`,
    );
  }

  // ---- 2. the child process' fixed cost ---------------------------------------------------------------
  {
    const cold: number[] = [];
    const warm: number[] = [];
    const inProcess: number[] = [];
    const run = (pool: ProfilerProcesses) =>
      pool.profile(iris.storedPath, profileOptions, { signal: new AbortController().signal, onProgress: () => {} });
    const warmPool = new ProfilerProcesses();
    await run(warmPool); // started once, as a worker does at start-up
    for (let i = 0; i < 5; i++) {
      const fresh = new ProfilerProcesses();
      let started = performance.now();
      await run(fresh);
      cold.push(performance.now() - started);
      fresh.close();
      started = performance.now();
      await run(warmPool);
      warm.push(performance.now() - started);
      started = performance.now();
      await profileFile(iris.storedPath, profileOptions);
      inProcess.push(performance.now() - started);
    }
    warmPool.close();
    console.log(
      `\niris.csv (150 rows), 5 runs each: in a new child process (node --import tsx) ${range(cold)} ms, in a warm child ${range(warm)} ms, in-process ${range(inProcess)} ms`,
    );
    console.log(
      `→ a new child costs ≈ ${ms(stats(cold).median - stats(inProcess).median)} ms, a warm one ≈ ${ms(stats(warm).median - stats(inProcess).median)} ms  load ${load()}`,
    );
  }

  // ---- 3. throughput of 20 small analyses with one and two workers ----------------------------------------
  if (!values['skip-throughput']) {
    const order = Array.from({ length: BATCH }, (_, i) => small.get(SMALL_FILES[i % SMALL_FILES.length]!)!);
    const results: Record<number, { wallMs: number; cpuMs: number; perAnalysis: number[]; gaps: number[] }[]> = { 1: [], 2: [] };
    console.log(
      `\nthroughput: ${BATCH} GENERAL_AUDIT analyses (${SMALL_FILES.join(', ')} ×${BATCH / SMALL_FILES.length}), queued one after another`,
    );
    for (let round = 0; round < throughputRepeat; round++) {
      for (const count of round % 2 === 0 ? [1, 2] : [2, 1]) {
        const workers = await bench.setWorkers(count);
        await sleep(1500); // every worker's fetch loop running and idle
        const cpu = () => workers.reduce((sum, w) => sum + processTreeCpuMs(w.process.pid!), 0);
        const cpuBefore = cpu();
        const started = performance.now();
        const ids: number[] = [];
        for (const dataset of order) ids.push(await bench.start(dataset.id));
        const enqueueMs = performance.now() - started;
        const done = await bench.waitAll(ids);
        const cpuMs = (cpu() - cpuBefore) / BATCH;
        const t = await bench.timings(ids, started, done);
        const used = new Set(t.map((x) => x.workerId)).size;
        const gaps = idleGaps(t);
        results[count]!.push({ wallMs: done - started, cpuMs, perAnalysis: t.map((x) => x.startedToCompletedMs), gaps });
        console.log(
          `  ${count} worker(s): ${BATCH} in ${ms(done - started)} ms = ${((BATCH * 1000) / (done - started)).toFixed(2)}/s (queuing took ${ms(enqueueMs)} ms; ` +
            `claimed→completed per analysis ${range(t.map((x) => x.startedToCompletedMs))} ms; a worker's gap between analyses ${range(gaps)} ms; ` +
            `worker+child CPU ${ms(cpuMs)} ms per analysis; ${used} worker(s) took jobs) load ${load()}`,
        );
      }
    }
    console.log(
      "\n| workers | wall ms for 20, per run | analyses/s, per run | claimed → completed per analysis ms, median (min–max) | gap between a worker's analyses ms, median (min–max) | worker + child CPU ms per analysis, per run |",
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const count of [1, 2]) {
      const runs = results[count]!;
      console.log(
        `| ${count} | ${runs.map((r) => ms(r.wallMs)).join(' / ')} | ${runs.map((r) => ((BATCH * 1000) / r.wallMs).toFixed(2)).join(' / ')} | ` +
          `${range(runs.flatMap((r) => r.perAnalysis))} | ${range(runs.flatMap((r) => r.gaps))} | ${runs.map((r) => ms(r.cpuMs)).join(' / ')} |`,
      );
    }
  }
} finally {
  await bench.stopAll().catch((error) => console.error('stopping workers failed', error));
  await http.close();
  await api.close();
  await rm(dataDir, { recursive: true, force: true });
}
console.log(`\nload average at end: ${load()}`);
