// A pool of our own whose connections record every statement they send and the
// rows it returned, for tests that count what a query costs. No pre-ping: a
// liveness check is not part of what a query costs.
import { createPrismaClient } from '../../src/db/client.js';
import { PrePingPool } from '../../src/db/pool.js';
import { createLogger } from '../../src/logger.js';
import type { TestDatabase } from './test-database.js';

export type LoggedStatement = { text: string; values: unknown[]; rows: number };

export function recordingDatabase(db: TestDatabase) {
  const log: LoggedStatement[] = [];
  const pool = new PrePingPool({
    url: db.url,
    poolSize: 2,
    maxOverflow: 0,
    recycleSeconds: 3600,
    prePingAfterIdleMs: Number.POSITIVE_INFINITY,
  });
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      const first = args[0] as string | { text: string; values?: unknown[] };
      const entry: LoggedStatement = {
        text: typeof first === 'string' ? first : first.text,
        values: typeof first === 'string' ? ((args[1] as unknown[]) ?? []) : (first.values ?? []),
        rows: 0,
      };
      log.push(entry);
      const count = (r: { rowCount?: number | null; rows?: unknown[] } | undefined) => (entry.rows = r?.rows?.length ?? r?.rowCount ?? 0);
      // pg.Pool#query hands the client a callback; Prisma's adapter awaits a promise.
      const callback = args.findIndex((a) => typeof a === 'function');
      if (callback >= 0) {
        const done = args[callback] as (error: unknown, result: unknown) => void;
        args[callback] = (error: unknown, result: { rows?: unknown[] }) => {
          if (!error) count(result);
          done(error, result);
        };
      }
      const result = query(...args);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        void (result as Promise<{ rowCount?: number; rows?: unknown[] }>).then(count, () => undefined);
      }
      return result;
    };
  });
  const prisma = createPrismaClient(pool, { echo: false, logger: createLogger('error') });
  return {
    db: { ...db, prisma, pool },
    pool,
    /** Forgets what was recorded so far. */
    reset: () => log.splice(0),
    statements: () => [...log],
  };
}
