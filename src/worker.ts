// Entry point of a standalone analysis worker (`npm run worker`): takes
// analyses from the queue in the database at DATABASE_URL, WORKER_CONCURRENCY
// at a time. Any number of them, on any number of machines, share the load.
import { startAnalyses, surviveDatabaseOutages } from './analyses/setup.js';
import { loadConfigOrExit } from './config.js';
import { announceStorage, createStorage } from './datasets/create-storage.js';
import { openDatabase } from './db/database.js';
import { createLogger } from './logger.js';
import { stopOnSignals } from './shutdown.js';

async function main() {
  const config = loadConfigOrExit('work');
  const logger = createLogger(config.logLevel);
  surviveDatabaseOutages(logger);
  if (!config.database.url) {
    console.error('A standalone worker needs DATABASE_URL: the embedded database runs its analyses inside `npm start`.');
    process.exit(2);
  }
  const db = await openDatabase(config, logger, { migrate: true });
  const storage = await createStorage(config, logger);
  announceStorage(storage, logger);
  const analyses = await startAnalyses(config, db, storage, logger, { runWorker: true });

  // Running analyses finish first; a worker killed instead has its runs picked up by the others.
  stopOnSignals(logger, async () => {
    await analyses.close();
    await db.close();
  });
}

main().catch((error) => {
  createLogger('error').error('worker failed to start', { error });
  process.exit(1);
});
