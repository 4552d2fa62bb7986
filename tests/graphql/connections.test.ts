// Every connection pages forwards and backwards with totalCount, filters and
// orders as documented, and refuses bad paging arguments clearly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import type { DatasetsQueryVariables } from '../gql/graphql.js';
import { createTestApi, decodeId, encodeId, nodeOf, type TestApi } from '../support/api.js';
import { createUser, createWorkspace } from '../support/fixtures.js';

let api: TestApi;
let viewerId: number;
let workspaceIds: number[];
let datasetIds: number[];
let analysisId: number;
beforeAll(async () => {
  api = await createTestApi();
  const prisma = api.db.prisma;
  const user = await createUser(prisma);
  viewerId = user.id;
  workspaceIds = [];
  for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon']) {
    workspaceIds.push((await createWorkspace(prisma, user.id, name)).id);
  }
  const statuses = ['PENDING', 'COMPLETED', 'FAILED', 'COMPLETED', 'PROCESSING', 'COMPLETED', 'PENDING'] as const;
  const names = ['sales.csv', 'Customers.csv', 'orders.parquet', 'SALES_2024.csv', 'inventory.tsv', 'returns.json', 'sales-q3.csv'];
  datasetIds = [];
  for (const [i, name] of names.entries()) {
    const dataset = await prisma.dataset.create({
      data: { name, filePath: `f/${i}`, fileSize: 10n, status: statuses[i], workspaceId: workspaceIds[0]!, uploadedBy: user.id },
    });
    datasetIds.push(dataset.id);
  }
  const goals = ['ML_PREPARATION', 'GENERAL_AUDIT', 'DATA_QUALITY', 'EXPLORATORY', 'DATA_QUALITY'] as const;
  for (const [i, goalType] of goals.entries()) {
    const analysis = await prisma.analysis.create({
      data: { datasetId: datasetIds[0]!, goalType, status: i === 4 ? 'FAILED' : 'COMPLETED' },
    });
    analysisId = analysis.id;
  }
  await prisma.insight.createMany({
    data: (['LOW', 'CRITICAL', 'INFO', 'HIGH', 'MEDIUM', 'CRITICAL', 'LOW'] as const).map((severity, i) => ({
      analysisId,
      severity,
      type: i % 2 ? 'OUTLIERS' : 'MISSING_DATA',
      description: `insight ${i}`,
      recommendation: 'r',
    })),
  });
  await prisma.columnProfile.createMany({
    data: ['id', 'name', 'age', 'fare'].map((columnName) => ({ analysisId, columnName, dataType: 'string', nullCount: 0, uniqueCount: 1 })),
  });
});
afterAll(async () => {
  await api?.close();
});

const Workspaces = graphql(`
  query Workspaces($first: Int, $after: String, $last: Int, $before: String) {
    viewer {
      workspaces(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { id name } }
      }
    }
  }
`);

describe("a user's workspaces", () => {
  it('pages forwards and backwards over every workspace, newest first, with the total', async () => {
    const names: string[] = [];
    let after: string | null | undefined;
    for (let page = 0; page < 3; page++) {
      const { viewer } = await api.ok(Workspaces, { first: 2, after }, viewerId);
      expect(viewer.workspaces.totalCount).toBe(5);
      names.push(...viewer.workspaces.edges.map((e) => e.node.name));
      expect(viewer.workspaces.pageInfo.hasNextPage).toBe(page < 2);
      after = viewer.workspaces.pageInfo.endCursor;
    }
    expect(names).toEqual(['Epsilon', 'Delta', 'Gamma', 'Beta', 'Alpha']);

    const { viewer: last } = await api.ok(Workspaces, { last: 2 }, viewerId);
    expect(last.workspaces.edges.map((e) => e.node.name)).toEqual(['Beta', 'Alpha']);
    expect(last.workspaces.pageInfo.hasPreviousPage).toBe(true);
    const { viewer: before } = await api.ok(Workspaces, { last: 2, before: last.workspaces.pageInfo.startCursor }, viewerId);
    expect(before.workspaces.edges.map((e) => e.node.name)).toEqual(['Delta', 'Gamma']);
  });

  it('returns 20 by default', async () => {
    const { viewer } = await api.ok(Workspaces, {}, viewerId);
    expect(viewer.workspaces.edges).toHaveLength(5);
    expect(viewer.workspaces.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a page over 100 or a negative one, naming the argument', async () => {
    const tooBig = await api.run(Workspaces, { first: 101 }, viewerId);
    expect(tooBig.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: ['first'], message: 'must be at most 100' }],
    });
    const negative = await api.run(Workspaces, { last: -1 }, viewerId);
    expect(negative.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(negative.errors?.[0]?.message).toMatch(/last/);
  });

  it('refuses a cursor it did not issue', async () => {
    const result = await api.run(Workspaces, { first: 2, after: 'not-a-cursor' }, viewerId);
    expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/Invalid cursor/);
  });
});

const Datasets = graphql(`
  query Datasets($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $filter: DatasetFilter, $orderBy: DatasetOrder) {
    node(id: $id) {
      __typename
      ... on Workspace {
        datasets(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
          totalCount
          pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
          edges { node { id name status } }
        }
      }
    }
  }
`);

async function datasets(variables: Omit<DatasetsQueryVariables, 'id'>) {
  const { node } = await api.ok(Datasets, { id: encodeId('Workspace', workspaceIds[0]!), ...variables }, viewerId);
  return nodeOf(node, 'Workspace').datasets;
}

describe("a workspace's datasets", () => {
  it('orders by name either way and pages through the order', async () => {
    const asc = await datasets({ orderBy: 'NAME_ASC' });
    // Names sort by the database's collation, whatever the server's locale.
    const byName = await api.db.pool.query('SELECT name FROM datasets WHERE workspace_id = $1 ORDER BY name, id', [workspaceIds[0]]);
    expect(asc.edges.map((e) => e.node.name)).toEqual(byName.rows.map((r) => r.name));
    const desc = await datasets({ orderBy: 'NAME_DESC' });
    expect(desc.edges.map((e) => e.node.name)).toEqual([...asc.edges.map((e) => e.node.name)].reverse());
    const page1 = await datasets({ orderBy: 'NAME_ASC', first: 3 });
    const page2 = await datasets({ orderBy: 'NAME_ASC', first: 3, after: page1.pageInfo.endCursor });
    expect([...page1.edges, ...page2.edges].map((e) => e.node.name)).toEqual(asc.edges.slice(0, 6).map((e) => e.node.name));
    const back = await datasets({ orderBy: 'NAME_ASC', last: 3, before: page2.pageInfo.startCursor });
    expect(back.edges.map((e) => e.node.name)).toEqual(page1.edges.map((e) => e.node.name));
  });

  it('orders by creation, newest first by default', async () => {
    const newest = await datasets({});
    expect(newest.edges.map((e) => decodeId(e.node.id))).toEqual([...datasetIds].reverse());
    const oldest = await datasets({ orderBy: 'CREATED_AT_ASC' });
    expect(oldest.edges.map((e) => decodeId(e.node.id))).toEqual(datasetIds);
  });

  it('filters by status and by a case-insensitive part of the name, and counts what matches', async () => {
    const completed = await datasets({ filter: { status: 'COMPLETED' } });
    expect(completed.totalCount).toBe(3);
    expect(completed.edges.every((e) => e.node.status === 'COMPLETED')).toBe(true);
    const sales = await datasets({ filter: { nameContains: 'sAlEs' }, orderBy: 'NAME_ASC' });
    expect(sales.edges.map((e) => e.node.name).sort()).toEqual(['SALES_2024.csv', 'sales-q3.csv', 'sales.csv']);
    expect(sales.totalCount).toBe(3);
    const both = await datasets({ filter: { nameContains: 'sales', status: 'PENDING' } });
    expect(both.edges.map((e) => e.node.name).sort()).toEqual(['sales-q3.csv', 'sales.csv']);
  });
});

const AnalysisDetail = graphql(`
  query AnalysisDetail($dataset: ID!, $analysis: ID!, $analysisFilter: AnalysisFilter, $insightFilter: InsightFilter, $first: Int, $after: String) {
    dataset: node(id: $dataset) {
      __typename
      ... on Dataset {
        analyses(filter: $analysisFilter) { totalCount edges { node { id goalType status } } }
      }
    }
    analysis: node(id: $analysis) {
      __typename
      ... on Analysis {
        insights(filter: $insightFilter, first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { severity type description } }
        }
        columnProfiles { totalCount edges { node { columnName } } }
      }
    }
  }
`);

const gid = encodeId;

describe("a dataset's analyses and an analysis's insights and profiles", () => {
  it('lists analyses newest first and filters them by status and goal', async () => {
    const all = await api.ok(AnalysisDetail, { dataset: gid('Dataset', datasetIds[0]!), analysis: gid('Analysis', analysisId) }, viewerId);
    const analyses = nodeOf(all.dataset, 'Dataset').analyses;
    expect(analyses.totalCount).toBe(5);
    expect(analyses.edges.map((e) => e.node.goalType)).toEqual([
      'DATA_QUALITY',
      'EXPLORATORY',
      'DATA_QUALITY',
      'GENERAL_AUDIT',
      'ML_PREPARATION',
    ]);
    const filtered = await api.ok(
      AnalysisDetail,
      {
        dataset: gid('Dataset', datasetIds[0]!),
        analysis: gid('Analysis', analysisId),
        analysisFilter: { goalType: 'DATA_QUALITY', status: 'COMPLETED' },
      },
      viewerId,
    );
    expect(nodeOf(filtered.dataset, 'Dataset').analyses.totalCount).toBe(1);
  });

  it('lists insights most severe first, pages them, and filters by severity and type', async () => {
    const page1 = await api.ok(
      AnalysisDetail,
      { dataset: gid('Dataset', datasetIds[0]!), analysis: gid('Analysis', analysisId), first: 4 },
      viewerId,
    );
    const insights1 = nodeOf(page1.analysis, 'Analysis').insights;
    expect(insights1.totalCount).toBe(7);
    const page2 = await api.ok(
      AnalysisDetail,
      { dataset: gid('Dataset', datasetIds[0]!), analysis: gid('Analysis', analysisId), first: 4, after: insights1.pageInfo.endCursor },
      viewerId,
    );
    const insights2 = nodeOf(page2.analysis, 'Analysis').insights;
    expect([...insights1.edges, ...insights2.edges].map((e) => e.node.severity)).toEqual([
      'CRITICAL',
      'CRITICAL',
      'HIGH',
      'MEDIUM',
      'LOW',
      'LOW',
      'INFO',
    ]);

    const filtered = await api.ok(
      AnalysisDetail,
      {
        dataset: gid('Dataset', datasetIds[0]!),
        analysis: gid('Analysis', analysisId),
        insightFilter: { severity: ['CRITICAL', 'LOW'], type: ['MISSING_DATA'] },
      },
      viewerId,
    );
    const matching = nodeOf(filtered.analysis, 'Analysis').insights;
    // Seeded: even rows are MISSING_DATA (LOW, INFO, MEDIUM, LOW); both CRITICALs are OUTLIERS.
    expect(matching.totalCount).toBe(2);
    expect(matching.edges.map((e) => [e.node.severity, e.node.type])).toEqual([
      ['LOW', 'MISSING_DATA'],
      ['LOW', 'MISSING_DATA'],
    ]);
  });

  it('lists column profiles in column order', async () => {
    const result = await api.ok(
      AnalysisDetail,
      { dataset: gid('Dataset', datasetIds[0]!), analysis: gid('Analysis', analysisId) },
      viewerId,
    );
    const profiles = nodeOf(result.analysis, 'Analysis').columnProfiles;
    expect(profiles.totalCount).toBe(4);
    expect(profiles.edges.map((e) => e.node.columnName)).toEqual(['id', 'name', 'age', 'fare']);
  });
});
