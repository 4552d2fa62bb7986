// A large upload to object storage, and the time until its first analysis is
// done. The API server runs as `npm start` runs it (its own process,
// NODE_ENV=production, a fresh database on the local PostgreSQL) with
// STORAGE_URL=s3://… on s3rver (tests/support/s3-server.ts, its own process,
// objects on local disk) and WORKER_IN_PROCESS=false; one standalone worker
// (`npm run worker`, tests/support/worker-process.ts) with its own DATA_DIR
// and the bucket only. The file is generated on disk once and streamed by the
// typed example client. The server's resident memory is sampled every 20 ms
// and its kernel high-water mark (VmHWM) read at the end of the upload, as
// bench/upload/run.ts does for file storage.
//
//   npx tsx bench/storage/s3-upload.ts [--mib 1024] [--storage s3|file]
//
// `--storage file` runs the same journey on a local storage directory shared by
// the server and the worker (today's single-machine setup), for comparison.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { uploadDataset } from '../../examples/upload-dataset.js';
import { createEmptyDatabase } from '../../tests/support/test-database.js';
import { startWorker } from '../../tests/support/worker-process.js';

const argument = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const mib = Number(argument('--mib') ?? 1024);
const kind = argument('--storage') ?? 's3';
if (kind !== 's3' && kind !== 'file') throw new Error('--storage is s3 or file');
const root = path.resolve(import.meta.dirname, '../..');
const bucket = 'bench';
const prefix = 'uploads/';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A CSV of about `bytes` bytes: id, a number, a date, a category, some text (as bench/upload/run.ts). */
async function generateCsv(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  out.write('id,amount,day,category,note\n');
  let written = 0;
  let id = 0;
  const categories = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
  while (written < bytes) {
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      id++;
      lines.push(
        `${id},${((id * 7919) % 100_000) / 100},2024-${String((id % 12) + 1).padStart(2, '0')}-${String((id % 28) + 1).padStart(2, '0')},${categories[id % 5]},row ${id} of the upload benchmark`,
      );
    }
    const chunk = lines.join('\n') + '\n';
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return id;
}

async function rssOf(pid: number): Promise<{ rss: number; hwm: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
}

async function graphql(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: a benchmark reads whatever shape each query returns
  const result = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/** Every file under a folder (recursively), for the check that local copies are gone. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** s3rver in its own process: its memory and CPU are the store's, not the API's. */
async function startStore(directory: string): Promise<{ process: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/s3-server.ts', directory, bucket], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  for await (const chunk of child.stdout!) {
    output += chunk;
    const line = /\{"port":\d+\}/.exec(output);
    if (line) return { process: child, port: (JSON.parse(line[0]) as { port: number }).port };
  }
  throw new Error(`s3rver did not start: ${output}`);
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-s3-upload-'));
const file = path.join(dir, 'large.csv');
const rows = await generateCsv(file, mib * 1024 ** 2);
const size = (await stat(file)).size;
const store = kind === 's3' ? await startStore(path.join(dir, 's3')) : null;
const storageDir = path.join(dir, 'storage');
const storageEnv: Record<string, string> = store
  ? {
      STORAGE_URL: `s3://${bucket}/${prefix}`,
      S3_ENDPOINT: `http://127.0.0.1:${store.port}`,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    }
  : { STORAGE_DIR: storageDir };
const db = await createEmptyDatabase();
const port = await freePort();
const serverData = path.join(dir, 'server-data');
const workerData = path.join(dir, 'worker-data');
await mkdir(serverData);
await mkdir(workerData);
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
  cwd: root,
  env: {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    DATA_DIR: serverData,
    ...storageEnv,
    WORKER_IN_PROCESS: 'false',
    MAX_UPLOAD_BYTES: String(4 * 1024 ** 3),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const url = `http://127.0.0.1:${port}/graphql`;
let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
try {
  for (let i = 0; ; i++) {
    const ready = await fetch(`http://127.0.0.1:${port}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (i > 300) throw new Error('server did not become ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  worker = await startWorker({
    databaseUrl: db.url,
    dataDir: workerData,
    ...(store ? {} : { storageDir }),
    env: { ...(store ? storageEnv : {}), PROFILER_THREADS: String(os.cpus().length) },
  });
  const signUp = await graphql(url, 'mutation($input: SignUpInput!) { signUp(input: $input) { token } }', {
    input: { email: 'bench@example.com', fullName: 'Bench', password: 'bench-password-1' },
  });
  const token = signUp['signUp'].token as string;
  const workspace = await graphql(
    url,
    'mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }',
    { input: { name: 'Bench' } },
    token,
  );

  const idle = await rssOf(server.pid!);
  let peak = idle.rss;
  const timeline: string[] = [];
  let ticks = 0;
  const sampler = setInterval(() => {
    rssOf(server.pid!).then(
      (s) => {
        peak = Math.max(peak, s.rss);
        if (++ticks % 50 === 0) timeline.push(`${ticks / 50}s:${(s.rss / 1024 ** 2).toFixed(0)}`);
      },
      () => {},
    );
  }, 20);
  const started = performance.now();
  const dataset = await uploadDataset({ endpoint: url, token, workspaceId: workspace['createWorkspace'].id, filePath: file });
  const uploadSeconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const end = await rssOf(server.pid!);
  if (dataset.rowCount !== rows || dataset.fileSize !== size) throw new Error(`wrong counts: ${JSON.stringify(dataset)}`);
  const objects = store
    ? (await filesUnder(path.join(dir, 's3', bucket, prefix))).filter((f) => f.endsWith('._S3rver_object'))
    : await filesUnder(storageDir);
  const objectSize = objects.length === 1 ? (await stat(objects[0]!)).size : -1;
  if (objectSize !== size) throw new Error(`storage holds ${objects.length} files (${objectSize} bytes), expected one of ${size}`);
  const serverLeftovers = await filesUnder(path.join(serverData, 'duckdb-tmp', 'datasets'));

  // The first analysis: queued, claimed by the worker, the file streamed into its DuckDB temp space, profiled.
  const analysis = await graphql(
    url,
    'mutation($d: ID!) { startAnalysis(datasetId: $d, goalType: GENERAL_AUDIT) { id } }',
    { d: dataset.id },
    token,
  );
  const analysisId = analysis['startAnalysis'].id as string;
  let copiedAt: number | null = null;
  let state: { status: string; progress: { phase: string } };
  for (;;) {
    const read = await graphql(
      url,
      'query($id: ID!) { node(id: $id) { ... on Analysis { status progress { phase } } } }',
      { id: analysisId },
      token,
    );
    state = read['node'];
    // STARTING lasts while the worker copies the file; the profiler's own phases come after.
    if (copiedAt === null && !['QUEUED', 'STARTING'].includes(state.progress.phase)) copiedAt = performance.now();
    if (state.status === 'COMPLETED' || state.status === 'FAILED') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const analysedSeconds = (performance.now() - started) / 1000;
  if (state.status !== 'COMPLETED') throw new Error(`the analysis failed:\n${worker.output().slice(-3000)}`);
  const workerLeftovers = await filesUnder(path.join(workerData, 'duckdb-tmp', 'datasets'));

  const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${mb(os.totalmem())}, Node ${process.version}; storage: ${kind}`);
  console.log(
    `file: ${mb(size)} (${size} bytes), ${rows} rows; stored and counted: ${dataset.rowCount} rows, ${dataset.columnCount} columns`,
  );
  console.log(
    `upload wall time (transfer${store ? ' + multipart upload to s3rver' : ''} + SHA-256 + format check + row count): ${uploadSeconds.toFixed(1)} s, ${(size / 1024 ** 2 / uploadSeconds).toFixed(0)} MiB/s`,
  );
  console.log(
    `server RSS idle before: ${mb(idle.rss)}; sampled peak during upload: ${mb(peak)}; kernel high-water mark (VmHWM): ${mb(end.hwm)}`,
  );
  console.log(`RSS each second (MiB): ${timeline.join(' ')}`);
  console.log(
    `time to first analysis (upload start → COMPLETED): ${analysedSeconds.toFixed(1)} s; of which after the upload: ${(analysedSeconds - uploadSeconds).toFixed(1)} s; profiling started ${copiedAt === null ? '?' : `${((copiedAt - started) / 1000 - uploadSeconds).toFixed(1)} s`} after the upload${store ? ' (claim + the worker’s copy from the bucket)' : ' (claim)'}`,
  );
  console.log(`local copies left: server ${serverLeftovers.length}, worker ${workerLeftovers.length}`);
  console.log(
    `| ${mb(size)} | ${uploadSeconds.toFixed(1)} s | ${mb(idle.rss)} | ${mb(peak)} | ${mb(end.hwm)} | ${analysedSeconds.toFixed(1)} s |`,
  );
} finally {
  await worker?.stop();
  server.kill('SIGTERM');
  await once(server, 'exit');
  if (store) {
    store.process.kill('SIGTERM');
    await once(store.process, 'exit');
  }
  await db.drop();
  await rm(dir, { recursive: true, force: true });
}
