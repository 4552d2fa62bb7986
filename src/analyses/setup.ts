// Wiring shared by the API server and standalone workers: the queue, the
// events, and (when this process runs one) the worker.
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Storage } from '../datasets/storage.js';
import { isTransientConnectionError } from '../db/transient.js';
import type { Logger } from '../logger.js';
import { LocalAnalysisEvents, PgAnalysisEvents, type AnalysisEvents } from './events.js';
import { AnalysisQueue } from './queue.js';
import { AnalysisWorker } from './worker.js';

export type Analyses = { queue: AnalysisQueue; events: AnalysisEvents; worker: AnalysisWorker | null; close: () => Promise<void> };

export async function startAnalyses(
  config: Config,
  db: Pick<Database, 'prisma' | 'pool' | 'server'>,
  storage: Storage,
  logger: Logger,
  { runWorker }: { runWorker: boolean },
): Promise<Analyses> {
  const settings = config.analyses;
  // The embedded database serves this process only: its events stay in-process.
  const events = db.server.embedded ? new LocalAnalysisEvents() : new PgAnalysisEvents(db.server.url, db.pool, logger);
  const queue = await AnalysisQueue.start(
    { executeSql: (text, values) => db.pool.query(text, values) },
    { maxAttempts: settings.maxAttempts, timeLimitSeconds: settings.timeLimitSeconds },
    logger,
    { supervise: runWorker },
  );
  const worker = runWorker ? await AnalysisWorker.start({ prisma: db.prisma, queue, storage, events, logger, settings }) : null;
  return {
    queue,
    events,
    worker,
    close: async () => {
      if (worker) await worker.stop();
      else await queue.stop({ graceful: false });
      await events.close();
    },
  };
}

/**
 * pg-boss records a job's outcome without waiting for it; while the database is
 * unreachable that write fails as an unhandled rejection, which would end the
 * process. Those are logged and survived (the job is recovered once the database
 * is back); any other unhandled rejection is a bug and still ends the process.
 */
export function surviveDatabaseOutages(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    if (isTransientConnectionError(reason)) {
      logger.warn('the database was unreachable for a background write; carrying on', { error: reason });
      return;
    }
    logger.error('unhandled rejection', { error: reason });
    process.exit(1);
  });
}
