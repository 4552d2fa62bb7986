// The GraphQL server: the schema behind graphql-yoga at /graphql (GraphiQL on
// GET), liveness at /health, readiness (the database answers) at /ready.
import { GraphQLError } from 'graphql';
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import type { Database } from '../db/database.js';
import { databaseIsReady } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { GraphQLContext, ServerContext } from './context.js';
import { createErrorMasker } from './errors.js';
import { limitPlugins } from './limits.js';
import { schema } from './schema.js';

export function createGraphQLServer(db: Pick<Database, 'prisma' | 'pool'>, logger: Logger) {
  const maskError = createErrorMasker(logger);
  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: { title: 'DataInsight Pro' },
    context: ({ viewer }): GraphQLContext => ({ prisma: db.prisma, viewer: viewer ?? null, logger, loaders: new Map() }),
    maskedErrors: { maskError: (error) => maskError(error) },
    // Errors of operations are the masker's to log (once, and only the unexpected ones).
    logging: {
      debug: (...args) => logger.debug(String(args[0])),
      info: (...args) => logger.info(String(args[0])),
      warn: (...args) => logger.warn(String(args[0])),
      error: (...args) => {
        if (!(args[0] instanceof GraphQLError)) logger.error(String(args[0]), { error: args.find((a) => a instanceof Error) });
      },
    },
    plugins: [...limitPlugins(), useReadinessCheck({ endpoint: '/ready', check: () => databaseIsReady(db.pool) })],
  });
}
