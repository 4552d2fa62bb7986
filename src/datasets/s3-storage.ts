// Dataset files in a bucket of an S3-compatible object store (AWS S3, MinIO,
// Ceph, R2…), so API servers and workers share no disk. An upload streams
// from the request into a multipart upload (lib-storage: a few parts in
// memory at a time, whatever the file's size), metered on the way (size,
// SHA-256, the upload limit); a failed, refused or broken-off one aborts its
// multipart upload, and a file refused after it was stored is deleted. Readers
// that need a path (DuckDB: the profiler, the first read of an upload, an
// insight's affected rows) get a copy streamed to local scratch space, removed
// after the read: DuckDB's httpfs extension, which reads s3:// itself, cannot
// be installed offline. Keys are the prefix plus the server-made stored path
// (`ab/cd/<uuid>`); the sweep only ever touches keys of that shape.
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadBucketCommand,
  ListMultipartUploadsCommand,
  type ListMultipartUploadsCommandOutput,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { StorageLocation } from '../config.js';
import type { Logger } from '../logger.js';
import {
  Meter,
  newStoredPath,
  ScratchSpaceFull,
  type PutOptions,
  type Storage,
  type StoredEntry,
  type StoredFile,
  StoredFileMissing,
  StorageUnavailable,
  storedPathPattern,
} from './storage.js';

export type S3Location = Extract<StorageLocation, { kind: 's3' }>;

export type S3StorageOptions = {
  location: S3Location;
  /** Local folder for copies of stored files (reads, an upload's first read); made when needed. */
  scratchDir: string;
  /** A local copy older than this that no reader holds is a crash's leftover: the sweep removes it. */
  scratchMaxAgeMs: number;
  logger?: Logger;
  /** Bytes per part of a multipart upload (at least 5 MiB, S3's minimum); default: 8 MiB, more when the limit needs it. */
  partSize?: number;
  /** Parts uploaded at once (each held in memory while it travels); default 4. */
  queueSize?: number;
  /** Attempts per request to the store (the SDK's retries with backoff); default 3. */
  maxAttempts?: number;
};

const MIB = 1024 ** 2;
/** S3 allows 10,000 parts; a few are kept spare. */
const MAX_PARTS = 9_000;
const incomingDir = '.incoming';

type LocalCopy = {
  path: string;
  /** Readers holding the copy, and whether the upload that made it still does. */
  refs: number;
  heldByUpload: boolean;
  ready: Promise<void>;
  abort: AbortController;
};

/** The SDK error's HTTP status and name, whatever wraps it. */
function describe(error: unknown): { name: string; message: string; status?: number; code?: string } {
  const e = error as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  return {
    name: e?.name ?? 'Error',
    message: e?.message ?? String(error),
    ...(e?.$metadata?.httpStatusCode ? { status: e.$metadata.httpStatusCode } : {}),
    ...(e?.code ? { code: e.code } : {}),
  };
}

const statusOf = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
const isMissing = (error: unknown) => ['NoSuchKey', 'NotFound'].includes(describe(error).name) || statusOf(error) === 404;
const isNotImplemented = (error: unknown) => describe(error).name === 'NotImplemented' || statusOf(error) === 501;

let sdkWarningRouted = false;

/** An S3 client for `location`, set up for any S3-compatible store. */
export function createS3Client(location: S3Location, options: { maxAttempts?: number; logger?: Logger } = {}): S3Client {
  if (!sdkWarningRouted) {
    sdkWarningRouted = true;
    // The SDK prints a plain-text process warning that its releases after January 2027 need Node.js 22;
    // logs here are JSON lines, so it is said once through the logger instead.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    if (Number(process.versions.node.split('.')[0]) < 22) {
      options.logger?.info('the AWS SDK’s releases after January 2027 need Node.js 22; the installed one runs on this Node.js');
    }
  }
  return new S3Client({
    region: location.region,
    ...(location.endpoint ? { endpoint: location.endpoint } : {}),
    forcePathStyle: location.forcePathStyle,
    ...(location.credentials
      ? { credentials: { accessKeyId: location.credentials.accessKeyId, secretAccessKey: location.credentials.secretAccessKey.reveal() } }
      : {}),
    // Checksums only where the API requires them: S3-compatible stores other than AWS do not all
    // understand the SDK's default (aws-chunked bodies with CRC trailers). The upload's own SHA-256 is
    // computed on the way and kept in the database.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: options.maxAttempts ?? 3,
    // An unreachable store fails fast; a stalled transfer is given up after a minute of silence.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
}

/** A promise that rejects with the signal's reason once it aborts. */
function untilAborted(signal: AbortSignal): { promise: Promise<never>; dispose: () => void } {
  let onAbort = () => {};
  const promise = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  promise.catch(() => {});
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}

export class S3Storage implements Storage {
  readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly copies = new Map<string, LocalCopy>();

  constructor(private readonly options: S3StorageOptions) {
    this.client = createS3Client(options.location, { maxAttempts: options.maxAttempts, logger: options.logger });
    this.bucket = options.location.bucket;
    this.prefix = options.location.prefix;
  }

  get description() {
    const { bucket, prefix, endpoint } = this.options.location;
    return `s3://${bucket}/${prefix}${endpoint ? ` at ${endpoint}` : ''}`;
  }

  /** The object's key for a stored path. */
  key(storedPath: string): string {
    const segments = storedPath.split('/');
    if (!storedPath || storedPath.startsWith('/') || segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\'))) {
      throw new Error(`Not a stored path: ${storedPath}`);
    }
    return this.prefix + storedPath;
  }

  /** Whether the bucket answers (for start-up): throws StorageUnavailable saying why not. */
  async check(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      throw this.unavailable(error, 'reach the bucket', statusOf(error) === 404 ? 'the bucket does not exist' : undefined);
    }
  }

  async put(source: Readable | AsyncIterable<Uint8Array>, { maxBytes, keepLocalCopy = false }: PutOptions): Promise<StoredFile> {
    const { id, storedPath } = newStoredPath();
    const key = this.key(storedPath);
    const meter = new Meter(maxBytes);
    let copy: { path: string; stream: WriteStream } | undefined;
    if (keepLocalCopy) {
      await mkdir(this.options.scratchDir, { recursive: true });
      const copyPath = path.join(this.options.scratchDir, `upload-${id}`);
      copy = { path: copyPath, stream: createWriteStream(copyPath, { flags: 'wx' }) };
      copy.stream.on('error', () => undefined); // seen by the write loop and by finished() below
    }
    // Errors of the source (a limit crossed, a line too long, the client gone) are the caller's to see;
    // anything else is the store's, including the error lib-storage throws back into the body when a
    // request fails (which must not pass for the source's).
    let sourceError: unknown;
    const copyStream = copy?.stream;
    async function* metered() {
      const chunks = (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
      try {
        for (;;) {
          let bytes: Buffer;
          try {
            const next = await chunks.next();
            if (next.done) return;
            const chunk = next.value;
            bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
            meter.add(bytes);
          } catch (error) {
            sourceError = error;
            throw error;
          }
          if (copyStream) {
            // A copy that failed (a full disk) fails the upload; it must not wait for a drain that never comes.
            if (copyStream.errored) throw copyStream.errored;
            if (!copyStream.write(bytes)) await once(copyStream, 'drain');
          }
          yield bytes;
        }
      } finally {
        // Stopped early (a failed request, a refusal): the source is not read any further.
        await chunks.return?.();
      }
    }
    const body = Readable.from(metered(), { objectMode: false, highWaterMark: 256 * 1024 });
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: body, ContentType: 'application/octet-stream' },
      partSize: this.options.partSize ?? Math.max(8 * MIB, Math.ceil(maxBytes / MAX_PARTS)),
      queueSize: this.options.queueSize ?? 4,
      // A failed upload aborts its multipart upload: its parts are removed from the store.
      leavePartsOnError: false,
    });
    let uploaded = false;
    try {
      await upload.done();
      uploaded = true;
      if (copy) {
        copy.stream.end();
        await finished(copy.stream);
      }
    } catch (error) {
      body.destroy();
      copy?.stream.destroy();
      if (copy) await rm(copy.path, { force: true });
      // Complete in the store, but its local copy failed: the object goes too.
      if (uploaded) await this.deleteObject(key).catch(() => undefined);
      if (sourceError !== undefined) throw sourceError;
      const local = copy?.stream.errored ?? error;
      if ((local as NodeJS.ErrnoException).code === 'ENOSPC') throw new ScratchSpaceFull(meter.size);
      throw this.unavailable(error, 'store an upload', undefined, { key });
    }
    if (copy) {
      this.copies.set(storedPath, { path: copy.path, refs: 0, heldByUpload: true, ready: Promise.resolve(), abort: new AbortController() });
    }
    return { path: storedPath, size: meter.size, sha256: meter.digest() };
  }

  async withLocalFile<T>(storedPath: string, read: (localPath: string) => Promise<T>, options: { signal?: AbortSignal } = {}): Promise<T> {
    const { signal } = options;
    signal?.throwIfAborted();
    const key = this.key(storedPath);
    let copy = this.copies.get(storedPath);
    if (copy) copy.refs++;
    else {
      const abort = new AbortController();
      const localPath = path.join(this.options.scratchDir, `read-${randomUUID()}`);
      copy = { path: localPath, refs: 1, heldByUpload: false, abort, ready: this.download(key, localPath, abort.signal) };
      copy.ready.catch(() => undefined); // every reader awaits it
      this.copies.set(storedPath, copy);
    }
    try {
      if (signal) {
        const aborted = untilAborted(signal);
        try {
          await Promise.race([copy.ready, aborted.promise]);
        } finally {
          aborted.dispose();
        }
      } else await copy.ready;
      return await read(copy.path);
    } finally {
      copy.refs--;
      await this.dropIfUnused(storedPath, copy);
    }
  }

  async releaseLocalCopy(storedPath: string): Promise<void> {
    const copy = this.copies.get(storedPath);
    if (!copy?.heldByUpload) return;
    copy.heldByUpload = false;
    await this.dropIfUnused(storedPath, copy);
  }

  async remove(storedPath: string): Promise<void> {
    const incoming = new RegExp(`^${incomingDir.replace('.', '\\.')}/([^/]+)/(.+)$`).exec(storedPath);
    if (incoming) {
      const [, uploadId, relative] = incoming;
      try {
        await this.client.send(
          new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: this.key(relative!), UploadId: decodeURIComponent(uploadId!) }),
        );
      } catch (error) {
        if (describe(error).name === 'NoSuchUpload' || statusOf(error) === 404) return;
        throw this.unavailable(error, 'abort an unfinished upload');
      }
      return;
    }
    const key = this.key(storedPath);
    await this.releaseLocalCopy(storedPath);
    await this.deleteObject(key);
  }

  async *list(): AsyncIterable<StoredEntry> {
    let continuationToken: string | undefined;
    do {
      const page = await this.client
        .send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix, ContinuationToken: continuationToken }))
        .catch((error) => {
          throw this.unavailable(error, 'list files');
        });
      for (const object of page.Contents ?? []) {
        const relative = object.Key?.slice(this.prefix.length) ?? '';
        // Anything else under the prefix is not ours to judge.
        if (!object.Key?.startsWith(this.prefix) || !storedPathPattern.test(relative)) continue;
        yield { path: relative, modifiedAt: object.LastModified ?? new Date(0), incoming: false };
      }
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);

    // Multipart uploads a crash (or an abort that failed) left unfinished.
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    for (;;) {
      let page: ListMultipartUploadsCommandOutput;
      try {
        page = await this.client.send(
          new ListMultipartUploadsCommand({
            Bucket: this.bucket,
            Prefix: this.prefix,
            KeyMarker: keyMarker,
            UploadIdMarker: uploadIdMarker,
          }),
        );
      } catch (error) {
        // Some S3-compatible stores cannot list them (s3rver); their own expiry is then the only cleanup.
        if (isNotImplemented(error)) {
          this.options.logger?.debug('the object store cannot list unfinished uploads; not swept', { storage: this.description });
          return;
        }
        throw this.unavailable(error, 'list unfinished uploads');
      }
      for (const upload of page.Uploads ?? []) {
        const relative = upload.Key?.slice(this.prefix.length) ?? '';
        if (!upload.Key?.startsWith(this.prefix) || !storedPathPattern.test(relative) || !upload.UploadId) continue;
        yield {
          path: `${incomingDir}/${encodeURIComponent(upload.UploadId)}/${relative}`,
          modifiedAt: upload.Initiated ?? new Date(0),
          incoming: true,
        };
      }
      if (!page.IsTruncated) return;
      keyMarker = page.NextKeyMarker;
      uploadIdMarker = page.NextUploadIdMarker;
    }
  }

  async sweepLocalCopies(): Promise<number> {
    const names = await readdir(this.options.scratchDir).catch(() => [] as string[]);
    const held = new Set([...this.copies.values()].map((c) => c.path));
    const cutoff = Date.now() - this.options.scratchMaxAgeMs;
    let removed = 0;
    for (const name of names) {
      if (!/^(upload|read)-[0-9a-f-]{36}$/.test(name)) continue;
      const file = path.join(this.options.scratchDir, name);
      if (held.has(file)) continue;
      const info = await stat(file).catch(() => null);
      if (!info || info.mtimeMs > cutoff) continue;
      await rm(file, { force: true });
      removed++;
    }
    return removed;
  }

  private async dropIfUnused(storedPath: string, copy: LocalCopy): Promise<void> {
    if (copy.refs > 0 || copy.heldByUpload) return;
    if (this.copies.get(storedPath) === copy) this.copies.delete(storedPath);
    copy.abort.abort();
    await copy.ready.catch(() => undefined);
    await rm(copy.path, { force: true });
  }

  private async deleteObject(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (isMissing(error)) return;
      throw this.unavailable(error, 'remove a file');
    }
  }

  /** Streams the object to `localPath`, checking there is room for it first and that every byte arrived. */
  private async download(key: string, localPath: string, signal: AbortSignal): Promise<void> {
    await mkdir(this.options.scratchDir, { recursive: true });
    let response: GetObjectCommandOutput;
    try {
      response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }), { abortSignal: signal });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (isMissing(error)) throw new StoredFileMissing();
      throw this.unavailable(error, 'read a file', undefined, { key });
    }
    const expected = response.ContentLength;
    const source = response.Body as Readable;
    if (expected !== undefined) {
      const space = await statfs(this.options.scratchDir);
      if (expected > space.bavail * space.bsize) {
        source.destroy();
        this.options.logger?.warn('not enough scratch space for a copy of a stored file', {
          needed: expected,
          free: space.bavail * space.bsize,
        });
        throw new ScratchSpaceFull(expected);
      }
    }
    let received = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, counter, createWriteStream(localPath, { flags: 'wx' }), { signal });
      if (expected !== undefined && received !== expected) throw new Error(`the store sent ${received} of ${expected} bytes`);
    } catch (error) {
      await rm(localPath, { force: true });
      if (signal.aborted) throw signal.reason;
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw new ScratchSpaceFull(expected ?? received);
      throw this.unavailable(error, 'read a file', undefined, { key });
    }
  }

  private unavailable(error: unknown, doing: string, reason?: string, fields: Record<string, unknown> = {}): StorageUnavailable {
    if (error instanceof StorageUnavailable) return error;
    const detail = reason ?? `${describe(error).name}: ${describe(error).message}`;
    this.options.logger?.warn(`the object store failed to ${doing}`, { storage: this.description, error: describe(error), ...fields });
    return new StorageUnavailable(`could not ${doing} (${detail})`);
  }
}
