// Cost follows the page: one dataset's `analyses(first: 3) { insights(first: 5) }`
// when each analysis holds 10 insights and when each holds 10,000 — statements
// sent, rows they returned, and latency through the served API (in-process
// yoga.fetch, alternating the two datasets). Also the dashboard's statement
// count at N = 1 and N = 20.
// Usage: NODE_ENV=production npx tsx bench/graphql/page-cost.ts [--runs 200]
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Accounts } from '../../src/auth/accounts.js';
import { LocalDirectoryStorage } from '../../src/datasets/storage.js';
import { createGraphQLServer } from '../../src/graphql/yoga.js';
import { createLogger } from '../../src/logger.js';
import { startTestAnalyses, testAuthSettings } from '../../tests/support/api.js';
import { createUser, createWorkspace, seedGraph } from '../../tests/support/fixtures.js';
import { recordingDatabase } from '../../tests/support/statement-log.js';
import { createTestDatabase } from '../../tests/support/test-database.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' } } });
const runs = Number(values.runs);

// The query, and the same with both totalCounts (which count every child, as counting must).
const pages = {
  page: /* GraphQL */ `
  query Page($id: ID!) {
    node(id: $id) { ... on Dataset { analyses(first: 3) { edges { node { id
      insights(first: 5) { edges { node { id severity type description } } } } } } } }
  }
`,
  'page + totalCount': /* GraphQL */ `
  query PageWithCounts($id: ID!) {
    node(id: $id) { ... on Dataset { analyses(first: 3) { totalCount edges { node { id
      insights(first: 5) { totalCount edges { node { id severity type description } } } } } } } }
  }
`,
};
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
const recording = recordingDatabase(db);
const { prisma, pool } = recording.db;
const logger = createLogger('error');
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

const user = await createUser(prisma);
const workspace = await createWorkspace(prisma, user.id);
async function seedDataset(insights: number) {
  const dataset = await prisma.dataset.create({
    data: { name: `${insights}`, filePath: `bench/${insights}`, fileSize: 1n, workspaceId: workspace.id, uploadedBy: user.id },
  });
  for (let a = 0; a < 3; a++) {
    const analysis = await prisma.analysis.create({ data: { datasetId: dataset.id, goalType: 'GENERAL_AUDIT', status: 'COMPLETED' } });
    await prisma.$executeRaw`
      INSERT INTO insights (analysis_id, severity, type, description, recommendation, evidence)
      SELECT ${analysis.id}, (ARRAY['critical','high','medium','low','info'])[1 + i % 5]::insight_severity, 'outliers'::insight_type,
             'Insight ' || i || ': 12 values of price lie beyond the IQR fences', 'Cap or drop them',
             jsonb_build_object('count', i, 'share', 0.01, 'examples', jsonb_build_array(jsonb_build_object('row', i, 'value', 'x')))
        FROM generate_series(1, ${insights}::int) AS i`;
  }
  return Buffer.from(`Dataset:${dataset.id}`).toString('base64');
}
const ids = { 10: await seedDataset(10), 10000: await seedDataset(10_000) };
// As autovacuum would have left them: statistics and the visibility map for index-only counts.
await pool.query('VACUUM ANALYZE');
const dashboardUser = await seedGraph(prisma, { workspaces: 20, datasets: 20, analyses: 3, insights: 10, profiles: 10 });
const { token } = await new Accounts({ prisma, pool }, auth).startSession(user.id);
const { token: dashboardToken } = await new Accounts({ prisma, pool }, auth).startSession(dashboardUser.id);

async function send(query: string, variables: Record<string, unknown>, bearer: string) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

async function statementsOf(query: string, variables: Record<string, unknown>, bearer: string) {
  await send(query, variables, bearer);
  recording.reset();
  await send(query, variables, bearer);
  return recording.statements();
}

const pct = (times: number[], p: number) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(p * times.length))]!;

const lines: string[] = [];
const shapes = [10, 10_000] as const;
lines.push(
  '| query | insights per analysis | statements | rows returned (most by one statement) | p50 ms | p99 ms |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
);
const summary: string[] = [];
for (const [label, query] of Object.entries(pages)) {
  const costs: Record<number, Awaited<ReturnType<typeof statementsOf>>> = {};
  for (const n of shapes) costs[n] = await statementsOf(query, { id: ids[n] }, token);
  const same = JSON.stringify(costs[10]!.map((s) => s.text)) === JSON.stringify(costs[10_000]!.map((s) => s.text));
  const times: Record<number, number[]> = { 10: [], 10000: [] };
  for (let i = 0; i < 20; i++) for (const n of shapes) await send(query, { id: ids[n] }, token);
  for (let i = 0; i < runs; i++) {
    for (const n of shapes) {
      const start = performance.now();
      await send(query, { id: ids[n] }, token);
      times[n]!.push(performance.now() - start);
    }
  }
  for (const n of shapes) {
    const statements = costs[n]!;
    const rows = statements.map((s) => s.rows);
    lines.push(
      `| ${label} | ${n} | ${statements.length} | ${rows.reduce((a, b) => a + b, 0)} (${Math.max(...rows)}) | ${pct(times[n]!, 0.5).toFixed(2)} | ${pct(times[n]!, 0.99).toFixed(2)} |`,
    );
  }
  summary.push(
    `${label}: same statement texts ${same ? 'yes' : 'NO'}, p50 ratio 10,000 ÷ 10 = ${(pct(times[10_000]!, 0.5) / pct(times[10]!, 0.5)).toFixed(2)}×`,
  );
}
lines.push('', ...summary);
const dashboardCounts = [];
for (const n of [1, 20]) dashboardCounts.push(`N = ${n}: ${(await statementsOf(dashboard, { n }, dashboardToken)).length}`);
lines.push(`Dashboard statements: ${dashboardCounts.join(', ')}`);
console.log(lines.join('\n'));

await analyses.close();
await pool.end();
await db.drop();
