// Entry point: configuration, database (waited for and migrated), GraphQL over HTTP.
import { createServer } from 'node:http';
import { startAnalyses, surviveDatabaseOutages } from './analyses/setup.js';
import { loadConfigOrExit } from './config.js';
import { openDatabase } from './db/database.js';
import { purgeStaleAuthRecords } from './auth/housekeeping.js';
import { loadAuthSecret } from './auth/secret.js';
import { announceStorage, createStorage } from './datasets/create-storage.js';
import { sweepStorage } from './datasets/sweep.js';
import { createGraphQLServer } from './graphql/yoga.js';
import { createLogger } from './logger.js';
import { stopOnSignals } from './shutdown.js';

async function main() {
  const config = loadConfigOrExit('serve');
  const logger = createLogger(config.logLevel);
  surviveDatabaseOutages(logger);
  const db = await openDatabase(config, logger, { migrate: true });
  const secret = await loadAuthSecret(config);
  const storage = await createStorage(config, logger);
  announceStorage(storage, logger);
  // The embedded database is this process' own: its analyses run here too.
  const analyses = await startAnalyses(config, db, storage, logger, { runWorker: config.analyses.workerInProcess || db.server.embedded });
  const yoga = createGraphQLServer({
    db,
    logger,
    auth: { ...config.auth, secret },
    storage,
    uploads: { maxBytes: config.storage.maxUploadBytes, maxLineBytes: config.storage.maxLineBytes, reader: config.analyses.profiler },
    analyses,
    corsOrigins: config.corsOrigins,
    trustProxy: config.trustProxy,
  });
  // Files without a dataset (a crash between disk and database) and auth
  // records that can no longer matter go at start and then on a schedule.
  const sweep = async () => {
    await sweepStorage(storage, db.prisma, { graceMs: config.storage.sweepIntervalSeconds * 1000, logger }).catch((error) =>
      logger.error('storage sweep failed', { error }),
    );
    await purgeStaleAuthRecords(db.prisma, config.auth).catch((error) => logger.error('auth housekeeping failed', { error }));
  };
  void sweep();
  const sweeper = setInterval(sweep, config.storage.sweepIntervalSeconds * 1000);
  sweeper.unref();
  const server = createServer(yoga);
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info('server listening', { graphql: `http://localhost:${port}/graphql`, embeddedDatabase: db.server.embedded });
  });

  stopOnSignals(logger, async () => {
    clearInterval(sweeper);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    // Running analyses finish first (or are picked up again by another worker after a restart).
    await analyses.close();
    await db.close();
  });
}

main().catch((error) => {
  createLogger('error').error('server failed to start', { error });
  process.exit(1);
});
