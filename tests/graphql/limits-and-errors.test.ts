// Limits sized for real Relay queries, masked unexpected errors, and the
// server's health, readiness and GraphiQL endpoints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../src/db/client.js';
import { PrePingPool } from '../../src/db/pool.js';
import { operationLimits } from '../../src/graphql/limits.js';
import { MAX_OPERATION_BYTES } from '../../src/graphql/body-limit.js';
import { createGraphQLServer } from '../../src/graphql/yoga.js';
import { createLogger } from '../../src/logger.js';
import { graphql } from '../gql/index.js';
import { createTestApi, type Result, type TestApi } from '../support/api.js';
import { seedGraph } from '../support/fixtures.js';

let api: TestApi;
let viewerId: number;
beforeAll(async () => {
  api = await createTestApi();
  viewerId = (await seedGraph(api.db.prisma, { workspaces: 2, datasets: 2, analyses: 2, insights: 2, profiles: 2 })).id;
});
afterAll(async () => {
  await api?.close();
});

const post = async (query: string) =>
  (await (await api.post(query, {}, { token: await api.tokenFor(viewerId) })).json()) as Result<unknown>;

const DeepestPage = graphql(`
  query DeepestPage($first: Int!) {
    viewer {
      workspaces(first: $first) {
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node {
            datasets(first: $first) {
              pageInfo { hasNextPage endCursor }
              edges {
                cursor
                node {
                  analyses(first: $first) {
                    pageInfo { hasNextPage endCursor }
                    edges {
                      cursor
                      node {
                        insights(first: $first) {
                          totalCount
                          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                          edges { cursor node { id severity } }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);

describe('operation limits', () => {
  it('lets the deepest legitimate query through: workspace → datasets → analyses → insights with pageInfo', async () => {
    const data = await api.ok(DeepestPage, { first: 10 }, viewerId);
    const insights = data.viewer.workspaces.edges[0]!.node.datasets.edges[0]!.node.analyses.edges[0]!.node.insights;
    expect(insights.totalCount).toBe(2);
  });

  it('refuses a query nested past the depth limit, saying so', async () => {
    let selection = 'id';
    for (let i = 0; i < 5; i++) selection = `owner { workspaces(first: 1) { edges { node { ${selection} } } } }`;
    const result = await post(`{ viewer { workspaces(first: 1) { edges { node { ${selection} } } } } }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(new RegExp(`depth limit of ${operationLimits.depth} exceeded`));
  });

  it('refuses an alias flood', async () => {
    const aliases = Array.from({ length: operationLimits.aliases + 1 }, (_, i) => `a${i}: viewer { id }`).join(' ');
    const result = await post(`{ ${aliases} }`);
    expect(result.errors?.[0]?.message).toMatch(/Aliases limit/);
  });

  it('refuses a query that could return too many nodes, counting page sizes from variables too', async () => {
    const result = await api.run(DeepestPage, { first: 100 }, viewerId);
    expect(result.data ?? undefined).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors?.[0]?.message).toMatch(/could return up to 101010100 nodes; the limit is 100000/);
  });

  it('counts every ID of nodes(ids) and the large JSON fields, so an alias flood of repeated IDs is refused before it runs', async () => {
    const analysisId = Buffer.from(`Analysis:1`).toString('base64');
    const ids = JSON.stringify(Array(49).fill(analysisId));
    const aliases = Array.from(
      { length: 20 },
      (_, i) => `a${i}: nodes(ids: ${ids}) { ... on Analysis { columnProfiles(first: 100) { edges { node { distributionData } } } } }`,
    ).join(' ');
    const flood = await post(`{ ${aliases} }`);
    expect(flood.data ?? undefined).toBeUndefined();
    expect(flood.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    // 20 × 49 analyses × 100 profiles, each of them a node and 50 for its distribution data.
    expect(flood.errors?.[0]?.message).toMatch(/could return up to 4998980 nodes/);

    const tooMany = await post(`{ nodes(ids: ${JSON.stringify(Array(operationLimits.ids + 1).fill(analysisId))}) { id } }`);
    expect(tooMany.errors?.[0]).toMatchObject({
      extensions: { code: 'QUERY_TOO_COMPLEX' },
      message: expect.stringMatching(/at most 100 IDs/),
    });

    // A report page — every profile of one analysis with its distribution — is an ordinary request.
    const report = await post(
      `{ nodes(ids: ["${analysisId}"]) { ... on Analysis { columnProfiles(first: 100) { edges { node { distribution { __typename } } } } } } }`,
    );
    expect(report.errors).toBeUndefined();
  });

  it('refuses a request body over 1 MiB, whether or not it declares its length', async () => {
    const padding = 'x'.repeat(MAX_OPERATION_BYTES);
    const declared = await api.post('{ viewer { id } }', { padding }, { headers: { 'content-length': String(MAX_OPERATION_BYTES + 100) } });
    const streamed = await api.post('{ viewer { id } }', { padding });
    for (const response of [declared, streamed]) {
      expect(response.status).toBe(413);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]).toMatchObject({
        message: `The request body is larger than ${MAX_OPERATION_BYTES} bytes`,
        extensions: { code: 'VALIDATION_FAILED' },
      });
    }
    // Just under the limit is an ordinary request.
    const fits = await api.post('{ viewer { id } }', { padding: padding.slice(0, MAX_OPERATION_BYTES - 100) });
    expect(fits.status).toBe(200);
  });
});

describe('unexpected errors', () => {
  it('are masked for the client and logged in full on the server', async () => {
    const lines: string[] = [];
    const brokenPool = new PrePingPool({ url: api.db.url, poolSize: 1, maxOverflow: 0, recycleSeconds: 3600 });
    await brokenPool.end();
    const logger = createLogger('error', (line) => lines.push(line));
    const yoga = createGraphQLServer({
      db: { pool: brokenPool, prisma: createPrismaClient(brokenPool, { echo: false, logger }) },
      logger,
      auth: api.auth,
      storage: api.storage,
      uploads: { maxBytes: 1024, maxLineBytes: 1024 },
      analyses: api.analyses,
    });
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { logIn(input: { email: "a@example.com", password: "whatever1" }) { token } }' }),
    });
    const body = await response.json();
    expect(body.errors).toEqual([expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
    expect(JSON.stringify(body)).not.toMatch(/pool|Pool|end/);
    expect(lines.some((line) => /unexpected error/.test(line) && /pool/i.test(line))).toBe(true);
  });
});

describe('server endpoints', () => {
  it('answers liveness and readiness, and serves GraphiQL to a browser', async () => {
    expect((await api.yoga.fetch('http://localhost/health')).status).toBe(200);
    expect((await api.yoga.fetch('http://localhost/ready')).status).toBe(200);
    const page = await api.yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/graphiql/i);
  });

  it('reports not ready, without detail, when the database is unreachable', async () => {
    const pool = new PrePingPool({ url: 'postgresql://postgres@127.0.0.1:9/none', poolSize: 1, maxOverflow: 0, recycleSeconds: 3600 });
    const logger = createLogger('error', () => {});
    const yoga = createGraphQLServer({
      db: { pool, prisma: createPrismaClient(pool, { echo: false, logger }) },
      logger,
      auth: api.auth,
      storage: api.storage,
      uploads: { maxBytes: 1024, maxLineBytes: 1024 },
      analyses: api.analyses,
    });
    try {
      const response = await yoga.fetch('http://localhost/ready');
      expect(response.status).toBe(503);
      expect(await response.text()).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    } finally {
      await pool.end();
    }
  });
});
