// The dashboard query (viewer → workspaces → datasets(totalCount) → analyses →
// insights(totalCount) and columnProfiles) over seeded data: SQL statements sent
// and latency, at N = 1 and N = 20. Usage: npx tsx bench/graphql/dashboard.ts
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LocalDirectoryStorage } from '../../src/datasets/storage.js';
import { createPrismaClient } from '../../src/db/client.js';
import { PrePingPool } from '../../src/db/pool.js';
import { createGraphQLServer } from '../../src/graphql/yoga.js';
import { createLogger } from '../../src/logger.js';
import { Accounts } from '../../src/auth/accounts.js';
import { startTestAnalyses, testAuthSettings } from '../../tests/support/api.js';
import { seedGraph } from '../../tests/support/fixtures.js';
import { createTestDatabase } from '../../tests/support/test-database.js';

const dashboard = /* GraphQL */ `
  query BenchDashboard($n: Int!) {
    viewer {
      workspaces(first: $n) {
        edges { node { id name datasets(first: $n) { totalCount edges { node { id name
          analyses(first: 3) { edges { node { id status qualityScore
            insights(first: 5) { totalCount edges { node { id severity type description } } }
            columnProfiles(first: 5) { edges { node { id columnName dataType nullCount } } } } } } } } } } }
      }
    }
  }
`;

const db = await createTestDatabase();
let statements = 0;
const pool = new PrePingPool({ url: db.url, poolSize: 4, maxOverflow: 0, recycleSeconds: 3600 });
pool.on('connect', (client) => {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
    statements++;
    return query(...args);
  };
});
const logger = createLogger('error');
const prisma = createPrismaClient(pool, { echo: false, logger });
const auth = testAuthSettings();
const storage = new LocalDirectoryStorage(await mkdtemp(path.join(os.tmpdir(), 'bench-storage-')));
const analyses = await startTestAnalyses(db, logger);
const yoga = createGraphQLServer({
  db: { prisma, pool },
  logger,
  auth,
  storage,
  uploads: { maxBytes: 1024 ** 2, maxLineBytes: 1024 ** 2 },
  analyses,
});
const viewer = await seedGraph(prisma, { workspaces: 20, datasets: 20, analyses: 3, insights: 10, profiles: 10 });
const { token } = await new Accounts({ prisma, pool }, auth).startSession(viewer.id);

async function run(n: number) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: dashboard, variables: { n } }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

const rows: string[] = [];
for (const n of [1, 20]) {
  await run(n); // warm-up
  statements = 0;
  await run(n);
  const perQuery = statements;
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    await run(n);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
  rows.push(`| ${n} | ${n} × ${n} × 3 | ${perQuery} | ${pct(0.5)} | ${pct(0.95)} |`);
}
console.log('| N | workspaces × datasets × analyses | SQL statements | p50 ms | p95 ms |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
await analyses.close();
await pool.end();
await db.drop();
