// The GraphQL server: the schema behind graphql-yoga at /graphql (GraphiQL on
// GET), liveness at /health, readiness (the database answers) at /ready, and
// the web app at / (src/web/serve-app.ts). The
// caller is whoever the `Authorization: Bearer` token belongs to.
import { useGraphQlJit } from '@envelop/graphql-jit';
import { GraphQLError } from 'graphql';
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import type { Analyses } from '../analyses/setup.js';
import { Accounts, type AuthSettings } from '../auth/accounts.js';
import type { Storage } from '../datasets/storage.js';
import type { ReaderOptions } from '../datasets/uploads/inspect-upload.js';
import { useStreamingUploads } from '../datasets/uploads/streaming-uploads.js';
import type { Database } from '../db/database.js';
import { databaseIsReady } from '../db/database.js';
import { isTransientConnectionError } from '../db/transient.js';
import type { Logger } from '../logger.js';
import type { GraphQLContext, ServerContext } from './context.js';
import { corsFor } from './cors.js';
import type { CorsOrigins } from '../config.js';
import { actAs } from './loading/records.js';
import { useOperationBodyLimit } from './body-limit.js';
import { createErrorMasker } from './errors.js';
import { renderGraphiQL, useGraphiQLAssets } from './graphiql.js';
import { limitPlugins } from './limits.js';
import { schema } from './schema.js';
import { useWebApp } from '../web/serve-app.js';

const onlyQueries = (document: { definitions: readonly { kind: string; operation?: string }[] }) =>
  document.definitions.every((d) => d.kind !== 'OperationDefinition' || d.operation === 'query');

export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

export type GraphQLServerOptions = {
  db: Pick<Database, 'prisma' | 'pool'>;
  logger: Logger;
  auth: AuthSettings;
  storage: Storage;
  /** `reader`: DuckDB's budget for the first read of an upload (default: the profiler's defaults). */
  uploads: { maxBytes: number; maxLineBytes: number; reader?: ReaderOptions };
  analyses: Pick<Analyses, 'queue' | 'events'>;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy?: boolean;
  /** CORS_ORIGINS (default: same origin only). */
  corsOrigins?: CorsOrigins;
};

/** The client's address: the TCP peer, or behind a trusted proxy the first X-Forwarded-For entry. */
function clientAddress(request: Request, peer: string | undefined, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  return forwarded || peer;
}

export function createGraphQLServer({
  db,
  logger,
  auth,
  storage,
  uploads,
  analyses,
  trustProxy = false,
  corsOrigins = [],
}: GraphQLServerOptions) {
  const maskError = createErrorMasker(logger);
  const accounts = new Accounts(db, auth);
  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // GraphiQL's page and files come from this server (graphiql.ts), not a CDN.
    graphiql: { title: 'DataInsight Pro' },
    renderGraphiQL,
    cors: corsFor(corsOrigins),
    context: async ({ request, req }): Promise<GraphQLContext> => {
      const token = bearerToken(request);
      const session = token ? await accounts.authenticate(token) : null;
      const ctx: GraphQLContext = {
        prisma: db.prisma,
        pool: db.pool,
        viewer: null,
        accounts,
        storage,
        uploadReader: uploads.reader ?? {},
        analyses,
        clientAddress: clientAddress(request, req?.socket?.remoteAddress, trustProxy),
        logger,
        loaders: new Map(),
      };
      actAs(ctx, session);
      return ctx;
    },
    maskedErrors: { maskError: (error) => maskError(error) },
    // Errors of operations are the masker's to log (once, and only the unexpected ones).
    logging: {
      debug: (...args) => logger.debug(String(args[0])),
      info: (...args) => logger.info(String(args[0])),
      warn: (...args) => logger.warn(String(args[0])),
      error: (...args) => {
        if (args[0] instanceof GraphQLError || isTransientConnectionError(args[0])) return;
        logger.error(String(args[0]), { error: args.find((a) => a instanceof Error) });
      },
    },
    // Replaced by useOperationBodyLimit and the per-file upload limit (see body-limit.ts).
    maxRequestBodySize: false,
    plugins: [
      useGraphiQLAssets(),
      useWebApp(),
      // Queries are compiled to JavaScript once per document (cached), which
      // executes a large page several times faster than graphql-js'
      // interpreter. Mutations and subscriptions, small and few, keep
      // graphql-js and its exact messages for inputs (the File scalar's).
      useGraphQlJit({}, { enableIf: (args) => onlyQueries(args.document) }),
      ...limitPlugins(),
      useOperationBodyLimit(),
      useStreamingUploads({
        storage,
        maxBytes: uploads.maxBytes,
        maxLineBytes: uploads.maxLineBytes,
        logger,
        authenticate: async (request) => (await accounts.authenticate(bearerToken(request) ?? '')) !== null,
      }),
      useReadinessCheck({ endpoint: '/ready', check: () => databaseIsReady(db.pool) }),
    ],
  });
}
