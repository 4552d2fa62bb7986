// Dataset files in an S3-compatible bucket (s3rver on a random local port):
// streamed into multipart uploads with size and SHA-256, stopped at the limit
// or on a broken source with the multipart upload aborted, read through local
// copies that are removed after the read, removed, swept (orphans, unfinished
// uploads, crash leftovers), and a store that cannot be reached reported as
// such.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateMultipartUploadCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { S3Storage } from '../../src/datasets/s3-storage.js';
import { StorageUnavailable, StoredFileMissing } from '../../src/datasets/storage.js';
import { sweepStorage } from '../../src/datasets/sweep.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createUser, createWorkspace } from '../support/fixtures.js';
import { startS3Server, type TestS3Server } from '../support/s3-server.js';

const MIB = 1024 ** 2;
const titanic = path.resolve(import.meta.dirname, '../../../shared/datasets/titanic.csv');

let dir: string;
let s3: TestS3Server;
let db: TestDatabase;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 's3-storage-test-'));
  s3 = await startS3Server({ directory: path.join(dir, 's3') });
  db = await createTestDatabase();
});
afterAll(async () => {
  await s3?.close();
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A storage under its own prefix and scratch folder, with 5 MiB parts (S3's minimum) so a few MiB make several. */
async function storage(options: { maxAttempts?: number } = {}) {
  const prefix = `t-${randomUUID().slice(0, 8)}/`;
  const scratchDir = await mkdtemp(path.join(dir, 'scratch-'));
  const store = new S3Storage({
    location: s3.location(prefix),
    scratchDir,
    scratchMaxAgeMs: 60_000,
    partSize: 5 * MIB,
    queueSize: 2,
    ...options,
  });
  return { store, prefix, scratchDir, scratch: () => readdir(scratchDir) };
}

/** `total` bytes of a repeated CSV row, in 64 KiB chunks; `fail` throws after that many bytes. */
async function* csvBytes(total: number, fail?: number): AsyncGenerator<Buffer> {
  const row = Buffer.from('12345,67.89,some text label\n');
  const chunk = Buffer.concat(Array.from({ length: Math.ceil(65536 / row.length) }, () => row)).subarray(0, 65536);
  for (let sent = 0; sent < total; sent += chunk.length) {
    if (fail !== undefined && sent >= fail) throw new Error('the source broke off');
    yield chunk.subarray(0, Math.min(chunk.length, total - sent));
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('storing a file in a bucket', () => {
  it('streams a small file as one object, and a large one as a multipart upload, with size and SHA-256', async () => {
    const { store, prefix } = await storage();
    const bytes = await readFile(titanic);
    const small = await store.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), { maxBytes: 10 * MIB });
    expect(small).toEqual({
      path: expect.stringMatching(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/),
      size: bytes.length,
      sha256: sha256(bytes),
    });

    const parts = s3.calls.length;
    const large = await store.put(csvBytes(12 * MIB), { maxBytes: 64 * MIB });
    const all = Buffer.concat(await collect(csvBytes(12 * MIB)));
    expect(large).toMatchObject({ size: 12 * MIB, sha256: sha256(all) });
    const calls = s3.calls.slice(parts).map((c) => c.operation);
    expect(calls.filter((c) => c === 'UploadPart')).toHaveLength(3);
    expect(calls).toContain('CompleteMultipartUpload');
    expect(await s3.objects(prefix)).toEqual([small.path, large.path].map((p) => prefix + p).sort());
    expect(await s3.uploads(prefix)).toEqual([]);
  });

  it('stops reading as soon as the limit is crossed, aborts the multipart upload and leaves nothing', async () => {
    const { store, prefix, scratch } = await storage();
    let chunksRead = 0;
    async function* endless() {
      for (let i = 0; i < 10_000; i++) {
        chunksRead++;
        yield Buffer.alloc(64 * 1024, 97);
      }
    }
    const aborted = s3.next('AbortMultipartUpload');
    await expect(store.put(endless(), { maxBytes: 11 * MIB, keepLocalCopy: true })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: `The file is larger than the upload limit of ${11 * MIB} bytes`,
    });
    expect(chunksRead).toBeLessThan(11 * 16 + 10);
    expect((await aborted).status).toBe(204);
    expect(await s3.objects(prefix)).toEqual([]);
    expect(await s3.uploads(prefix)).toEqual([]);
    expect(await scratch()).toEqual([]);
  });

  it('passes a broken source’s error on, with its multipart upload aborted', async () => {
    const { store, prefix } = await storage();
    await expect(store.put(csvBytes(20 * MIB, 11 * MIB), { maxBytes: 64 * MIB })).rejects.toThrow('the source broke off');
    expect(await s3.objects(prefix)).toEqual([]);
    expect(await s3.uploads(prefix)).toEqual([]);
  });
});

describe('reading a stored file through a local copy', () => {
  it('downloads it for the read, once for readers at the same time, and removes it after', async () => {
    const { store, scratch } = await storage();
    const bytes = await readFile(titanic);
    const stored = await store.put(Readable.from([bytes]), { maxBytes: 10 * MIB });
    const before = s3.calls.filter((c) => c.operation === 'GetObject').length;
    const seen: string[] = [];
    let release = () => {};
    const holding = new Promise<void>((resolve) => (release = resolve));
    const first = store.withLocalFile(stored.path, async (localPath) => {
      seen.push(localPath);
      expect(await readFile(localPath)).toEqual(bytes);
      await holding;
    });
    const second = store.withLocalFile(stored.path, async (localPath) => {
      seen.push(localPath);
      expect(await readFile(localPath)).toEqual(bytes);
      release();
    });
    await Promise.all([first, second]);
    expect(seen[0]).toBe(seen[1]);
    expect(s3.calls.filter((c) => c.operation === 'GetObject').length - before).toBe(1);
    expect(await scratch()).toEqual([]);
  });

  it('reads an upload’s kept copy without downloading it, until the copy is released', async () => {
    const { store, scratch } = await storage();
    const stored = await store.put(csvBytes(6 * MIB), { maxBytes: 64 * MIB, keepLocalCopy: true });
    const before = s3.calls.length;
    const size = await store.withLocalFile(stored.path, async (localPath) => (await readFile(localPath)).length);
    expect(size).toBe(6 * MIB);
    expect(s3.calls.slice(before).map((c) => c.operation)).toEqual([]);
    expect(await scratch()).toHaveLength(1);
    await store.releaseLocalCopy(stored.path);
    await store.releaseLocalCopy(stored.path); // once is enough
    expect(await scratch()).toEqual([]);
  });

  it('says a file is missing when the bucket no longer has it', async () => {
    const { store, scratch } = await storage();
    const stored = await store.put(Readable.from([Buffer.from('a,b\n1,2\n')]), { maxBytes: 100 });
    await store.remove(stored.path);
    await store.remove(stored.path); // gone already: not an error
    await expect(store.withLocalFile(stored.path, async () => 'read')).rejects.toBeInstanceOf(StoredFileMissing);
    expect(await scratch()).toEqual([]);
  });

  it('stops waiting with the reader’s own reason when its signal aborts', async () => {
    const { store } = await storage();
    const stored = await store.put(Readable.from([Buffer.from('a,b\n1,2\n')]), { maxBytes: 100 });
    const stop = new AbortController();
    stop.abort(new Error('cancelled'));
    await expect(store.withLocalFile(stored.path, async () => 'read', { signal: stop.signal })).rejects.toThrow('cancelled');
  });

  it('refuses a stored path that would leave the prefix', async () => {
    const { store } = await storage();
    await expect(store.withLocalFile('../other/file', async () => 'read')).rejects.toThrow(/Not a stored path/);
    await expect(store.remove('ab/../../x')).rejects.toThrow(/Not a stored path/);
  });
});

describe('a bucket that cannot be reached', () => {
  it('is StorageUnavailable for uploads, reads and listings, and works again once it is back', async () => {
    const { store, prefix } = await storage({ maxAttempts: 1 });
    const stored = await store.put(Readable.from([Buffer.from('a,b\n1,2\n')]), { maxBytes: 100 });
    await s3.stop();
    try {
      await expect(store.put(csvBytes(1 * MIB), { maxBytes: 64 * MIB })).rejects.toBeInstanceOf(StorageUnavailable);
      await expect(store.withLocalFile(stored.path, async () => 'read')).rejects.toBeInstanceOf(StorageUnavailable);
      await expect(collect(store.list())).rejects.toBeInstanceOf(StorageUnavailable);
      // The message a client sees names neither the store nor a secret.
      await expect(store.put(csvBytes(1 * MIB), { maxBytes: 64 * MIB })).rejects.toThrow(
        'The file storage is unavailable; nothing was stored. Retry in a few seconds.',
      );
    } finally {
      await s3.start();
    }
    expect(await store.withLocalFile(stored.path, (p) => readFile(p, 'utf8'))).toBe('a,b\n1,2\n');
    expect(await s3.objects(prefix)).toEqual([prefix + stored.path]);
  });
});

describe('the storage sweep over a bucket', () => {
  it('removes old objects no dataset points at, unfinished uploads and stale local copies, and keeps the rest', async () => {
    const { store, prefix, scratchDir, scratch } = await storage();
    const user = await createUser(db.prisma);
    const workspace = await createWorkspace(db.prisma, user.id);
    const referenced = await store.put(Readable.from([Buffer.from('a,b\n1,2\n')]), { maxBytes: 100 });
    const orphan = await store.put(Readable.from([Buffer.from('c,d\n3,4\n')]), { maxBytes: 100 });
    const youngOrphan = await store.put(Readable.from([Buffer.from('e\n5\n')]), { maxBytes: 100 });
    await db.prisma.dataset.create({
      data: { name: 'kept.csv', filePath: referenced.path, fileSize: 8n, workspaceId: workspace.id, uploadedBy: user.id },
    });
    // A crash mid-upload: a multipart upload that was never completed nor aborted.
    const crashed = `${prefix}ab/cd/${randomUUID()}`;
    const created = await store.client.send(new CreateMultipartUploadCommand({ Bucket: s3.bucket, Key: crashed }));
    // Not the shape of a stored path: someone else's object under the prefix, never touched.
    const foreign = await store.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `${prefix}notes.txt`, Body: 'keep me' }));
    expect(foreign.ETag).toBeTruthy();
    // A crash mid-read: a local copy nobody holds.
    const leftover = path.join(scratchDir, `read-${randomUUID()}`);
    await writeFile(leftover, 'half a copy');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(leftover, hourAgo, hourAgo);
    for (const p of [referenced.path, orphan.path]) await s3.age(prefix + p, hourAgo);

    const result = await sweepStorage(store, db.prisma, { graceMs: 0 });
    expect(result.removed.sort()).toEqual(
      [orphan.path, youngOrphan.path, `.incoming/${created.UploadId}/${crashed.slice(prefix.length)}`].sort(),
    );
    expect(await s3.objects(prefix)).toEqual([prefix + referenced.path, `${prefix}notes.txt`].sort());
    expect(await s3.uploads(prefix)).toEqual([]);
    expect(await scratch()).toEqual([]);
  });

  it('keeps objects younger than the grace period', async () => {
    const { store, prefix } = await storage();
    const young = await store.put(Readable.from([Buffer.from('e\n5\n')]), { maxBytes: 100 });
    const result = await sweepStorage(store, db.prisma, { graceMs: 600_000 });
    expect(result).toEqual({ kept: 1, removed: [] });
    expect(await s3.objects(prefix)).toEqual([prefix + young.path]);
  });
});
