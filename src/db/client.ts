// The Prisma client over our pool. One extension turns database failures into
// AppErrors at the single place every query passes through.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logger.js';
import { toAppError } from './errors.js';
import type { PrePingPool } from './pool.js';

export function createPrismaClient(pool: PrePingPool, options: { echo: boolean; logger: Logger }) {
  const base = new PrismaClient({
    adapter: new PrismaPg(pool),
    log: options.echo ? [{ emit: 'event', level: 'query' }] : [],
  });
  if (options.echo) {
    // Statements only: parameters are user data and may hold secrets.
    (base as PrismaClient<'query'>).$on('query', (event) => options.logger.info('sql', { query: event.query, durationMs: event.duration }));
  }
  return base.$extends({
    name: 'app-errors',
    query: {
      async $allOperations({ operation, model, args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw toAppError(error, operation, model) ?? error;
        }
      },
    },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
