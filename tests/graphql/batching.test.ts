// Nested selections are not paid per parent: the dashboard query sends the
// same statements for one workspace as for twenty, one per nesting level (a
// level's totalCount rides along with its page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createTestApi, type TestApi } from '../support/api.js';
import { seedGraph } from '../support/fixtures.js';
import { recordingDatabase } from '../support/statement-log.js';
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
let recording: ReturnType<typeof recordingDatabase>;
let api: TestApi;
let viewerId: number;

beforeAll(async () => {
  db = await createTestDatabase();
  recording = recordingDatabase(db);
  api = await createTestApi({ db: recording.db });
  viewerId = (await seedGraph(recording.db.prisma, { workspaces: 20, datasets: 20, analyses: 3, insights: 6, profiles: 6 })).id;
  await api.tokenFor(viewerId); // signed in before counting
}, 300_000);

afterAll(async () => {
  await recording?.pool.end();
  await db?.close();
});

async function countStatements(n: number) {
  recording.reset();
  const data = await api.ok(Dashboard, { n }, viewerId);
  return { data, statements: recording.statements().map((s) => s.text) };
}

describe('batched relation loading', () => {
  it('sends the same statements for 1 workspace as for 20, one per level', async () => {
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

    // The bearer token, which reads the viewer's row with it (1), then one per
    // level: workspaces (over memberships), datasets, analyses, insights,
    // column profiles (5); the totalCounts ride along with their level's page.
    const authentication = 1;
    const levels = 5;
    const totalCounts = 0;
    console.info(`dashboard query: ${one.statements.length} SQL statements at N=1, ${twenty.statements.length} at N=20`);
    if (process.env.SHOW_SQL) console.info(one.statements.join('\n\n'));
    expect(twenty.statements.length).toBe(one.statements.length);
    expect(twenty.statements.length).toBe(authentication + levels + totalCounts);
  });
});
