// Nested selections are not paid per parent: the dashboard query sends the
// same number of statements for one workspace as for twenty, and no more than
// one per nesting level plus one per totalCount.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../src/db/client.js';
import { PrePingPool } from '../../src/db/pool.js';
import { createLogger } from '../../src/logger.js';
import { graphql } from '../gql/index.js';
import { createTestApi, type TestApi } from '../support/api.js';
import { seedGraph } from '../support/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const Dashboard = graphql(`
  query Dashboard($n: Int!) {
    viewer {
      id
      workspaces(first: $n) {
        edges {
          node {
            id
            name
            datasets(first: $n) {
              totalCount
              edges {
                node {
                  id
                  name
                  analyses(first: 3) {
                    edges {
                      node {
                        id
                        status
                        qualityScore
                        insights(first: 5) {
                          totalCount
                          edges { node { id severity type description } }
                        }
                        columnProfiles(first: 5) {
                          edges { node { id columnName dataType nullCount } }
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

let db: TestDatabase;
let pool: PrePingPool;
let api: TestApi;
let statements: string[] = [];
let viewerId: number;

beforeAll(async () => {
  db = await createTestDatabase();
  // A pool of our own that records every statement its connections send. No
  // pre-ping: a liveness check is not part of what a query costs.
  pool = new PrePingPool({ url: db.url, poolSize: 2, maxOverflow: 0, recycleSeconds: 3600, prePingAfterIdleMs: Number.POSITIVE_INFINITY });
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      const first = args[0] as string | { text: string };
      statements.push(typeof first === 'string' ? first : first.text);
      return query(...args);
    };
  });
  const prisma = createPrismaClient(pool, { echo: false, logger: createLogger('error') });
  api = await createTestApi({ db: { ...db, prisma, pool } });
  viewerId = (await seedGraph(prisma, { workspaces: 20, datasets: 20, analyses: 3, insights: 6, profiles: 6 })).id;
  await api.tokenFor(viewerId); // signed in before counting
}, 300_000);

afterAll(async () => {
  await pool?.end();
  await db?.close();
});

async function countStatements(n: number) {
  statements = [];
  const data = await api.ok(Dashboard, { n }, viewerId);
  return { data, statements: [...statements] };
}

describe('batched relation loading', () => {
  it('sends the same statements for 1 workspace as for 20, at most one per level plus one per totalCount', async () => {
    const one = await countStatements(1);
    const twenty = await countStatements(20);

    // The data really is nested 20 × 20 × 3 deep.
    const workspaces = twenty.data.viewer.workspaces.edges;
    expect(workspaces).toHaveLength(20);
    expect(workspaces[0]!.node.datasets.edges).toHaveLength(20);
    expect(workspaces[0]!.node.datasets.totalCount).toBe(20);
    const analysis = workspaces[19]!.node.datasets.edges[19]!.node.analyses.edges[2]!.node;
    expect(analysis.insights.edges).toHaveLength(5);
    expect(analysis.insights.totalCount).toBe(6);
    expect(analysis.columnProfiles.edges).toHaveLength(5);

    // The bearer token (1), then one per level: viewer, memberships, workspaces,
    // datasets, analyses, insights, column profiles (7), and 2 totalCounts.
    const authentication = 1;
    const levels = 7;
    const totalCounts = 2;
    console.info(`dashboard query: ${one.statements.length} SQL statements at N=1, ${twenty.statements.length} at N=20`);
    if (process.env.SHOW_SQL) console.info(one.statements.join("\n\n"));
    expect(twenty.statements.length).toBe(one.statements.length);
    expect(twenty.statements.length).toBeLessThanOrEqual(authentication + levels + totalCounts);
  });
});
