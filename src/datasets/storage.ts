// Where uploaded files live. One interface, so the analysis worker and the
// API read files the same way whatever holds them; today a local directory.
// A stored file is named by the server (the seed's file_path), never by the user.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors.js';

export type StoredFile = { path: string; size: number; sha256: string };

export interface Storage {
  /** Streams `source` into a new file, hashing as it goes; stops as soon as more than `maxBytes` arrive. */
  put(source: Readable | AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<StoredFile>;
  /** A path on this machine the profiler can read. */
  localPath(storedPath: string): string;
  /** Removes a stored file; removing one that is gone is not an error. */
  remove(storedPath: string): Promise<void>;
  /** Every file, finished or still arriving, with its last change. */
  list(): AsyncIterable<{ path: string; modifiedAt: Date; incoming: boolean }>;
}

const incomingDir = '.incoming';

export class UploadTooLarge extends AppError {
  constructor(maxBytes: number) {
    super('VALIDATION_FAILED', `The file is larger than the upload limit of ${maxBytes} bytes`, [
      { path: ['file'], message: `must be at most ${maxBytes} bytes` },
    ]);
  }
}

export class LocalDirectoryStorage implements Storage {
  constructor(readonly root: string) {}

  async put(source: Readable | AsyncIterable<Uint8Array>, { maxBytes }: { maxBytes: number }): Promise<StoredFile> {
    const id = randomUUID();
    // Sharded by the id's first characters so no directory grows huge.
    const storedPath = path.posix.join(id.slice(0, 2), id.slice(2, 4), id);
    const incoming = path.join(this.root, incomingDir, id);
    await mkdir(path.dirname(incoming), { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new UploadTooLarge(maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(incoming, { flags: 'wx' }));
      const target = this.localPath(storedPath);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(incoming, target);
    } catch (error) {
      await rm(incoming, { force: true });
      throw error;
    }
    return { path: storedPath, size, sha256: hash.digest('hex') };
  }

  localPath(storedPath: string): string {
    const resolved = path.resolve(this.root, storedPath);
    // file_path comes from our own rows, but never let it point outside the root.
    if (!resolved.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`Stored path escapes the storage root: ${storedPath}`);
    return resolved;
  }

  async remove(storedPath: string): Promise<void> {
    await rm(this.localPath(storedPath), { force: true });
  }

  async *list(): AsyncIterable<{ path: string; modifiedAt: Date; incoming: boolean }> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      const relative = path.relative(this.root, full).split(path.sep).join('/');
      const info = await stat(full).catch(() => null);
      if (!info) continue; // removed meanwhile
      yield { path: relative, modifiedAt: info.mtime, incoming: relative.startsWith(`${incomingDir}/`) };
    }
  }
}
