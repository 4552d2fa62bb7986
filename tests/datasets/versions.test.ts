// Dataset versions (issue 18): titanic.csv uploaded, then a changed copy as its
// version 2, over real HTTP multipart; analyses run in-process (awaited, no
// polling) to show each one profiles the file of its own version; who may
// upload a version, what a refused one leaves behind (nothing), and that
// deleting the dataset removes every version's file while the sweep keeps
// older versions' files.
import { createHash, randomBytes } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadDataset } from '../../examples/upload-dataset.js';
import { ProfilerProcesses } from '../../src/analyses/profile-in-child.js';
import { runAnalysis, type RunnerDeps } from '../../src/analyses/run-analysis.js';
import { sweepStorage } from '../../src/datasets/sweep.js';
import { createLogger } from '../../src/logger.js';
import { graphql } from '../gql/index.js';
import { createTestApi, decodeId, encodeId, nodeOf, type TestApi } from '../support/api.js';
import { createUser, createWorkspace } from '../support/fixtures.js';
import { listen, type HttpServer } from '../support/http-server.js';

const titanic = path.resolve(import.meta.dirname, '../../../shared/datasets/titanic.csv');
const TITANIC_ROWS = 891;
const V2_ROWS = 600;

const UploadVersion = graphql(`
  mutation UploadDatasetVersion($datasetId: ID!, $file: File!) {
    uploadDatasetVersion(datasetId: $datasetId, file: $file) {
      id
      version
      fileSize
      sha256
      originalFilename
      format
      rowCount
      columnCount
      columns {
        name
      }
      uploadedAt
      uploader {
        id
      }
      dataset {
        id
        rowCount
        sha256
      }
    }
  }
`);

const StartVersionAnalysis = graphql(`
  mutation StartVersionAnalysis($datasetId: ID!, $options: StartAnalysisOptions) {
    startAnalysis(datasetId: $datasetId, goalType: GENERAL_AUDIT, options: $options) {
      id
      status
      datasetVersion {
        id
        version
      }
    }
  }
`);

const DatasetVersions = graphql(`
  query DatasetVersions($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      __typename
      ... on Dataset {
        fileSize
        sha256
        rowCount
        originalFilename
        latestVersion {
          id
          version
        }
        versions(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              id
              version
              fileSize
              sha256
              rowCount
              columnCount
              originalFilename
              format
              uploader {
                id
              }
              dataset {
                id
              }
              analyses(first: 10) {
                totalCount
                edges {
                  node {
                    id
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

const AnalysedVersion = graphql(`
  query AnalysedVersion($id: ID!) {
    node(id: $id) {
      __typename
      ... on Analysis {
        status
        errorMessage
        datasetVersion {
          version
          rowCount
        }
        scoreBreakdown {
          dimensions {
            dimension
            assessable
          }
        }
        columnProfiles(first: 1) {
          totalCount
        }
        insights(first: 100) {
          edges {
            node {
              id
              type
              columnName
              evidence {
                count
              }
            }
          }
        }
      }
    }
  }
`);

const AgeAffectedRows = graphql(`
  query VersionAffectedRows($id: ID!) {
    node(id: $id) {
      __typename
      ... on Insight {
        affectedRows(first: 1) {
          totalCount
        }
      }
    }
  }
`);

const DeleteVersionedDataset = graphql(`
  mutation DeleteVersionedDataset($id: ID!) {
    deleteDataset(id: $id)
  }
`);

let api: TestApi;
let http: HttpServer;
let profilers: ProfilerProcesses;
let dir: string;
let owner: { id: number };
let viewer: { id: number };
let token: string;
let workspaceId: string;
/** A changed copy of titanic: its first V2_ROWS passengers. */
let v2File: string;

beforeAll(async () => {
  api = await createTestApi();
  http = await listen(api);
  profilers = new ProfilerProcesses();
  dir = await mkdtemp(path.join(os.tmpdir(), 'dataset-versions-'));
  owner = await createUser(api.db.prisma, 'Owner');
  viewer = await createUser(api.db.prisma, 'Viewer');
  token = await api.tokenFor(owner.id);
  const workspace = await createWorkspace(api.db.prisma, owner.id);
  await api.db.prisma.workspaceMember.create({ data: { workspaceId: workspace.id, userId: viewer.id, role: 'VIEWER' } });
  workspaceId = encodeId('Workspace', workspace.id);
  const lines = (await readFile(titanic, 'utf8')).split('\n');
  v2File = path.join(dir, 'titanic-today.csv');
  await writeFile(v2File, `${lines.slice(0, V2_ROWS + 1).join('\n')}\n`);
}, 60_000);
afterAll(async () => {
  profilers?.close();
  await http?.close();
  await api?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Err = { message: string; extensions?: { code?: string } };

/** uploadDatasetVersion as a client sends it: a multipart request with the file streamed from disk. */
async function uploadVersion(datasetId: string, filePath: string, as = token) {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: print(UploadVersion), variables: { datasetId, file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', await openAsBlob(filePath), path.basename(filePath));
  const response = await fetch(http.url, { method: 'POST', headers: { authorization: `Bearer ${as}` }, body: form });
  return (await response.json()) as { data?: ResultOf<typeof UploadVersion> | null; errors?: Err[] };
}

/** Runs the analysis' queued job here, as a worker would, and returns when it has settled. */
async function runToCompletion(analysisId: string) {
  const id = decodeId(analysisId);
  const { jobId } = await api.db.prisma.analysis.findUniqueOrThrow({ where: { id }, select: { jobId: true } });
  const deps: RunnerDeps = {
    prisma: api.db.prisma,
    storage: api.storage,
    events: api.analyses.events,
    logger: createLogger('error'),
    workerId: 'dataset-versions-test',
    profilers,
    settings: {
      timeLimitSeconds: 600,
      heartbeatSeconds: 5,
      profiler: { memoryLimit: '512MB', threads: 1, tempDirectory: os.tmpdir(), maxColumns: 500 },
    },
  };
  await runAnalysis(deps, { id: jobId!, analysisId: id, retryCount: 0, retryLimit: 0 });
  return nodeOf((await api.ok(AnalysedVersion, { id: analysisId }, owner.id)).node, 'Analysis');
}

/** Rows the analysis profiled: its completeness dimension assesses rows × columns cells. */
function profiledRows(analysis: Awaited<ReturnType<typeof runToCompletion>>) {
  const completeness = analysis.scoreBreakdown!.dimensions.find((d) => d.dimension === 'COMPLETENESS')!;
  return completeness.assessable / analysis.columnProfiles.totalCount;
}

const sha256 = async (filePath: string) =>
  createHash('sha256')
    .update(await readFile(filePath))
    .digest('hex');
const sizeOf = async (filePath: string) => (await readFile(filePath)).length;

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(api.storage.root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(api.storage.root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const versionsOf = async (datasetId: string, first = 10, after: string | null = null) =>
  nodeOf((await api.ok(DatasetVersions, { id: datasetId, first, after }, owner.id)).node, 'Dataset');

describe('a dataset uploaded again', () => {
  let datasetId: string;
  let v1Analysis: string;
  let v2Analysis: string;
  let version1: string;

  it('keeps both uploads as versions, newest first, each with its own hash, size and rows; the dataset describes version 2', async () => {
    const dataset = await uploadDataset({ endpoint: http.url, token, workspaceId, filePath: titanic });
    datasetId = dataset.id;
    expect(dataset.rowCount).toBe(TITANIC_ROWS);
    // Started on version 1, before version 2 arrives; it runs after.
    const started = (await api.ok(StartVersionAnalysis, { datasetId }, owner.id)).startAnalysis;
    expect(started.datasetVersion?.version).toBe(1);
    v1Analysis = started.id;

    const answer = await uploadVersion(datasetId, v2File);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    const v2 = answer.data!.uploadDatasetVersion;
    expect(v2).toMatchObject({
      version: 2,
      fileSize: await sizeOf(v2File),
      sha256: await sha256(v2File),
      originalFilename: 'titanic-today.csv',
      format: 'CSV',
      rowCount: V2_ROWS,
      columnCount: 11,
      uploader: { id: encodeId('User', owner.id) },
      dataset: { id: datasetId, rowCount: V2_ROWS, sha256: await sha256(v2File) },
    });
    expect(v2.columns?.map((c) => c.name)).toEqual(dataset.columns?.map((c) => c.name));

    const listed = await versionsOf(datasetId);
    expect(listed).toMatchObject({
      fileSize: await sizeOf(v2File),
      sha256: await sha256(v2File),
      rowCount: V2_ROWS,
      originalFilename: 'titanic-today.csv',
      latestVersion: { id: v2.id, version: 2 },
    });
    expect(listed.versions.totalCount).toBe(2);
    expect(listed.versions.edges.map((e) => e.node)).toMatchObject([
      { id: v2.id, version: 2, fileSize: await sizeOf(v2File), sha256: await sha256(v2File), rowCount: V2_ROWS, columnCount: 11 },
      {
        version: 1,
        fileSize: await sizeOf(titanic),
        sha256: await sha256(titanic),
        rowCount: TITANIC_ROWS,
        columnCount: 11,
        originalFilename: 'titanic.csv',
        format: 'CSV',
        uploader: { id: encodeId('User', owner.id) },
        dataset: { id: datasetId },
        analyses: { totalCount: 1, edges: [{ node: { id: v1Analysis } }] },
      },
    ]);
    version1 = listed.versions.edges[1]!.node.id;

    // Cursor pages, newest first.
    const first = await versionsOf(datasetId, 1);
    expect(first.versions.edges.map((e) => e.node.version)).toEqual([2]);
    expect(first.versions.pageInfo.hasNextPage).toBe(true);
    const second = await versionsOf(datasetId, 1, first.versions.pageInfo.endCursor);
    expect(second.versions.edges.map((e) => e.node.version)).toEqual([1]);
    expect(second.versions.pageInfo.hasNextPage).toBe(false);

    // Both files are stored, each under its own server-made path.
    const rows = await api.db.prisma.datasetVersion.findMany({ where: { datasetId: decodeId(datasetId) }, orderBy: { version: 'asc' } });
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    expect((await readFile(api.storage.localPath(rows[0]!.filePath))).equals(await readFile(titanic))).toBe(true);
    expect((await readFile(api.storage.localPath(rows[1]!.filePath))).equals(await readFile(v2File))).toBe(true);
    const datasetRow = await api.db.prisma.dataset.findUniqueOrThrow({ where: { id: decodeId(datasetId) } });
    expect(datasetRow.filePath).toBe(rows[1]!.filePath);
  });

  it('analyses version 2’s file once it is uploaded, while the analysis of version 1 keeps its version and its file', async () => {
    const started = (await api.ok(StartVersionAnalysis, { datasetId }, owner.id)).startAnalysis;
    expect(started.datasetVersion?.version).toBe(2);
    v2Analysis = started.id;

    const v2 = await runToCompletion(v2Analysis);
    expect(v2.errorMessage).toBeNull();
    expect(v2).toMatchObject({ status: 'COMPLETED', datasetVersion: { version: 2, rowCount: V2_ROWS } });
    expect(profiledRows(v2)).toBe(V2_ROWS);

    // Run after version 2 arrived, it still reads version 1's file.
    const v1 = await runToCompletion(v1Analysis);
    expect(v1.errorMessage).toBeNull();
    expect(v1).toMatchObject({ status: 'COMPLETED', datasetVersion: { version: 1, rowCount: TITANIC_ROWS } });
    expect(profiledRows(v1)).toBe(TITANIC_ROWS);
    const v1Ages = v1.insights.edges.find((e) => e.node.type === 'MISSING_DATA' && e.node.columnName === 'age')!.node;
    expect(v1Ages.evidence?.count).toBe(177);
    // Its affected rows are read from its own file too.
    const rows = nodeOf((await api.ok(AgeAffectedRows, { id: v1Ages.id }, owner.id)).node, 'Insight');
    expect(rows.affectedRows?.totalCount).toBe(177);

    // The dataset still describes its latest version, though an analysis of version 1 finished last.
    const listed = await versionsOf(datasetId);
    expect(listed.rowCount).toBe(V2_ROWS);
    expect(listed.versions.edges.map((e) => e.node.analyses.edges.map((a) => a.node.id))).toEqual([[v2Analysis], [v1Analysis]]);
  });

  it('analyses an earlier version when startAnalysis names it, and refuses a version of another dataset', async () => {
    const chosen = await api.ok(StartVersionAnalysis, { datasetId, options: { datasetVersionId: version1 } }, owner.id);
    expect(chosen.startAnalysis.datasetVersion).toEqual({ id: version1, version: 1 });

    const other = await uploadDataset({ endpoint: http.url, token, workspaceId, filePath: v2File, name: 'other' });
    const refused = await api.run(StartVersionAnalysis, { datasetId: other.id, options: { datasetVersionId: version1 } }, owner.id);
    expect(refused.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(refused.errors?.[0]?.message).toMatch(/no such version/);
  });

  it('refuses a VIEWER (FORBIDDEN), with no version and no file left behind', async () => {
    const before = { files: await storedFiles(), versions: await api.db.prisma.datasetVersion.count() };
    const answer = await uploadVersion(datasetId, v2File, await api.tokenFor(viewer.id));
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(answer.data?.uploadDatasetVersion ?? null).toBeNull();
    expect(await storedFiles()).toEqual(before.files);
    expect(await api.db.prisma.datasetVersion.count()).toBe(before.versions);
  });

  it('answers NOT_FOUND to someone outside the workspace', async () => {
    const stranger = await createUser(api.db.prisma, 'Stranger');
    const before = await storedFiles();
    const answer = await uploadVersion(datasetId, v2File, await api.tokenFor(stranger.id));
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses a file that cannot be a dataset as uploadDataset does, leaving no file and no version row', async () => {
    const junk = path.join(dir, 'photo.csv');
    await writeFile(junk, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), randomBytes(4096)]));
    const before = { files: await storedFiles(), versions: await api.db.prisma.datasetVersion.count() };
    const answer = await uploadVersion(datasetId, junk);
    expect(answer.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(answer.errors?.[0]?.message).toMatch(/Binary content \(a NUL byte at offset 8\)/);
    expect(await storedFiles()).toEqual(before.files);
    expect(await api.db.prisma.datasetVersion.count()).toBe(before.versions);
    const listed = await versionsOf(datasetId);
    expect(listed).toMatchObject({ rowCount: V2_ROWS, latestVersion: { version: 2 }, versions: { totalCount: 2 } });
  });

  it('keeps older versions’ files through the storage sweep, and deleting the dataset removes every version’s file', async () => {
    const rows = await api.db.prisma.datasetVersion.findMany({ where: { datasetId: decodeId(datasetId) } });
    const paths = rows.map((r) => r.filePath);
    expect(paths).toHaveLength(2);
    // Every file counts as old: only what no dataset and no version points at may go.
    const swept = await sweepStorage(api.storage, api.db.prisma, { graceMs: -60_000 });
    expect(swept.removed).toEqual([]);
    for (const stored of paths) expect(await storedFiles()).toContain(stored);

    await api.ok(DeleteVersionedDataset, { id: datasetId }, owner.id);
    const left = await storedFiles();
    for (const stored of paths) expect(left).not.toContain(stored);
    expect(await api.db.prisma.datasetVersion.count({ where: { datasetId: decodeId(datasetId) } })).toBe(0);
    expect(await api.db.prisma.analysis.count({ where: { datasetId: decodeId(datasetId) } })).toBe(0);
  });
});

describe('a dataset recorded without versions (as the seed’s own inserts are)', () => {
  it('gets its current file as version 1, with its analyses, when a new version arrives', async () => {
    const prisma = api.db.prisma;
    // Its "current file" is a stored copy of titanic, recorded straight through Prisma.
    const stored = await api.storage.put((await openAsBlob(titanic)).stream() as unknown as AsyncIterable<Uint8Array>, {
      maxBytes: 1024 ** 3,
    });
    const workspace = decodeId(workspaceId);
    const dataset = await prisma.dataset.create({
      data: {
        name: 'seeded',
        filePath: stored.path,
        fileSize: stored.size,
        rowCount: TITANIC_ROWS,
        workspaceId: workspace,
        uploadedBy: owner.id,
      },
    });
    const analysis = await prisma.analysis.create({ data: { datasetId: dataset.id, goalType: 'GENERAL_AUDIT' } });
    const id = encodeId('Dataset', dataset.id);
    expect((await versionsOf(id)).latestVersion).toBeNull();

    const answer = await uploadVersion(id, v2File);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data!.uploadDatasetVersion.version).toBe(2);
    const listed = await versionsOf(id);
    expect(listed.versions.edges.map((e) => e.node)).toMatchObject([
      { version: 2, rowCount: V2_ROWS, analyses: { totalCount: 0 } },
      {
        version: 1,
        rowCount: TITANIC_ROWS,
        fileSize: stored.size,
        sha256: null,
        analyses: { edges: [{ node: { id: encodeId('Analysis', analysis.id) } }] },
      },
    ]);
    expect(await storedFiles()).toContain(stored.path);
  });
});
