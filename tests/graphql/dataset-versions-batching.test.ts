// Dataset versions are loaded per level, not per parent: Dataset.versions,
// Dataset.latestVersion, DatasetVersion.analyses and Analysis.datasetVersion
// cost the same statements for 1 dataset as for 20, each page at most
// first + 1 rows per parent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createTestApi, encodeId, nodeOf, type TestApi } from '../support/api.js';
import { seedGraph } from '../support/fixtures.js';
import { recordingDatabase } from '../support/statement-log.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const VERSIONS = 5;

const VersionsPage = graphql(`
  query VersionsPage($workspace: ID!, $n: Int!) {
    node(id: $workspace) {
      __typename
      ... on Workspace {
        datasets(first: $n) {
          edges {
            node {
              id
              latestVersion {
                version
                sha256
              }
              versions(first: 2) {
                totalCount
                edges {
                  node {
                    version
                    fileSize
                    uploader {
                      id
                    }
                    analyses(first: 1) {
                      totalCount
                      edges {
                        node {
                          id
                          datasetVersion {
                            version
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
  }
`);

let db: TestDatabase;
let recording: ReturnType<typeof recordingDatabase>;
let api: TestApi;
let viewerId: number;
let workspace: string;

beforeAll(async () => {
  db = await createTestDatabase();
  recording = recordingDatabase(db);
  api = await createTestApi({ db: recording.db });
  const prisma = recording.db.prisma;
  viewerId = (await seedGraph(prisma, { workspaces: 1, datasets: 20, analyses: VERSIONS, insights: 0, profiles: 0 })).id;
  workspace = encodeId('Workspace', (await prisma.workspace.findFirstOrThrow({ where: { ownerId: viewerId } })).id);
  // Each dataset: VERSIONS versions, one analysis of each.
  const datasets = await prisma.dataset.findMany({ include: { analyses: { orderBy: { id: 'asc' } } } });
  for (const dataset of datasets) {
    const versions = await prisma.datasetVersion.createManyAndReturn({
      data: Array.from({ length: VERSIONS }, (_, i) => ({
        datasetId: dataset.id,
        version: i + 1,
        filePath: `${dataset.filePath}/v${i + 1}`,
        fileSize: 100 + i,
        sha256: String(i + 1).repeat(64),
        uploadedBy: viewerId,
      })),
    });
    for (const [i, analysis] of dataset.analyses.entries())
      await prisma.analysis.update({ where: { id: analysis.id }, data: { datasetVersionId: versions[i]!.id } });
  }
  await api.tokenFor(viewerId); // signed in before counting
}, 300_000);

afterAll(async () => {
  await recording?.pool.end();
  await db?.close();
});

async function page(n: number) {
  recording.reset();
  const data = await api.ok(VersionsPage, { workspace, n }, viewerId);
  return { datasets: nodeOf(data.node, 'Workspace').datasets.edges.map((e) => e.node), statements: recording.statements() };
}

describe('dataset versions, batched', () => {
  it('costs the same statements for 1 dataset as for 20, one per level, no page longer than first + 1 per parent', async () => {
    const one = await page(1);
    const twenty = await page(20);
    expect(twenty.datasets).toHaveLength(20);
    for (const dataset of twenty.datasets) {
      expect(dataset.latestVersion).toEqual({ version: VERSIONS, sha256: String(VERSIONS).repeat(64) });
      expect(dataset.versions.totalCount).toBe(VERSIONS);
      expect(dataset.versions.edges.map((e) => e.node.version)).toEqual([VERSIONS, VERSIONS - 1]);
      for (const { node } of dataset.versions.edges) {
        expect(node.analyses.totalCount).toBe(1);
        expect(node.analyses.edges[0]!.node.datasetVersion).toEqual({ version: node.version });
      }
    }
    // The token (with the viewer's row, so the uploader costs nothing more), the workspace, its datasets,
    // their latest versions, their versions' page (with totalCount), the versions' analyses (with
    // totalCount), the analyses' versions.
    expect(twenty.statements.length).toBe(one.statements.length);
    expect(twenty.statements.length).toBe(7);
    const versionPages = twenty.statements.filter((s) => /FROM dataset_versions t\s+WHERE t\.dataset_id = p\.parent/.test(s.text));
    expect(versionPages).toHaveLength(2);
    // first + 1 rows per dataset: 2 for latestVersion, 3 for versions(first: 2).
    expect(versionPages.map((s) => s.rows).sort((a, b) => a - b)).toEqual([40, 60]);
  });
});
