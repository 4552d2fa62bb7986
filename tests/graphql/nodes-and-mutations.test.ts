// Global IDs and node lookups, the mutations that exist today, their Zod
// validation, and the one error model. Another user's objects do not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createTestApi, decodeId, encodeId, nodeOf, type TestApi } from '../support/api.js';
import { createUser, seedGraph } from '../support/fixtures.js';

let api: TestApi;
let ownerId: number;
let strangerId: number;
let seeded: Awaited<ReturnType<typeof ownerIds>>;
beforeAll(async () => {
  api = await createTestApi();
  ownerId = (await seedGraph(api.db.prisma, { workspaces: 1, datasets: 1, analyses: 1, insights: 1, profiles: 1 })).id;
  strangerId = (await createUser(api.db.prisma, 'Someone Else')).id;
  seeded = await ownerIds();
});
afterAll(async () => {
  await api?.close();
});

const Ids = graphql(`
  query Ids {
    viewer {
      id
      workspaces(first: 1) {
        edges {
          node {
            id
            datasets(first: 1) {
              edges {
                node {
                  id
                  analyses(first: 1) {
                    edges { node { id insights(first: 1) { edges { node { id } } } columnProfiles(first: 1) { edges { node { id } } } } }
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

/** The global IDs of the seeded chain, as the owner reads them from the graph. */
async function ownerIds() {
  const { viewer } = await api.ok(Ids, {}, ownerId);
  const workspace = viewer.workspaces.edges[0]!.node;
  const dataset = workspace.datasets.edges[0]!.node;
  const analysis = dataset.analyses.edges[0]!.node;
  return {
    User: viewer.id,
    Workspace: workspace.id,
    Dataset: dataset.id,
    Analysis: analysis.id,
    Insight: analysis.insights.edges[0]!.node.id,
    ColumnProfile: analysis.columnProfiles.edges[0]!.node.id,
  };
}

const Node = graphql(`
  query Node($id: ID!) {
    node(id: $id) { __typename id }
  }
`);
const Nodes = graphql(`
  query Nodes($ids: [ID!]!) {
    nodes(ids: $ids) { __typename id }
  }
`);

describe('node lookups by global ID', () => {
  it('finds every node type by the ID the graph gave it', async () => {
    const ids = seeded;
    for (const [type, id] of Object.entries(ids)) {
      const { node } = await api.ok(Node, { id }, ownerId);
      expect(node).toEqual({ __typename: type, id });
    }
    const { nodes } = await api.ok(Nodes, { ids: Object.values(ids) }, ownerId);
    expect(nodes.map((n) => n?.__typename)).toEqual(Object.keys(ids));
  });

  it('reports another user’s objects exactly like missing ones', async () => {
    const ids = seeded;
    for (const id of [...Object.values(ids), encodeId('Workspace', 999_999)]) {
      const result = await api.run(Node, { id }, strangerId);
      expect(result).toEqual({ data: { node: null } });
    }
    const { nodes } = await api.ok(Nodes, { ids: Object.values(ids) }, strangerId);
    expect(nodes).toEqual(Object.values(ids).map(() => null));
  });

  it('rejects an ID that is not one of ours', async () => {
    const result = await api.run(Node, { id: 'definitely-not-base64:::' }, ownerId);
    expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/Invalid global ID/);
  });

  it('answers NOT_FOUND for a forged or non-canonical ID, and never opens the object', async () => {
    const workspaceId = decodeId(seeded.Workspace);
    const raw = (text: string) => Buffer.from(text).toString('base64');
    const forged = [
      'Workspace:1 OR 1=1',
      'Workspace:99999999999999999999',
      'Workspace:2147483648',
      'Workspace:0',
      'Workspace:-1',
      `Workspace:0${workspaceId}`,
      `Workspace:+${workspaceId}`,
      `Workspace:0x${workspaceId.toString(16)}`,
      `Workspace:${workspaceId}e0`,
      `Workspace:${workspaceId}.0`,
      `Workspace: ${workspaceId}`,
      `Workspace:${workspaceId}\n`,
    ];
    for (const text of forged) {
      const result = await api.run(Node, { id: raw(text) }, ownerId);
      expect(result.data?.node ?? null, text).toBeNull();
      expect(
        result.errors?.map((e) => e.extensions?.code),
        text,
      ).toEqual(['NOT_FOUND']);
      const renamed = await api.run(UpdateWorkspace, { id: raw(text), input: { name: 'forged' } }, ownerId);
      expect(
        renamed.errors?.map((e) => e.extensions?.code),
        text,
      ).toEqual(['NOT_FOUND']);
    }
    const { nodes } = await api.ok(Nodes, { ids: [seeded.Workspace] }, ownerId);
    expect(nodes).toEqual([{ __typename: 'Workspace', id: seeded.Workspace }]);
  });

  it('answers VALIDATION_FAILED for an ID of a type that is not a node', async () => {
    for (const text of ['Session:1', 'Foo:1', ':1', 'Workspace', '']) {
      const result = await api.run(Node, { id: Buffer.from(text).toString('base64') || 'x' }, ownerId);
      expect(
        result.errors?.map((e) => e.extensions?.code),
        text,
      ).toEqual(['VALIDATION_FAILED']);
    }
  });

  it('asks who you are before anything else', async () => {
    const ids = seeded;
    const result = await api.run(Node, { id: ids.Workspace }, undefined);
    expect(result.errors?.[0]).toMatchObject({ message: 'Sign in to do this', extensions: { code: 'UNAUTHENTICATED' } });
  });
});

const CreateWorkspace = graphql(`
  mutation CreateWorkspace($input: CreateWorkspaceInput!) {
    createWorkspace(input: $input) { id name owner { id } createdAt datasets { totalCount } }
  }
`);
const UpdateWorkspace = graphql(`
  mutation UpdateWorkspace($id: ID!, $input: UpdateWorkspaceInput!) {
    updateWorkspace(id: $id, input: $input) { id name updatedAt }
  }
`);
const DeleteWorkspace = graphql(`
  mutation DeleteWorkspace($id: ID!) { deleteWorkspace(id: $id) }
`);
const UpdateDataset = graphql(`
  mutation UpdateDataset($id: ID!, $input: UpdateDatasetInput!) {
    updateDataset(id: $id, input: $input) { id name }
  }
`);
const DeleteDataset = graphql(`
  mutation DeleteDataset($id: ID!) { deleteDataset(id: $id) }
`);
const DeleteAnalysis = graphql(`
  mutation DeleteAnalysis($id: ID!) { deleteAnalysis(id: $id) }
`);

describe('workspace mutations', () => {
  it('creates a workspace owned by the caller, with the name trimmed', async () => {
    const { createWorkspace } = await api.ok(CreateWorkspace, { input: { name: '  Research  ' } }, ownerId);
    expect(createWorkspace.name).toBe('Research');
    expect(decodeId(createWorkspace.owner.id)).toBe(ownerId);
    expect(createWorkspace.datasets.totalCount).toBe(0);
    const stored = await api.db.prisma.workspace.findUniqueOrThrow({ where: { id: decodeId(createWorkspace.id) } });
    expect(stored).toMatchObject({ name: 'Research', ownerId });
  });

  it('refuses an empty or too long name with the field and the reason, and creates nothing', async () => {
    const before = await api.db.prisma.workspace.count();
    const empty = await api.run(CreateWorkspace, { input: { name: '   ' } }, ownerId);
    expect(empty.errors?.[0]?.extensions).toEqual({
      code: 'VALIDATION_FAILED',
      fields: [{ path: ['input', 'name'], message: 'must not be empty' }],
    });
    const long = await api.run(CreateWorkspace, { input: { name: 'x'.repeat(256) } }, ownerId);
    expect(long.errors?.[0]?.extensions?.fields).toEqual([{ path: ['input', 'name'], message: 'must be at most 255 characters' }]);
    expect(await api.db.prisma.workspace.count()).toBe(before);
  });

  it('renames and deletes a workspace, and the deletion reaches everything inside it', async () => {
    const { createWorkspace } = await api.ok(CreateWorkspace, { input: { name: 'Temp' } }, ownerId);
    const { updateWorkspace } = await api.ok(UpdateWorkspace, { id: createWorkspace.id, input: { name: 'Renamed' } }, ownerId);
    expect(updateWorkspace.name).toBe('Renamed');
    expect(new Date(updateWorkspace.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(createWorkspace.createdAt).getTime());
    const dataset = await api.db.prisma.dataset.create({
      data: { name: 'x.csv', filePath: 'x', fileSize: 1n, workspaceId: decodeId(createWorkspace.id), uploadedBy: ownerId },
    });
    const { deleteWorkspace } = await api.ok(DeleteWorkspace, { id: createWorkspace.id }, ownerId);
    expect(deleteWorkspace).toBe(createWorkspace.id);
    expect(await api.db.prisma.dataset.findUnique({ where: { id: dataset.id } })).toBeNull();
  });

  it("cannot touch another user's workspace: NOT_FOUND, and nothing changes", async () => {
    const ids = seeded;
    const rename = await api.run(UpdateWorkspace, { id: ids.Workspace, input: { name: 'Mine now' } }, strangerId);
    expect(rename.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const remove = await api.run(DeleteWorkspace, { id: ids.Workspace }, strangerId);
    expect(remove.errors?.[0]).toMatchObject({ message: 'Workspace not found', extensions: { code: 'NOT_FOUND' } });
    const stored = await api.db.prisma.workspace.findUniqueOrThrow({ where: { id: decodeId(ids.Workspace) } });
    expect(stored.name).toBe('Workspace 0');
  });

  it('refuses an ID of the wrong type', async () => {
    const ids = seeded;
    const result = await api.run(DeleteWorkspace, { id: ids.Dataset }, ownerId);
    expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(await api.db.prisma.dataset.count({ where: { id: decodeId(ids.Dataset) } })).toBe(1);
  });
});

describe('dataset and analysis mutations', () => {
  it('renames a dataset, refusing a blank name', async () => {
    const ids = seeded;
    const { updateDataset } = await api.ok(UpdateDataset, { id: ids.Dataset, input: { name: ' titanic.csv ' } }, ownerId);
    expect(updateDataset.name).toBe('titanic.csv');
    const blank = await api.run(UpdateDataset, { id: ids.Dataset, input: { name: '' } }, ownerId);
    expect(blank.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const other = await api.run(UpdateDataset, { id: ids.Dataset, input: { name: 'stolen' } }, strangerId);
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const { node } = await api.ok(Node, { id: ids.Dataset }, ownerId);
    expect(nodeOf(node, 'Dataset').id).toBe(ids.Dataset);
    expect((await api.db.prisma.dataset.findUniqueOrThrow({ where: { id: decodeId(ids.Dataset) } })).name).toBe('titanic.csv');
  });

  it('deletes an analysis with its insights and profiles, then the dataset', async () => {
    const ids = seeded;
    expect((await api.run(DeleteAnalysis, { id: ids.Analysis }, strangerId)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await api.ok(DeleteAnalysis, { id: ids.Analysis }, ownerId)).deleteAnalysis).toBe(ids.Analysis);
    expect(await api.db.prisma.insight.count({ where: { id: decodeId(ids.Insight) } })).toBe(0);
    expect(await api.db.prisma.columnProfile.count({ where: { id: decodeId(ids.ColumnProfile) } })).toBe(0);
    expect((await api.ok(DeleteDataset, { id: ids.Dataset }, ownerId)).deleteDataset).toBe(ids.Dataset);
    expect((await api.run(DeleteDataset, { id: ids.Dataset }, ownerId)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
