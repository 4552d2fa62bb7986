// The API as a client sees it: typed documents (GraphQL Code Generator) sent
// over HTTP to the real yoga server with yoga.fetch, against a real database.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PgAnalysisEvents } from '../../src/analyses/events.js';
import { AnalysisQueue } from '../../src/analyses/queue.js';
import type { Analyses } from '../../src/analyses/setup.js';
import { LocalDirectoryStorage, type Storage } from '../../src/datasets/storage.js';
import { Accounts, type AuthSettings } from '../../src/auth/accounts.js';
import type { CorsOrigins } from '../../src/config.js';
import { createGraphQLServer } from '../../src/graphql/yoga.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export type GraphQLErrorJson = {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fields?: { path: string[]; message: string }[] };
};
export type Result<T> = { data?: T | null; errors?: GraphQLErrorJson[] };

export type PostOptions = { token?: string; headers?: Record<string, string>; peer?: string };

export type TestApi<S extends Storage = LocalDirectoryStorage> = {
  db: TestDatabase;
  yoga: ReturnType<typeof createGraphQLServer>;
  auth: AuthSettings;
  accounts: Accounts;
  /** A fresh local directory, or the storage the test passed. */
  storage: S;
  /** The analysis queue and events of the test database (no worker: tests start worker processes themselves). */
  analyses: Pick<Analyses, 'queue' | 'events' | 'close'>;
  /** A bearer token for a user, from a real session (one per user, reused). */
  tokenFor(userId: number): Promise<string>;
  /**
   * POSTs a raw GraphQL operation; `peer` plays the TCP client address the
   * node server would hand over.
   */
  post(query: string, variables?: Record<string, unknown>, options?: PostOptions): Promise<Response>;
  /** Runs an operation with a bearer token (undefined: none). */
  runWithToken<T, V extends Record<string, unknown>>(
    document: TypedDocumentNode<T, V>,
    variables: V,
    token: string | undefined,
  ): Promise<Result<T>>;
  /** Runs an operation as `viewerId` (undefined: not signed in). */
  run<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V, viewerId?: number): Promise<Result<T>>;
  /** Like run, but fails the test on any error and returns the data. */
  ok<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V, viewerId: number): Promise<T>;
  close(): Promise<void>;
};

export const testAuthSettings = (overrides: Partial<AuthSettings> = {}): AuthSettings => ({
  secret: randomBytes(32).toString('hex'),
  tokenTtlSeconds: 3600,
  maxFailedSignIns: 5,
  lockoutSeconds: 900,
  maxSignUpsPerAddress: 10,
  ...overrides,
});

export type TestApiOptions = {
  logger?: Logger;
  db?: TestDatabase;
  auth?: Partial<AuthSettings>;
  trustProxy?: boolean;
  corsOrigins?: CorsOrigins;
  uploads?: { maxBytes?: number; maxLineBytes?: number; reader?: { tempDirectory?: string } };
};

/** The queue and events on a test database, as an API-only server has them. */
export async function startTestAnalyses(
  db: Pick<TestDatabase, 'pool' | 'url'>,
  logger: Logger,
  settings = { maxAttempts: 3, timeLimitSeconds: 600 },
) {
  const queue = await AnalysisQueue.start({ executeSql: (text, values) => db.pool.query(text, values) }, settings, logger, {
    supervise: false,
  });
  const events = new PgAnalysisEvents(db.url, db.pool, logger);
  return {
    queue,
    events,
    close: async () => {
      await queue.stop({ graceful: false });
      await events.close();
    },
  };
}

export async function createTestApi(options?: TestApiOptions): Promise<TestApi>;
/** The API over a storage the test made (object storage): the test cleans it up. */
export async function createTestApi<S extends Storage>(options: TestApiOptions & { storage: S }): Promise<TestApi<S>>;
export async function createTestApi(options: TestApiOptions & { storage?: Storage } = {}): Promise<TestApi<Storage>> {
  const db = options.db ?? (await createTestDatabase());
  const logger = options.logger ?? createLogger('error');
  const analyses = await startTestAnalyses(db, logger);
  const auth = testAuthSettings(options.auth);
  const ownStorage = options.storage ? null : new LocalDirectoryStorage(await mkdtemp(path.join(os.tmpdir(), 'datainsight-storage-')));
  const storage = options.storage ?? ownStorage!;
  const yoga = createGraphQLServer({
    db,
    logger,
    auth,
    storage,
    uploads: { maxBytes: 64 * 1024 ** 2, maxLineBytes: 1024 ** 2, ...options.uploads },
    analyses,
    trustProxy: options.trustProxy,
    corsOrigins: options.corsOrigins,
  });
  const accounts = new Accounts(db, auth);
  const tokens = new Map<number, Promise<string>>();
  const tokenFor = (userId: number) => {
    if (!tokens.has(userId))
      tokens.set(
        userId,
        accounts.startSession(userId).then((s) => s.token),
      );
    return tokens.get(userId)!;
  };
  const post: TestApi<Storage>['post'] = async (query, variables = {}, options = {}) =>
    yoga.fetch(
      'http://localhost/graphql',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query, variables }),
      },
      options.peer ? { req: { socket: { remoteAddress: options.peer } } } : {},
    );
  const runWithToken: TestApi<Storage>['runWithToken'] = async (document, variables, token) =>
    (await (await post(print(document), variables, { token })).json()) as Result<never>;
  const run: TestApi<Storage>['run'] = async (document, variables, viewerId) =>
    runWithToken(document, variables, viewerId === undefined ? undefined : await tokenFor(viewerId));
  return {
    db,
    yoga,
    auth,
    accounts,
    storage,
    analyses,
    tokenFor,
    post,
    runWithToken,
    run,
    ok: async (document, variables, viewerId) => {
      const result = await run(document, variables, viewerId);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data!;
    },
    close: async () => {
      await analyses.close();
      await db.close();
      if (ownStorage) await rm(ownStorage.root, { recursive: true, force: true });
    },
  };
}

/** The numeric database id inside a Relay global ID. */
export const decodeId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);
export const encodeId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

/** Narrows a `node` result to one type, failing the test when it is another (or null). */
export function nodeOf<T extends { __typename?: string }, N extends string>(
  node: T | null | undefined,
  typename: N,
): Extract<T, { __typename?: N }> {
  if (!node || node.__typename !== typename) throw new Error(`expected a ${typename}, got ${JSON.stringify(node)}`);
  return node as Extract<T, { __typename?: N }>;
}
