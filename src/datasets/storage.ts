// Where uploaded files live. One interface, so the analysis worker and the API
// read files the same way whatever holds them: a local directory
// (LocalDirectoryStorage, below) or a bucket of an S3-compatible object store
// (S3Storage, s3-storage.ts), chosen by STORAGE_URL (create-storage.ts).
// A stored file is named by the server (the seed's file_path), never by the user.
import { createHash, randomUUID, type Hash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors.js';

export type StoredFile = { path: string; size: number; sha256: string };

export type PutOptions = {
  /** Stop as soon as more than this many bytes arrive. */
  maxBytes: number;
  /**
   * Keep a local copy for a read right after the upload (the first read of an upload), so a remote
   * store is not read back at once; withLocalFile uses it until releaseLocalCopy. Local storage: no-op.
   */
  keepLocalCopy?: boolean;
};

export type StoredEntry = { path: string; modifiedAt: Date; incoming: boolean };

export interface Storage {
  /** Streams `source` into a new file, hashing as it goes; stops as soon as more than `maxBytes` arrive. */
  put(source: Readable | AsyncIterable<Uint8Array>, options: PutOptions): Promise<StoredFile>;
  /**
   * Runs `read` with a path on this machine where the stored file can be read, valid while `read` runs.
   * Local storage: the file itself. Object storage: a copy streamed to local scratch space (shared by
   * concurrent readers of the same file) and removed after the last reader; a file not in the store is
   * StoredFileMissing, a store that cannot be reached StorageUnavailable. `signal` stops the wait (and the
   * download, when no other reader needs it) with the signal's reason.
   */
  withLocalFile<T>(storedPath: string, read: (localPath: string) => Promise<T>, options?: { signal?: AbortSignal }): Promise<T>;
  /** Drops the local copy that put() kept for `storedPath` (keepLocalCopy); nothing to do when there is none. */
  releaseLocalCopy(storedPath: string): Promise<void>;
  /** Removes a stored file; removing one that is gone is not an error. */
  remove(storedPath: string): Promise<void>;
  /** Every file, finished or still arriving, with its last change. */
  list(): AsyncIterable<StoredEntry>;
  /** Local copies a crash left behind, removed by the storage sweep (object storage only). */
  sweepLocalCopies?(): Promise<number>;
  /** Where the files are, for logs: never a secret. */
  readonly description: string;
}

const incomingDir = '.incoming';

export class UploadTooLarge extends AppError {
  constructor(maxBytes: number) {
    super('VALIDATION_FAILED', `The file is larger than the upload limit of ${maxBytes} bytes`, [
      { path: ['file'], message: `must be at most ${maxBytes} bytes` },
    ]);
  }
}

const fileGoneMessage = 'The dataset’s file is no longer in storage, so it cannot be read; upload the file again.';

/** The stored file is not in storage (removed behind the database's back). */
export class StoredFileMissing extends AppError {
  constructor() {
    super('NOT_FOUND', fileGoneMessage);
  }
}

/** The store (a bucket) cannot be reached or refused to work; worth trying again later. Never names a secret. */
export class StorageUnavailable extends AppError {
  constructor(readonly detail: string) {
    super('UNAVAILABLE', 'The file storage is unavailable; nothing was stored. Retry in a few seconds.');
  }
}

/** Not enough room in the local scratch space for a copy of a stored file: another worker, or later, may have it. */
export class ScratchSpaceFull extends AppError {
  constructor(readonly needed: number) {
    super('UNAVAILABLE', 'There is not enough local disk space to read the dataset’s file right now; retry later.');
  }
}

/** A new server-made stored path: `ab/cd/<uuid>`, sharded by the id's first characters so no directory grows huge. */
export function newStoredPath(): { id: string; storedPath: string } {
  const id = randomUUID();
  return { id, storedPath: path.posix.join(id.slice(0, 2), id.slice(2, 4), id) };
}

/** The shape of every path newStoredPath makes. */
export const storedPathPattern = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Size and SHA-256 of the bytes passing through, stopping when they exceed maxBytes. */
export class Meter {
  size = 0;
  private readonly hash: Hash = createHash('sha256');
  constructor(private readonly maxBytes: number) {}
  /** Counts and hashes a chunk; throws UploadTooLarge past the limit (the chunk is then not counted). */
  add(chunk: Uint8Array): void {
    if (this.size + chunk.length > this.maxBytes) throw new UploadTooLarge(this.maxBytes);
    this.size += chunk.length;
    this.hash.update(chunk);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

export class LocalDirectoryStorage implements Storage {
  constructor(readonly root: string) {}

  get description() {
    return `file://${path.resolve(this.root)}`;
  }

  async put(source: Readable | AsyncIterable<Uint8Array>, { maxBytes }: PutOptions): Promise<StoredFile> {
    const { id, storedPath } = newStoredPath();
    const incoming = path.join(this.root, incomingDir, id);
    await mkdir(path.dirname(incoming), { recursive: true });
    const meter = new Meter(maxBytes);
    const metering = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        try {
          meter.add(chunk);
        } catch (error) {
          return done(error as Error);
        }
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, metering, createWriteStream(incoming, { flags: 'wx' }));
      const target = this.localPath(storedPath);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(incoming, target);
    } catch (error) {
      await rm(incoming, { force: true });
      throw error;
    }
    return { path: storedPath, size: meter.size, sha256: meter.digest() };
  }

  /** The stored file's path on this machine (it may not exist). */
  localPath(storedPath: string): string {
    const resolved = path.resolve(this.root, storedPath);
    // file_path comes from our own rows, but never let it point outside the root.
    if (!resolved.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`Stored path escapes the storage root: ${storedPath}`);
    return resolved;
  }

  /** The file is on this machine already: `read` gets its own path (a missing file is the reader's to report). */
  async withLocalFile<T>(storedPath: string, read: (localPath: string) => Promise<T>, options: { signal?: AbortSignal } = {}): Promise<T> {
    options.signal?.throwIfAborted();
    return read(this.localPath(storedPath));
  }

  async releaseLocalCopy(): Promise<void> {}

  async remove(storedPath: string): Promise<void> {
    await rm(this.localPath(storedPath), { force: true });
  }

  async *list(): AsyncIterable<StoredEntry> {
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
