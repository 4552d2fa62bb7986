// Entry point: configuration, database (waited for and migrated), GraphQL over HTTP.
import { createServer } from 'node:http';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { loadAuthSecret } from './auth/secret.js';
import { createGraphQLServer } from './graphql/yoga.js';
import { createLogger } from './logger.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, logger, { migrate: true });
  const secret = await loadAuthSecret(config);
  const yoga = createGraphQLServer(db, logger, { ...config.auth, secret });
  const server = createServer(yoga);
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info('server listening', { graphql: `http://localhost:${port}/graphql`, embeddedDatabase: db.server.embedded });
  });

  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal });
    server.close(() => {
      db.close().then(
        () => process.exit(0),
        (error) => {
          logger.error('shutdown failed', { error });
          process.exit(1);
        },
      );
    });
    server.closeAllConnections();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error) => {
  createLogger('error').error('server failed to start', { error });
  process.exit(1);
});
