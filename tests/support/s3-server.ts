// A real S3-compatible server for tests and benchmarks: s3rver (objects on a
// local folder, real HTTP, SigV4 signatures checked) on a random local port,
// behind a small front that
// - implements the two calls s3rver 3.7 lacks, AbortMultipartUpload and
//   ListMultipartUploads, over s3rver's own folder of unfinished uploads, so
//   the application's aborts and the sweep's listing run against it as they
//   would against MinIO or AWS;
// - tells a test when a given call has been answered (`next`), so faults are
//   driven at known points, never by timing;
// - can be stopped and started again on the same port with the same data
//   (`stop`: the listener is closed and every open connection dropped, so the
//   store is unreachable mid-request).
//
// As a process (benchmarks, so its memory is not the API's):
//   node --import tsx tests/support/s3-server.ts DIRECTORY BUCKET   prints {"port": …} on stdout.
import { once } from 'node:events';
import { mkdir, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3Location } from '../../src/datasets/s3-storage.js';
import { Secret } from '../../src/config.js';

/** s3rver's default account. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export type S3Operation =
  | 'HeadBucket'
  | 'ListObjectsV2'
  | 'ListMultipartUploads'
  | 'PutObject'
  | 'GetObject'
  | 'HeadObject'
  | 'DeleteObject'
  | 'CreateMultipartUpload'
  | 'UploadPart'
  | 'CompleteMultipartUpload'
  | 'AbortMultipartUpload'
  | 'Other';

export type S3Call = { operation: S3Operation; key: string; status: number };

export type TestS3Server = {
  endpoint: string;
  port: number;
  bucket: string;
  /** s3rver's folder: `<directory>/<bucket>/<key>._S3rver_object` for each object. */
  directory: string;
  /** Every call answered so far, in order. */
  calls: S3Call[];
  /** The storage location of a key prefix in this bucket, as the configuration gives it. */
  location(prefix?: string): S3Location;
  /** The environment a server or worker process needs to use this bucket under `prefix`. */
  env(prefix?: string): Record<string, string>;
  /** Resolves once a call of `operation` (matching `where`) has been answered, counting only calls after now. */
  next(operation: S3Operation, where?: (call: S3Call) => boolean): Promise<S3Call>;
  /** Keys of the finished objects under `prefix`, read from s3rver's folder. */
  objects(prefix?: string): Promise<string[]>;
  /** Unfinished multipart uploads under `prefix`, read from s3rver's folder. */
  uploads(prefix?: string): Promise<{ key: string; uploadId: string }[]>;
  /** Sets an object's last change (what listings report), as if it had been stored then. */
  age(key: string, when: Date): Promise<void>;
  /** The store becomes unreachable: the port is closed and open connections are dropped. */
  stop(): Promise<void>;
  /** Serves again, on the same port, with the same data. */
  start(): Promise<void>;
  close(): Promise<void>;
};

const UPLOADS = '._S3rver_uploads';
const OBJECT_SUFFIX = '._S3rver_object';

function operationOf(request: IncomingMessage, bucket: string): { operation: S3Operation; key: string } {
  const url = new URL(request.url ?? '/', 'http://s3');
  const [, urlBucket, ...rest] = url.pathname.split('/');
  const key = decodeURIComponent(rest.join('/'));
  const q = url.searchParams;
  const method = request.method ?? 'GET';
  if (urlBucket !== bucket) return { operation: 'Other', key };
  if (!key) {
    if (method === 'HEAD') return { operation: 'HeadBucket', key };
    if (method === 'GET' && q.has('uploads')) return { operation: 'ListMultipartUploads', key };
    if (method === 'GET') return { operation: 'ListObjectsV2', key };
    return { operation: 'Other', key };
  }
  if (method === 'PUT') return { operation: q.has('uploadId') ? 'UploadPart' : 'PutObject', key };
  if (method === 'POST') return { operation: q.has('uploads') ? 'CreateMultipartUpload' : 'CompleteMultipartUpload', key };
  if (method === 'DELETE') return { operation: q.has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject', key };
  if (method === 'HEAD') return { operation: 'HeadObject', key };
  if (method === 'GET') return { operation: 'GetObject', key };
  return { operation: 'Other', key };
}

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function startS3Server(options: { directory: string; bucket?: string; port?: number }): Promise<TestS3Server> {
  const bucket = options.bucket ?? 'datasets';
  const directory = options.directory;
  await mkdir(directory, { recursive: true });
  const s3rver = new S3rver({ directory, silent: true, configureBuckets: [{ name: bucket, configs: [] }] });
  await s3rver.configureBuckets();
  const handle = s3rver.callback();
  const uploadsDir = path.join(directory, bucket, UPLOADS);

  const calls: S3Call[] = [];
  const waiters: { operation: S3Operation; where?: (call: S3Call) => boolean; resolve: (call: S3Call) => void }[] = [];
  const record = (call: S3Call) => {
    calls.push(call);
    for (const waiter of [...waiters]) {
      if (waiter.operation === call.operation && (!waiter.where || waiter.where(call))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
  };

  async function listUploads(prefix = ''): Promise<{ key: string; uploadId: string; initiated: Date }[]> {
    const ids = await readdir(uploadsDir).catch(() => [] as string[]);
    const found = [];
    for (const uploadId of ids) {
      const keyFile = path.join(uploadsDir, uploadId, 'key');
      const key = await readFile(keyFile, 'utf8').catch(() => null);
      if (key === null || !key.startsWith(prefix)) continue;
      found.push({ key, uploadId, initiated: (await stat(keyFile)).mtime });
    }
    return found.sort((a, b) => a.key.localeCompare(b.key) || a.uploadId.localeCompare(b.uploadId));
  }

  /** The two calls s3rver lacks, answered from its folder of unfinished uploads (test-only: no signature check). */
  async function shim(operation: S3Operation, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const url = new URL(request.url ?? '/', 'http://s3');
    if (operation === 'AbortMultipartUpload') {
      const uploadId = url.searchParams.get('uploadId') ?? '';
      const dir = path.join(uploadsDir, path.basename(uploadId));
      const exists = await stat(dir).then(
        () => true,
        () => false,
      );
      if (!exists) {
        response.writeHead(404, { 'content-type': 'application/xml' });
        response.end(
          '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>',
        );
        return true;
      }
      await rm(dir, { recursive: true, force: true });
      response.writeHead(204);
      response.end();
      return true;
    }
    if (operation === 'ListMultipartUploads') {
      const prefix = url.searchParams.get('prefix') ?? '';
      const uploads = await listUploads(prefix);
      const entries = uploads
        .map(
          (u) =>
            `<Upload><Key>${xmlEscape(u.key)}</Key><UploadId>${u.uploadId}</UploadId><Initiated>${u.initiated.toISOString()}</Initiated><StorageClass>STANDARD</StorageClass></Upload>`,
        )
        .join('');
      response.writeHead(200, { 'content-type': 'application/xml' });
      response.end(
        `<?xml version="1.0" encoding="UTF-8"?>\n<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>${bucket}</Bucket><Prefix>${xmlEscape(prefix)}</Prefix><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>${entries}</ListMultipartUploadsResult>`,
      );
      return true;
    }
    return false;
  }

  const http: Server = createServer((request, response) => {
    const { operation, key } = operationOf(request, bucket);
    response.once('finish', () => record({ operation, key, status: response.statusCode }));
    shim(operation, request, response).then(
      (handled) => {
        if (!handled) handle(request, response);
      },
      (error) => {
        response.writeHead(500);
        response.end(String(error));
      },
    );
  });
  let port = options.port ?? 0;
  const listen = async () => {
    http.listen(port, '127.0.0.1');
    await once(http, 'listening');
    port = (http.address() as AddressInfo).port;
  };
  await listen();
  let running = true;

  const server: TestS3Server = {
    get endpoint() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    bucket,
    directory,
    calls,
    location: (prefix = '') => ({
      kind: 's3',
      bucket,
      prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: S3RVER_CREDENTIALS.accessKeyId, secretAccessKey: new Secret(S3RVER_CREDENTIALS.secretAccessKey) },
    }),
    env: (prefix = '') => ({
      STORAGE_URL: `s3://${bucket}/${prefix}`,
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    }),
    next: (operation, where) => new Promise((resolve) => waiters.push({ operation, where, resolve })),
    objects: async (prefix = '') => {
      const root = path.join(directory, bucket);
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      return entries
        .filter((e) => e.isFile() && e.name.endsWith(OBJECT_SUFFIX))
        .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/').slice(0, -OBJECT_SUFFIX.length))
        .filter((key) => key.startsWith(prefix))
        .sort();
    },
    uploads: async (prefix = '') => (await listUploads(prefix)).map(({ key, uploadId }) => ({ key, uploadId })),
    age: async (key, when) => {
      await utimes(path.join(directory, bucket, `${key}${OBJECT_SUFFIX}`), when, when);
    },
    stop: async () => {
      if (!running) return;
      running = false;
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
    },
    start: async () => {
      if (running) return;
      await listen();
      running = true;
    },
    close: async () => {
      await server.stop();
    },
  };
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [directory, bucket] = process.argv.slice(2);
  if (!directory || !bucket) {
    console.error('usage: s3-server.ts DIRECTORY BUCKET');
    process.exit(2);
  }
  const server = await startS3Server({ directory, bucket });
  process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
}
