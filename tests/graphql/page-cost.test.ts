// A page costs what it shows, not what lies behind it: a dataset whose
// analyses hold 10,000 insights each is read with the same statements as one
// whose analyses hold 10, each statement returns at most `first + 1` rows per
// parent, and PostgreSQL reads no more than that from the index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createTestApi, encodeId, type TestApi } from '../support/api.js';
import { createUser, createWorkspace } from '../support/fixtures.js';
import { recordingDatabase } from '../support/statement-log.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const AnalysesPage = graphql(`
  query AnalysesPage($id: ID!) {
    node(id: $id) {
      ... on Dataset {
        analyses(first: 3) {
          totalCount
          edges {
            node {
              id
              insights(first: 5) {
                totalCount
                pageInfo { hasNextPage }
                edges { node { id severity } }
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
const datasetIds: Record<'few' | 'many', number> = { few: 0, many: 0 };

/** A dataset with 3 analyses of `insights` insights each, written by SQL so 30,000 rows take a moment. */
async function seedDataset(workspaceId: number, insights: number) {
  const prisma = recording.db.prisma;
  const dataset = await prisma.dataset.create({
    data: { name: `${insights} insights`, filePath: `seed/${insights}`, fileSize: 1n, workspaceId, uploadedBy: viewerId },
  });
  for (let a = 0; a < 3; a++) {
    const analysis = await prisma.analysis.create({ data: { datasetId: dataset.id, goalType: 'GENERAL_AUDIT', status: 'COMPLETED' } });
    await prisma.$executeRaw`
      INSERT INTO insights (analysis_id, severity, type, description, recommendation)
      SELECT ${analysis.id}, (ARRAY['critical','high','medium','low','info'])[1 + i % 5]::insight_severity,
             'outliers'::insight_type, 'Insight ' || i, 'Fix it'
        FROM generate_series(1, ${insights}::int) AS i`;
  }
  await prisma.$executeRaw`ANALYZE insights`;
  return dataset.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  recording = recordingDatabase(db);
  api = await createTestApi({ db: recording.db });
  viewerId = (await createUser(recording.db.prisma)).id;
  const workspace = await createWorkspace(recording.db.prisma, viewerId);
  datasetIds.few = await seedDataset(workspace.id, 10);
  datasetIds.many = await seedDataset(workspace.id, 10_000);
  await api.tokenFor(viewerId);
}, 300_000);

afterAll(async () => {
  await recording?.pool.end();
  await db?.close();
});

async function readPage(which: 'few' | 'many') {
  recording.reset();
  const data = await api.ok(AnalysesPage, { id: encodeId('Dataset', datasetIds[which]) }, viewerId);
  return { data, statements: recording.statements() };
}

describe('the cost of a page', () => {
  it('is the same statements for 10 and for 10,000 insights per analysis, each returning at most first + 1 rows per parent', async () => {
    const few = await readPage('few');
    const many = await readPage('many');

    const analyses = (d: typeof few.data) =>
      (
        d.node as {
          analyses: {
            totalCount: number;
            edges: {
              node: { insights: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: { node: { severity: string } }[] } };
            }[];
          };
        }
      ).analyses;
    // Most severe first: of 10 insights the first five are 2 CRITICAL, 2 HIGH, 1 MEDIUM; of 10,000, all CRITICAL.
    const firstFive = { 10: ['CRITICAL', 'CRITICAL', 'HIGH', 'HIGH', 'MEDIUM'], 10000: Array(5).fill('CRITICAL') };
    for (const [result, total] of [
      [few, 10],
      [many, 10_000],
    ] as const) {
      const page = analyses(result.data);
      expect(page.totalCount).toBe(3);
      for (const { node } of page.edges) {
        expect(node.insights.totalCount).toBe(total);
        expect(node.insights.pageInfo.hasNextPage).toBe(true);
        expect(node.insights.edges.map((e) => e.node.severity)).toEqual(firstFive[total]);
      }
    }

    expect(many.statements.map((s) => s.text)).toEqual(few.statements.map((s) => s.text));
    // 3 analyses × (5 + 1) insights is the most any statement of this query may return.
    const pageStatement = many.statements.find((s) => /FROM insights t/.test(s.text) && /LIMIT/.test(s.text))!;
    expect(pageStatement.rows).toBe(18);
    for (const statement of many.statements) expect(statement.rows).toBeLessThanOrEqual(18);
  });

  it('reads at most first + 1 insights per analysis from the index, however many there are', async () => {
    const { statements } = await readPage('many');
    const insightsPage = statements.find((s) => /FROM insights t/.test(s.text) && /LIMIT/.test(s.text));
    expect(insightsPage, 'the insights page statement').toBeDefined();
    const [{ 'QUERY PLAN': plan }] = (
      await recording.pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${insightsPage!.text}`, insightsPage!.values)
    ).rows as [{ 'QUERY PLAN': [{ Plan: PlanNode }] }];
    // The page's scans (under its LIMIT); totalCount's count, beside it, is an index-only count.
    const scans = scanNodes(plan[0].Plan, 'insights', false);
    expect(scans.length).toBeGreaterThan(0);
    // Rows the page's scans of `insights` produced, over all their loops (one loop per analysis).
    const rowsRead = scans.reduce((sum, node) => sum + node['Actual Rows'] * node['Actual Loops'], 0);
    expect(rowsRead).toBeLessThanOrEqual(18);
  });
});

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Actual Rows': number; 'Actual Loops': number; Plans?: PlanNode[] };

/** Scans of `relation` below a Limit node. */
function scanNodes(node: PlanNode, relation: string, underLimit: boolean): PlanNode[] {
  const limited = underLimit || node['Node Type'] === 'Limit';
  const own = limited && node['Relation Name'] === relation ? [node] : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => scanNodes(child, relation, limited))];
}
