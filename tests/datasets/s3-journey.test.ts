// The whole journey on object storage (STORAGE_URL=s3://…, s3rver on a random
// local port), with the API and a standalone worker process that share no
// disk: each has its own data folder, the worker is given only the bucket.
// Upload over HTTP into a multipart upload, the analysis run by the worker from
// its own copy, an insight's affected rows read by the API from another copy,
// delete, sweep; and the faults, each driven at a known point of the
// transfer: a client that disconnects mid-body (nothing left: no object, no
// multipart upload) and a bucket that goes away mid-upload (a clear
// UNAVAILABLE, nothing in PostgreSQL).
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { uploadDataset } from '../../examples/upload-dataset.js';
import { S3Storage } from '../../src/datasets/s3-storage.js';
import { sweepStorage } from '../../src/datasets/sweep.js';
import { createTestApi, decodeId, encodeId, type TestApi } from '../support/api.js';
import { createUser, createWorkspace } from '../support/fixtures.js';
import { listen, type HttpServer } from '../support/http-server.js';
import { generatedCsv, mapField, operationsField, sendMultipart } from '../support/multipart.js';
import { startS3Server, type TestS3Server } from '../support/s3-server.js';
import { startWorker, type WorkerProcess } from '../support/worker-process.js';

const MIB = 1024 ** 2;
const sharedDatasets = path.resolve(import.meta.dirname, '../../../shared/datasets');
const prefix = 'journey/';

let dir: string;
let apiData: string;
let workerData: string;
let s3: TestS3Server;
let storage: S3Storage;
let api: TestApi<S3Storage>;
let http: HttpServer;
let worker: WorkerProcess | undefined;
let token: string;
let workspaceId: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 's3-journey-'));
  apiData = path.join(dir, 'api-data');
  workerData = path.join(dir, 'worker-data');
  await mkdir(apiData);
  await mkdir(workerData);
  s3 = await startS3Server({ directory: path.join(dir, 's3') });
  // The API's scratch space is its own DATA_DIR's DuckDB temp space, as the configuration puts it.
  storage = new S3Storage({
    location: s3.location(prefix),
    scratchDir: path.join(apiData, 'duckdb-tmp', 'datasets'),
    scratchMaxAgeMs: 3_600_000,
    partSize: 5 * MIB,
    queueSize: 2,
  });
  api = await createTestApi({ storage, uploads: { maxBytes: 64 * MIB, reader: { tempDirectory: path.join(apiData, 'duckdb-tmp') } } });
  http = await listen(api);
  const owner = await createUser(api.db.prisma);
  token = await api.tokenFor(owner.id);
  workspaceId = encodeId('Workspace', (await createWorkspace(api.db.prisma, owner.id)).id);
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  await http?.close();
  await api?.close();
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Every file under a folder, recursively (relative names). */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(folder, path.join(e.parentPath, e.name)));
}

/** The bucket holds exactly the files of the datasets (and versions) that exist, and no unfinished upload. */
async function expectBucketMatchesDatasets() {
  const [datasets, versions] = await Promise.all([
    api.db.prisma.dataset.findMany({ select: { filePath: true } }),
    api.db.prisma.datasetVersion.findMany({ select: { filePath: true } }),
  ]);
  const expected = [...new Set([...datasets, ...versions].map((r) => prefix + r.filePath))].sort();
  expect(await s3.objects(prefix)).toEqual(expected);
  expect(await s3.uploads(prefix)).toEqual([]);
}

async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const result = (await (await api.post(query, variables, { token })).json()) as { data?: T; errors?: unknown[] };
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}\n${worker?.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const uploadQuery = 'mutation($w: ID!, $f: File!) { uploadDataset(workspaceId: $w, file: $f) { id } }';

describe('STORAGE_URL=s3://…: API and worker on separate data folders', () => {
  let datasetId: string;
  let analysisId: number;

  it('uploads into the bucket, through a multipart upload for a large file, keeping nothing on the API’s disk', async () => {
    const titanic = path.join(sharedDatasets, 'titanic.csv');
    const dataset = await uploadDataset({ endpoint: http.url, token, workspaceId, filePath: titanic });
    datasetId = dataset.id;
    expect(dataset).toMatchObject({ rowCount: 891, columnCount: 11, format: 'CSV' });
    const row = await api.db.prisma.dataset.findUniqueOrThrow({ where: { id: decodeId(dataset.id) } });
    expect(await s3.objects(prefix)).toEqual([prefix + row.filePath]);

    // 12 MiB: three parts of 5 MiB at most, each checked on the way.
    const big = path.join(dir, 'big.csv');
    const bytes = Buffer.concat(await collect(generatedCsv(12 * MIB)));
    const whole = bytes.subarray(0, bytes.lastIndexOf('\n') + 1);
    await writeFile(big, whole);
    const calls = s3.calls.length;
    const large = await uploadDataset({ endpoint: http.url, token, workspaceId, filePath: big });
    expect(large.fileSize).toBe(whole.length);
    const operations = s3.calls.slice(calls).map((c) => c.operation);
    expect(operations.filter((o) => o === 'UploadPart')).toHaveLength(3);
    // The first read of the upload used the copy kept on the way in: nothing was downloaded.
    expect(operations).not.toContain('GetObject');
    await expectBucketMatchesDatasets();
    expect(await filesUnder(apiData)).toEqual([]);
  });

  it('is analysed by a standalone worker that has only the bucket, from a copy it removes after', async () => {
    worker = await startWorker({ databaseUrl: api.db.url, dataDir: workerData, env: s3.env(prefix) });
    expect(worker.output()).toMatch(new RegExp(`"storage":"s3://${s3.bucket}/${prefix}`));
    const gets = s3.calls.filter((c) => c.operation === 'GetObject').length;
    const started = await gql<{ startAnalysis: { id: string } }>(
      'mutation($d: ID!) { startAnalysis(datasetId: $d, goalType: ML_PREPARATION, options: { targetColumn: "survived" }) { id } }',
      { d: datasetId },
    );
    analysisId = decodeId(started.startAnalysis.id);
    const done = await until(
      () =>
        api.db.prisma.analysis.findUniqueOrThrow({ where: { id: analysisId }, include: { _count: { select: { columnProfiles: true } } } }),
      (a) => a.status === 'COMPLETED' || a.status === 'FAILED',
      120_000,
      'the analysis',
    );
    expect(done).toMatchObject({ status: 'COMPLETED', errorMessage: null, _count: { columnProfiles: 11 } });
    expect(done.workerId).toContain(String(worker.process.pid));
    expect(s3.calls.filter((c) => c.operation === 'GetObject').length - gets).toBe(1);
    // The copy is gone from the worker's DuckDB temp space; the API's disk was never involved.
    expect((await filesUnder(workerData)).filter((f) => f.startsWith(path.join('duckdb-tmp', 'datasets')))).toEqual([]);
    expect(await filesUnder(apiData)).toEqual([]);
  }, 150_000);

  it('reads an insight’s affected rows from a copy of the file, removed after the read', async () => {
    const gets = s3.calls.filter((c) => c.operation === 'GetObject').length;
    const data = await gql<{
      node: {
        insights: { edges: { node: { type: string; affectedRows: { totalCount: number; edges: { node: { row: number } }[] } | null } }[] };
      };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Analysis { insights(first: 5, filter: { type: [MISSING_DATA] }) { edges { node {
         type affectedRows(first: 3) { totalCount edges { node { row values } } } } } } } } }`,
      { id: encodeId('Analysis', analysisId) },
    );
    const pages = data.node.insights.edges.map((e) => e.node.affectedRows).filter((p) => p !== null);
    expect(pages.length).toBeGreaterThan(0);
    // age (177 missing) and cabin (687) are both missing-data insights of titanic.
    expect(pages.map((p) => p!.totalCount)).toEqual(expect.arrayContaining([177, 687]));
    expect(pages[0]!.edges.length).toBe(3);
    // One download for every read of the request (they share the copy), and nothing left after.
    expect(s3.calls.filter((c) => c.operation === 'GetObject').length - gets).toBeLessThanOrEqual(pages.length);
    expect(await filesUnder(apiData)).toEqual([]);
  });

  it('removes the file from the bucket when the dataset is deleted', async () => {
    const row = await api.db.prisma.dataset.findUniqueOrThrow({ where: { id: decodeId(datasetId) } });
    await gql('mutation($id: ID!) { deleteDataset(id: $id) }', { id: datasetId });
    expect(await s3.objects(prefix)).not.toContain(prefix + row.filePath);
    await expectBucketMatchesDatasets();
  });

  it('sweeps the bucket: an old object no dataset points at goes, the datasets’ files stay', async () => {
    const orphan = `${prefix}aa/bb/${randomUUID()}`;
    await storage.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: orphan, Body: 'x,y\n1,2\n' }));
    await s3.age(orphan, new Date(Date.now() - 7_200_000));
    const result = await sweepStorage(storage, api.db.prisma, { graceMs: 3_600_000 });
    expect(result.removed).toEqual([orphan.slice(prefix.length)]);
    await expectBucketMatchesDatasets();
  });

  it('deletes a file refused after it was stored (its content), and its local copy', async () => {
    const before = await api.db.prisma.dataset.count();
    const deletes = s3.calls.filter((c) => c.operation === 'DeleteObject').length;
    const result = await sendMultipart(http.url, {
      token,
      fields: [operationsField(uploadQuery, { w: workspaceId, f: null }), mapField({ 0: ['variables.f'] })],
      files: [{ field: '0', filename: 'ragged.csv', content: Buffer.from('a,b,c\n1,2,3\n4,5\n') }],
    });
    expect(result.json.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^The file cannot be used as a dataset: .*line 3/),
      extensions: { code: 'VALIDATION_FAILED' },
    });
    expect(s3.calls.filter((c) => c.operation === 'DeleteObject').length - deletes).toBe(1);
    expect(await api.db.prisma.dataset.count()).toBe(before);
    await expectBucketMatchesDatasets();
    expect(await filesUnder(apiData)).toEqual([]);
  });

  it('leaves nothing behind when the client disconnects mid-body: no object, no multipart upload, no row', async () => {
    const before = { datasets: await api.db.prisma.dataset.count(), objects: await s3.objects(prefix) };
    // The body stops after 6 MiB; once the store has taken the first part the client goes away.
    const firstPart = s3.next('UploadPart');
    const aborted = s3.next('AbortMultipartUpload');
    const result = await sendMultipart(http.url, {
      token,
      fields: [operationsField(uploadQuery, { w: workspaceId, f: null }), mapField({ 0: ['variables.f'] })],
      // The rest never comes: the client is gone before.
      files: [{ field: '0', filename: 'cut.csv', content: firstThenWait(generatedCsv(20 * MIB), 6 * MIB, new Promise(() => {})) }],
      destroyWhen: firstPart,
    });
    expect(result.status).toBe(0);
    expect((await aborted).status).toBe(204);
    expect(await s3.uploads(prefix)).toEqual([]);
    expect(await s3.objects(prefix)).toEqual(before.objects);
    expect(await api.db.prisma.dataset.count()).toBe(before.datasets);
    await expectBucketMatchesDatasets();
  });

  it('answers UNAVAILABLE when the bucket goes away mid-upload, with nothing in PostgreSQL; the sweep clears what it left', async () => {
    const before = {
      datasets: await api.db.prisma.dataset.count(),
      versions: await api.db.prisma.datasetVersion.count(),
      objects: await s3.objects(prefix),
    };
    // After the first part, the store stops; the rest of the body then arrives for a store that is gone.
    const firstPart = s3.next('UploadPart');
    const stopped = firstPart.then(() => s3.stop());
    let result: Awaited<ReturnType<typeof sendMultipart>>;
    try {
      result = await sendMultipart(http.url, {
        token,
        fields: [operationsField(uploadQuery, { w: workspaceId, f: null }), mapField({ 0: ['variables.f'] })],
        files: [{ field: '0', filename: 'unlucky.csv', content: firstThenWait(generatedCsv(20 * MIB), 6 * MIB, stopped) }],
      });
    } finally {
      await stopped;
      await s3.start();
    }
    expect(result.status, JSON.stringify(result.json)).toBe(503);
    expect(result.headers['retry-after']).toBe('5');
    expect(result.json.errors?.[0]).toMatchObject({
      message: 'The file storage is unavailable; nothing was stored. Retry in a few seconds.',
      extensions: { code: 'UNAVAILABLE' },
    });
    expect(JSON.stringify(result.json)).not.toMatch(/127\.0\.0\.1|S3RVER|\/tmp\//);
    expect(await api.db.prisma.dataset.count()).toBe(before.datasets);
    expect(await api.db.prisma.datasetVersion.count()).toBe(before.versions);
    expect(await s3.objects(prefix)).toEqual(before.objects);
    expect(await filesUnder(apiData)).toEqual([]);
    // Its abort could not reach the store either: the unfinished upload is the sweep's.
    const left = await s3.uploads(prefix);
    expect(left).toHaveLength(1);
    const swept = await sweepStorage(storage, api.db.prisma, { graceMs: 0 });
    expect(swept.removed).toContain(`.incoming/${left[0]!.uploadId}/${left[0]!.key.slice(prefix.length)}`);
    await expectBucketMatchesDatasets();
  });
});

/** The first `bytes` of `source`, then a wait for `gate`, then the rest. */
async function* firstThenWait(source: AsyncIterable<Buffer>, bytes: number, gate: Promise<unknown>): AsyncGenerator<Buffer> {
  let sent = 0;
  let waited = false;
  for await (const chunk of source) {
    if (!waited && sent + chunk.length > bytes) {
      yield chunk.subarray(0, bytes - sent);
      await gate;
      waited = true;
      yield chunk.subarray(bytes - sent);
    } else yield chunk;
    sent += chunk.length;
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
