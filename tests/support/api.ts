// The API as a client sees it: typed documents (GraphQL Code Generator) sent
// over HTTP to the real yoga server with yoga.fetch, against a real database.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createGraphQLServer } from '../../src/graphql/yoga.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export type GraphQLErrorJson = { message: string; path?: (string | number)[]; extensions?: { code?: string; fields?: { path: string[]; message: string }[] } };
export type Result<T> = { data?: T | null; errors?: GraphQLErrorJson[] };

export type TestApi = {
  db: TestDatabase;
  yoga: ReturnType<typeof createGraphQLServer>;
  /** Runs an operation as `viewerId` (undefined: not signed in). */
  run<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V, viewerId?: number): Promise<Result<T>>;
  /** Like run, but fails the test on any error and returns the data. */
  ok<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V, viewerId: number): Promise<T>;
  close(): Promise<void>;
};

export async function createTestApi(options: { logger?: Logger; db?: TestDatabase } = {}): Promise<TestApi> {
  const db = options.db ?? (await createTestDatabase());
  const yoga = createGraphQLServer(db, options.logger ?? createLogger('error'));
  const run: TestApi['run'] = async (document, variables, viewerId) => {
    const response = await yoga.fetch(
      'http://localhost/graphql',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: print(document), variables }) },
      { viewer: viewerId === undefined ? null : { id: viewerId } },
    );
    return (await response.json()) as Result<never>;
  };
  return {
    db,
    yoga,
    run,
    ok: async (document, variables, viewerId) => {
      const result = await run(document, variables, viewerId);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data!;
    },
    close: () => db.close(),
  };
}

/** The numeric database id inside a Relay global ID. */
export const decodeId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);
export const encodeId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

/** Narrows a `node` result to one type, failing the test when it is another (or null). */
export function nodeOf<T extends { __typename?: string }, N extends string>(node: T | null | undefined, typename: N): Extract<T, { __typename?: N }> {
  if (!node || node.__typename !== typename) throw new Error(`expected a ${typename}, got ${JSON.stringify(node)}`);
  return node as Extract<T, { __typename?: N }>;
}
