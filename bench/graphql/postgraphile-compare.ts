// This API against PostGraphile v4 on the same database, side by side in one
// run: one database seeded with 20 workspaces × 20 datasets × 3 analyses × 10
// insights × 10 column profiles; this server started as `npm start` runs it
// (node dist/server.js, NODE_ENV=production) and PostGraphile's CLI on the same
// database; the same-shaped query sent to both with autocannon in alternating
// rounds: workspaces(first: N) → datasets(first: N, totalCount) →
// analyses(first: 3) → insights(first: 5, totalCount) and columnProfiles(first: 5).
// Then the load test: 50 clients for 30 s on the 20-dataset dashboard (one
// workspace, its 20 datasets, each with the same nested pages).
// Usage: npm run build && npx tsx bench/graphql/postgraphile-compare.ts [--rounds 3] [--duration 10] [--load 30]
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Accounts } from '../../src/auth/accounts.js';
import { seedGraph } from '../../tests/support/fixtures.js';
import { createTestDatabase } from '../../tests/support/test-database.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    load: { type: 'string', default: '30' },
  },
});
const rounds = Number(values.rounds);
const duration = Number(values.duration);
const loadSeconds = Number(values.load);
const root = path.resolve(import.meta.dirname, '../..');

const ours = (workspaces: number, datasets: number) => /* GraphQL */ `{ viewer { workspaces(first: ${workspaces}) { edges { node { id name
  datasets(first: ${datasets}) { totalCount edges { node { id name rowCount
    analyses(first: 3) { edges { node { id status qualityScore
      insights(first: 5) { totalCount edges { node { id severity type description } } }
      columnProfiles(first: 5) { edges { node { id columnName dataType nullCount } } } } } } } } } } } } } }`;
const theirs = (workspaces: number, datasets: number) => /* GraphQL */ `{ allWorkspaces(first: ${workspaces}) { edges { node { id name
  datasetsByWorkspaceId(first: ${datasets}) { totalCount edges { node { id name rowCount
    analysesByDatasetId(first: 3) { edges { node { id status qualityScore
      insightsByAnalysisId(first: 5) { totalCount edges { node { id severity type description } } }
      columnProfilesByAnalysisId(first: 5) { edges { node { id columnName dataType nullCount } } } } } } } } } } } } }`;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Spawns a server; resolves when its output matches `ready`, or at once when there is none to wait for. */
function start(command: string, args: string[], env: Record<string, string>, ready?: RegExp): Promise<ChildProcess> {
  const child = spawn(command, args, { cwd: root, env: { PATH: process.env.PATH!, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (ready?.test(output)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    if (!ready) child.once('spawn', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited (${code}): ${output}`)));
  });
}

const step = (message: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
const db = await createTestDatabase();
step('seeding');
const secret = randomBytes(32).toString('hex');
const viewer = await seedGraph(db.prisma, { workspaces: 20, datasets: 20, analyses: 3, insights: 10, profiles: 10 });
const { token } = await new Accounts(db, {
  secret,
  tokenTtlSeconds: 86_400,
  maxFailedSignIns: 5,
  lockoutSeconds: 900,
  maxSignUpsPerAddress: 10,
}).startSession(viewer.id);
await db.pool.query('VACUUM ANALYZE');
step('starting both servers');
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-compare-'));

const ourPort = await freePort();
const theirPort = await freePort();
const api = await start(
  process.execPath,
  ['dist/server.js'],
  {
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    AUTH_SECRET: secret,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(ourPort),
    WORKER_IN_PROCESS: 'false',
    LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: '10',
  },
  // It logs nothing at warn; readiness is polled on /ready below.
);
const postgraphile = await start(
  process.execPath,
  [
    '--require',
    path.join(import.meta.dirname, 'postgraphile-single-graphql.cjs'),
    path.join(root, 'node_modules/postgraphile/cli.js'),
    '-c',
    db.url,
    '--host',
    '127.0.0.1',
    '--port',
    String(theirPort),
    '--disable-graphiql',
    '--disable-query-log',
    '--no-setof-functions-contain-nulls',
    '--max-pool-size',
    '10',
  ],
  { NODE_ENV: 'production' },
  /PostGraphile v4[\s\S]*listening|GraphQL API:/,
);
for (let i = 0; i < 300; i++) {
  const ready = await fetch(`http://127.0.0.1:${ourPort}/ready`).then(
    (r) => r.ok,
    () => false,
  );
  if (ready) break;
  await new Promise((resolve) => setTimeout(resolve, 100));
}

step('both servers ready');
type Target = { name: string; url: string; headers: Record<string, string>; query: (w: number, d: number) => string };
const targets: Target[] = [
  {
    name: 'this API',
    url: `http://127.0.0.1:${ourPort}/graphql`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    query: ours,
  },
  { name: 'PostGraphile 4', url: `http://127.0.0.1:${theirPort}/graphql`, headers: { 'content-type': 'application/json' }, query: theirs },
];

/** One request, checked: no errors, and the size of the answer. */
async function probe(target: Target, w: number, d: number) {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: target.headers,
    body: JSON.stringify({ query: target.query(w, d) }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { errors?: unknown };
  if (body.errors || !response.ok) throw new Error(`${target.name}: ${text.slice(0, 500)}`);
  return text.length;
}

async function round(target: Target, w: number, d: number, connections: number, seconds: number) {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: target.headers,
    body: JSON.stringify({ query: target.query(w, d) }),
    connections,
    duration: seconds,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

const lines = [
  '| N (workspaces × datasets) | connections | server | req/s per round | p50 ms | p99 ms | errors | response bytes |',
  '| --- | ---: | --- | --- | --- | --- | ---: | ---: |',
];
const summary: string[] = [];
for (const [n, connections] of [
  [1, 10],
  [20, 1],
  [20, 10],
] as const) {
  step(`N = ${n}, ${connections} connection(s)`);
  const results = new Map<string, Awaited<ReturnType<typeof round>>[]>();
  const bytes = new Map<string, number>();
  for (const target of targets) {
    bytes.set(target.name, await probe(target, n, n));
    await round(target, n, n, connections, 2); // warm-up
  }
  for (let r = 0; r < rounds; r++) {
    // Alternate who goes first, so neither always runs on the warmer machine.
    for (const target of r % 2 ? [...targets].reverse() : targets) {
      const list = results.get(target.name) ?? [];
      list.push(await round(target, n, n, connections, duration));
      results.set(target.name, list);
    }
  }
  for (const target of targets) {
    const list = results.get(target.name)!;
    lines.push(
      `| ${n} × ${n} | ${connections} | ${target.name} | ${list.map((x) => x.rps.toFixed(1)).join(', ')} | ${list.map((x) => x.p50).join(', ')} | ${list.map((x) => x.p99).join(', ')} | ${list.reduce((a, x) => a + x.errors, 0)} | ${bytes.get(target.name)} |`,
    );
  }
  const mean = (name: string) => results.get(name)!.reduce((a, x) => a + x.rps, 0) / rounds;
  summary.push(
    `N = ${n}, ${connections} connection(s): this API ÷ PostGraphile = ${(mean('this API') / mean('PostGraphile 4')).toFixed(2)} (req/s, mean of ${rounds} rounds)`,
  );
  console.log(lines.at(-2));
  console.log(lines.at(-1));
}

const loadLines = [
  '| server | clients | seconds | requests | req/s | p50 ms | p99 ms | errors |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const target of targets) {
  await probe(target, 1, 20);
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: target.headers,
    body: JSON.stringify({ query: target.query(1, 20) }),
    connections: 50,
    duration: loadSeconds,
  });
  loadLines.push(
    `| ${target.name} | 50 | ${loadSeconds} | ${result.requests.total} | ${result.requests.average.toFixed(1)} | ${result.latency.p50} | ${result.latency.p99} | ${result.errors + result.non2xx + result.timeouts} |`,
  );
}

console.log(
  [
    '',
    ...lines,
    '',
    ...summary,
    '',
    'Load: 50 clients on the 20-dataset dashboard (workspaces(first: 1) → datasets(first: 20) → …)',
    ...loadLines,
  ].join('\n'),
);
api.kill('SIGTERM');
postgraphile.kill('SIGTERM');
await new Promise((resolve) => setTimeout(resolve, 500));
await db.close();
await db.drop?.();
await rm(dataDir, { recursive: true, force: true });
