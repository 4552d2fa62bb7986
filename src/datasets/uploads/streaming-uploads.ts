// The GraphQL multipart request spec (https://github.com/jaydenseric/graphql-multipart-request-spec),
// streamed. graphql-yoga's own multipart parser collects each file in memory
// before a resolver runs; this one writes every file part straight into
// storage as it arrives (size, SHA-256 and line length checked on the way) and
// hands the operation an UploadedFile in place of each file. Files that no
// resolver claims are removed once the response is sent, so a refused upload
// leaves nothing behind. With object storage each file also keeps a local copy
// for the resolver's first read, dropped with the response.
import { Busboy, type BusboyInstance } from '@fastify/busboy';
import type { Plugin } from 'graphql-yoga';
import { Readable } from 'node:stream';
import { AppError } from '../../errors.js';
import { refusal, toGraphQLError } from '../../graphql/errors.js';
import type { Logger } from '../../logger.js';
import type { Storage } from '../storage.js';
import { UploadTooLarge } from '../storage.js';
import { displayFileName } from './display-name.js';
import { guardLineLength } from './line-length-guard.js';
import { UploadedFile } from './uploaded-file.js';

export type StreamingUploadOptions = {
  storage: Storage;
  maxBytes: number;
  maxLineBytes: number;
  /** Whether the request carries a valid session: files from anyone else are not read at all. */
  authenticate: (request: Request) => Promise<boolean>;
  logger: Logger;
};

/** Files per request; each may be up to maxBytes. */
export const MAX_FILES_PER_REQUEST = 5;
const MAX_JSON_FIELD_BYTES = 1024 * 1024;
/**
 * After refusing a request whose body is still arriving, the server reads and discards the rest for at
 * most this long (or this many bytes) so the client can read the answer, then drops the connection.
 * Closing at once would reset the connection under a client still writing, and it would see a broken
 * pipe instead of the error ("lingering close", as web servers do it).
 */
const LINGER_MS = 2000;
const LINGER_MAX_BYTES = 64 * 1024 ** 2;

type Socket = { destroy?: () => void } | undefined;

export const isMultipart = (request: Request) =>
  request.method === 'POST' && (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');

export function useStreamingUploads(options: StreamingUploadOptions): Plugin {
  // Keyed by the server context: yoga hands onResponse a different Request object than the parser.
  const uploadsOf = new WeakMap<object, UploadedFile[]>();
  return {
    onRequestParse({ request, serverContext, setRequestParser }) {
      if (!isMultipart(request)) return;
      const socket = (serverContext as { req?: { socket?: Socket } }).req?.socket;
      setRequestParser(async (req) => {
        const uploads: UploadedFile[] = [];
        uploadsOf.set(serverContext, uploads);
        return parseMultipartRequest(req, socket, options, uploads);
      });
    },
    async onResponse({ serverContext }) {
      const uploads = uploadsOf.get(serverContext);
      if (!uploads) return;
      uploadsOf.delete(serverContext);
      await removeUnclaimed(uploads, options);
    },
  };
}

/** Removes the files no resolver claimed, and drops every local copy kept for the first read. */
async function removeUnclaimed(uploads: UploadedFile[], { storage, logger }: StreamingUploadOptions): Promise<void> {
  await Promise.all(
    uploads.map(async (upload) => {
      await storage.releaseLocalCopy(upload.stored.path).catch((error) => logger.error('could not drop an upload’s local copy', { error }));
      if (upload.claimed) return;
      // The sweep removes it later if this fails; the request's outcome stands.
      await storage.remove(upload.stored.path).catch((error) => logger.error('could not remove an unclaimed upload', { error }));
    }),
  );
}

/** Discards what is left of a refused body for a short while, then drops the connection if it is still coming. */
function linger(body: Readable, socket: Socket): void {
  let discarded = 0;
  const drop = () => {
    body.destroy();
    socket?.destroy?.();
  };
  const timer = setTimeout(drop, LINGER_MS);
  timer.unref();
  body.on('data', (chunk: Uint8Array) => {
    discarded += chunk.length;
    if (discarded > LINGER_MAX_BYTES) drop();
  });
  body.on('end', () => clearTimeout(timer));
  body.on('error', () => clearTimeout(timer));
  body.resume();
}

/** Errors about the request itself, before any resolver runs: they set the HTTP status too. */
const badRequest = (message: string) => refusal('BAD_REQUEST', `Invalid multipart request: ${message}`, { status: 400 });

/** Seconds a client is told to wait before retrying an upload the file storage could not take. */
const STORAGE_RETRY_AFTER_SECONDS = 5;

/**
 * A file refused while it streamed (too large, a line too long), or a store that could not take it
 * (UNAVAILABLE, 503 with Retry-After): the request is refused with it.
 */
function fromStorageError(error: unknown): unknown {
  if (error instanceof AppError && error.code === 'UNAVAILABLE') {
    return toGraphQLError(error, { http: { status: 503, headers: { 'Retry-After': String(STORAGE_RETRY_AFTER_SECONDS) } } });
  }
  if (error instanceof AppError) return toGraphQLError(error, { http: { status: error instanceof UploadTooLarge ? 413 : 400 } });
  return error;
}

function parseJsonField(name: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest(`the "${name}" field is not valid JSON`);
  }
}

function parseMap(value: unknown): Map<string, string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest('"map" must be an object');
  const map = new Map<string, string[]>();
  for (const [field, paths] of Object.entries(value)) {
    if (!Array.isArray(paths) || paths.length === 0 || !paths.every((p) => typeof p === 'string')) {
      throw badRequest(`"map" entry "${field}" must be a non-empty array of paths`);
    }
    // One stored file per dataset: deleting one dataset must never take another's file.
    if (paths.length > 1) throw badRequest(`"map" entry "${field}" names ${paths.length} variables; a file part may back one upload only`);
    map.set(field, paths as string[]);
  }
  if (map.size > MAX_FILES_PER_REQUEST) throw badRequest(`at most ${MAX_FILES_PER_REQUEST} files per request`);
  return map;
}

/** Puts `value` at a dotted path such as "variables.file" or "0.variables.files.1". */
function setAtPath(target: unknown, dottedPath: string, value: unknown): void {
  const keys = dottedPath.split('.');
  let current = target as Record<string, unknown>;
  for (const [i, key] of keys.entries()) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw badRequest(`invalid path "${dottedPath}"`);
    if (i === keys.length - 1) {
      if (!Object.hasOwn(current, key) || current[key] !== null)
        throw badRequest(`"map" path "${dottedPath}" must point at a null in "operations"`);
      current[key] = value;
      return;
    }
    const next = current[key];
    if (typeof next !== 'object' || next === null) throw badRequest(`"map" path "${dottedPath}" does not exist in "operations"`);
    current = next as Record<string, unknown>;
  }
}

async function parseMultipartRequest(request: Request, socket: Socket, options: StreamingUploadOptions, uploads: UploadedFile[]) {
  // The request body as a node stream; reading it only as fast as storage writes keeps memory flat.
  const body = Readable.from((request.body ?? []) as unknown as AsyncIterable<Uint8Array>);
  let bodyEnded = false;
  body.once('end', () => (bodyEnded = true));
  const refuse = (error: unknown) => {
    if (!bodyEnded) linger(body, socket);
    return error;
  };
  if (!(await options.authenticate(request))) {
    throw refuse(refusal('UNAUTHENTICATED', 'Sign in to upload files.', { status: 401 }));
  }
  let parser: BusboyInstance;
  try {
    parser = new Busboy({
      headers: { 'content-type': request.headers.get('content-type')! },
      limits: { fields: 2, fieldSize: MAX_JSON_FIELD_BYTES, files: MAX_FILES_PER_REQUEST, headerPairs: 20 },
    });
  } catch (error) {
    throw refuse(badRequest((error as Error).message));
  }

  return new Promise<unknown>((resolve, reject) => {
    let operations: unknown;
    let map: Map<string, string[]> | undefined;
    const filesSeen = new Set<string>();
    const storing = new Set<Promise<void>>();
    const arriving = new Set<Readable>();
    let failed = false;

    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      // Nothing more of this request goes to disk.
      body.unpipe(parser);
      for (const stream of arriving) stream.destroy();
      void Promise.allSettled(storing).then(async () => {
        await removeUnclaimed(uploads, options);
        reject(refuse(fromStorageError(error)));
      });
    };

    parser.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (valueTruncated) return fail(badRequest(`the "${name}" field is longer than ${MAX_JSON_FIELD_BYTES} bytes`));
      try {
        if (name === 'operations') {
          operations = parseJsonField(name, value);
          if (typeof operations !== 'object' || operations === null) throw badRequest('"operations" must be an object or an array');
        } else if (name === 'map') {
          if (operations === undefined) throw badRequest('the "operations" field must come first');
          map = parseMap(parseJsonField(name, value));
        } else {
          throw badRequest(`unexpected field "${name}"`);
        }
      } catch (error) {
        fail(error);
      }
    });

    parser.on('file', (field, stream, filename, _transferEncoding, mimeType) => {
      // A part that breaks off (the body ends before its boundary) errors its
      // stream. Storage, reading it, fails the request with that error (below);
      // a stream nobody reads (after a refusal) must not raise an unhandled
      // 'error' event either, which would end the process.
      stream.on('error', () => undefined);
      if (failed) return void stream.resume();
      if (!map) return fail(badRequest('the "operations" and "map" fields must come before the files'));
      const paths = map.get(field);
      if (!paths) return fail(badRequest(`file field "${field}" is not in "map"`));
      if (filesSeen.has(field)) return fail(badRequest(`file field "${field}" appears twice`));
      filesSeen.add(field);
      arriving.add(stream);
      const stored = options.storage
        .put(guardLineLength(stream, options.maxLineBytes), { maxBytes: options.maxBytes, keepLocalCopy: true })
        .then((file) => {
          const upload = new UploadedFile(file, displayFileName(filename), mimeType || 'application/octet-stream');
          uploads.push(upload);
          for (const path of paths) setAtPath(operations, path, upload);
        })
        .catch(fail)
        .finally(() => {
          arriving.delete(stream);
          storing.delete(stored);
        });
      storing.add(stored);
    });

    parser.on('filesLimit', () => fail(badRequest(`at most ${MAX_FILES_PER_REQUEST} files per request`)));
    parser.on('fieldsLimit', () => fail(badRequest('only the "operations" and "map" fields are allowed')));
    parser.on('error', (error) => fail(badRequest((error as Error).message)));
    // The client went away (or the body broke) halfway through.
    body.on('error', (error) => fail(badRequest(`the upload was interrupted (${error.message})`)));
    parser.on('finish', () => {
      void Promise.allSettled(storing).then(() => {
        if (failed) return;
        if (operations === undefined) return fail(badRequest('the "operations" field is missing'));
        const missing = [...(map?.keys() ?? [])].filter((field) => !filesSeen.has(field));
        if (missing.length) return fail(badRequest(`no file was sent for ${missing.map((f) => `"${f}"`).join(', ')}`));
        resolve(operations);
      });
    });

    body.pipe(parser);
  }) as Promise<never>;
}
