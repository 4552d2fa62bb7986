// npm run db:migrate (apply pending migrations) and npm run db:rollback [steps].
import { loadConfigOrExit } from '../config.js';
import { createLogger } from '../logger.js';
import { startDatabaseServer } from './database-server.js';
import { migrateDown, migrateUp } from './migrator.js';

const [command, stepsArg] = process.argv.slice(2);
const config = loadConfigOrExit('migrate');
const logger = createLogger(config.logLevel);

async function main() {
  const server = await startDatabaseServer(config, logger);
  try {
    if (command === 'up') {
      const applied = await migrateUp(server.url);
      logger.info(applied.length ? 'migrations applied' : 'no pending migrations', { applied });
    } else if (command === 'down') {
      const undone = await migrateDown(server.url, Number(stepsArg ?? 1));
      logger.info('migrations rolled back', { undone });
    } else {
      throw new Error('usage: migrate-cli.ts up | down [steps]');
    }
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  logger.error('migration failed', { error });
  process.exit(1);
});
