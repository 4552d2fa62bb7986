// Uploaded files on disk: streamed with size and SHA-256, stopped at the limit
// with nothing left behind, removed with their datasets, and swept when no row
// points at them.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDirectoryStorage } from '../../src/datasets/storage.js';
import { sweepStorage } from '../../src/datasets/sweep.js';
import { graphql } from '../gql/index.js';
import { createTestApi, encodeId, type TestApi } from '../support/api.js';
import { createUser, createWorkspace } from '../support/fixtures.js';

const titanic = path.resolve(import.meta.dirname, '../../../shared/datasets/titanic.csv');

let api: TestApi;
let root: string;
let storage: LocalDirectoryStorage;
beforeAll(async () => {
  api = await createTestApi();
  root = await mkdtemp(path.join(os.tmpdir(), 'storage-test-'));
  storage = new LocalDirectoryStorage(root);
});
afterAll(async () => {
  await api?.close();
  await rm(root, { recursive: true, force: true });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('storing a file', () => {
  it('streams it under a server-made path, with its size and SHA-256', async () => {
    const bytes = await readFile(titanic);
    const stored = await storage.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), { maxBytes: 10_000_000 });
    expect(stored.size).toBe(bytes.length);
    expect(stored.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(stored.path).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(await readFile(storage.localPath(stored.path))).toEqual(bytes);
    await storage.remove(stored.path);
    await storage.remove(stored.path); // gone already: not an error
  });

  it('stops reading as soon as the limit is crossed and leaves nothing behind', async () => {
    const before = await filesUnder(root);
    let chunksRead = 0;
    async function* endless() {
      for (let i = 0; i < 10_000; i++) {
        chunksRead++;
        yield Buffer.alloc(64 * 1024, 97);
      }
    }
    await expect(storage.put(endless(), { maxBytes: 1024 * 1024 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'The file is larger than the upload limit of 1048576 bytes',
    });
    expect(chunksRead).toBeLessThan(40);
    expect(await filesUnder(root)).toEqual(before);
  });

  it('refuses a stored path that would leave the storage folder', () => {
    expect(() => storage.localPath('../../etc/passwd')).toThrow(/escapes the storage root/);
  });
});

describe('the storage sweep', () => {
  it('removes old files that no dataset points at and stale partial uploads, and keeps the rest', async () => {
    const sweepRoot = await mkdtemp(path.join(os.tmpdir(), 'sweep-test-'));
    const sweepStore = new LocalDirectoryStorage(sweepRoot);
    try {
      const user = await createUser(api.db.prisma);
      const workspace = await createWorkspace(api.db.prisma, user.id);
      const referenced = await sweepStore.put(Readable.from([Buffer.from('a,b\n1,2\n')]), { maxBytes: 100 });
      const orphan = await sweepStore.put(Readable.from([Buffer.from('c,d\n3,4\n')]), { maxBytes: 100 });
      const youngOrphan = await sweepStore.put(Readable.from([Buffer.from('e\n5\n')]), { maxBytes: 100 });
      await mkdir(path.join(sweepRoot, '.incoming'), { recursive: true });
      await writeFile(path.join(sweepRoot, '.incoming', 'crashed-upload'), 'half a fi');
      await api.db.prisma.dataset.create({
        data: { name: 'kept.csv', filePath: referenced.path, fileSize: 8n, workspaceId: workspace.id, uploadedBy: user.id },
      });
      const hourAgo = new Date(Date.now() - 3_600_000);
      for (const p of [referenced.path, orphan.path, '.incoming/crashed-upload']) await utimes(sweepStore.localPath(p), hourAgo, hourAgo);

      const result = await sweepStorage(sweepStore, api.db.prisma, { graceMs: 600_000 });
      expect(result.removed.sort()).toEqual(['.incoming/crashed-upload', orphan.path].sort());
      expect((await filesUnder(sweepRoot)).sort()).toEqual(
        [referenced.path, youngOrphan.path].map((p) => p.split('/').join(path.sep)).sort(),
      );
    } finally {
      await rm(sweepRoot, { recursive: true, force: true });
    }
  });
});

const DeleteDatasetFile = graphql(`
  mutation DeleteDatasetFile($id: ID!) { deleteDataset(id: $id) }
`);
const DeleteWorkspaceFiles = graphql(`
  mutation DeleteWorkspaceFiles($id: ID!) { deleteWorkspace(id: $id) }
`);

describe('deleting datasets', () => {
  it('removes the file of a deleted dataset, and every file of a deleted workspace', async () => {
    const user = await createUser(api.db.prisma);
    const workspace = await createWorkspace(api.db.prisma, user.id);
    const files = [];
    for (const name of ['one.csv', 'two.csv', 'three.csv']) {
      const stored = await api.storage.put(Readable.from([Buffer.from(`x\n${name}\n`)]), { maxBytes: 100 });
      const dataset = await api.db.prisma.dataset.create({
        data: { name, filePath: stored.path, fileSize: BigInt(stored.size), workspaceId: workspace.id, uploadedBy: user.id },
      });
      files.push({ dataset, stored });
    }
    await api.ok(DeleteDatasetFile, { id: encodeId('Dataset', files[0]!.dataset.id) }, user.id);
    expect((await filesUnder(api.storage.root)).length).toBe(2);
    await api.ok(DeleteWorkspaceFiles, { id: encodeId('Workspace', workspace.id) }, user.id);
    expect(await filesUnder(api.storage.root)).toEqual([]);
  });
});
