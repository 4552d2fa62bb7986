// Peak memory of the server while a large file is uploaded. The server runs as
// `npm start` runs it (its own process, on a fresh database on the local
// PostgreSQL), the file is generated on disk once, and the typed example
// client streams it as a multipart request. The server's resident memory is
// sampled every 20 ms and the kernel's high-water mark (VmHWM) read at the end.
//
//   npx tsx bench/upload/run.ts [--mib 1024]
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { uploadDataset } from '../../examples/upload-dataset.js';
import { createEmptyDatabase } from '../../tests/support/test-database.js';

const mib = Number(process.argv[process.argv.indexOf('--mib') + 1] || 1024);
const root = path.resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A CSV of about `bytes` bytes: id, a number, a date, a category, some text. */
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

const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-upload-'));
const file = path.join(dir, 'large.csv');
const rows = await generateCsv(file, mib * 1024 ** 2);
const size = (await stat(file)).size;
const db = await createEmptyDatabase();
const port = await freePort();
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
  cwd: root,
  env: {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    STORAGE_DIR: path.join(dir, 'storage'),
    DATA_DIR: path.join(dir, 'data'),
    MAX_UPLOAD_BYTES: String(4 * 1024 ** 3),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const url = `http://127.0.0.1:${port}/graphql`;
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
        // Every second: when the memory is used (transfer first, then the row count) shows in the log.
        if (++ticks % 50 === 0) timeline.push(`${ticks / 50}s:${(s.rss / 1024 ** 2).toFixed(0)}`);
      },
      () => {},
    );
  }, 20);
  const started = performance.now();
  const dataset = await uploadDataset({ endpoint: url, token, workspaceId: workspace['createWorkspace'].id, filePath: file });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const end = await rssOf(server.pid!);
  if (dataset.rowCount !== rows || dataset.fileSize !== size) throw new Error(`wrong counts: ${JSON.stringify(dataset)}`);

  const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
  console.log(
    `file: ${mb(size)} (${size} bytes), ${rows} rows; stored and counted: ${dataset.rowCount} rows, ${dataset.columnCount} columns`,
  );
  console.log(
    `upload wall time (transfer + SHA-256 + format check + row count): ${seconds.toFixed(1)} s, ${(size / 1024 ** 2 / seconds).toFixed(0)} MiB/s`,
  );
  console.log(
    `server RSS idle before: ${mb(idle.rss)}; sampled peak during upload: ${mb(peak)}; kernel high-water mark (VmHWM): ${mb(end.hwm)}`,
  );
  console.log(`RSS each second (MiB): ${timeline.join(' ')}`);
  console.log(`| ${mb(size)} | ${seconds.toFixed(1)} s | ${mb(idle.rss)} | ${mb(peak)} | ${mb(end.hwm)} |`);
} finally {
  server.kill('SIGTERM');
  await once(server, 'exit');
  await db.drop();
  await rm(dir, { recursive: true, force: true });
}
