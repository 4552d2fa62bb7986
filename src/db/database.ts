// Everything the process needs from its database, opened in order: find (or
// start) the server, bring its schema up to date, open the pool and client.
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createPrismaClient, type Db } from './client.js';
import { startDatabaseServer, type DatabaseServer } from './database-server.js';
import { migrateUp } from './migrator.js';
import { PrePingPool } from './pool.js';

export type Database = {
  prisma: Db;
  pool: PrePingPool;
  server: DatabaseServer;
  close: () => Promise<void>;
};

export async function openDatabase(config: Config, logger: Logger, options: { migrate: boolean }): Promise<Database> {
  const server = await startDatabaseServer(config, logger);
  try {
    if (options.migrate) {
      const applied = await migrateUp(server.url);
      if (applied.length) logger.info('migrations applied', { applied });
    }
    const poolSize = Math.min(config.database.poolSize, server.maxConnections ?? Infinity);
    const pool = new PrePingPool(
      {
        url: server.url,
        poolSize,
        maxOverflow: server.maxConnections ? 0 : config.database.maxOverflow,
        recycleSeconds: config.database.recycleSeconds,
      },
      logger,
    );
    const prisma = createPrismaClient(pool, { echo: config.database.echo, logger });
    return {
      prisma,
      pool,
      server,
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** True when the database answers a trivial query: the readiness check. */
export async function databaseIsReady(pool: PrePingPool): Promise<boolean> {
  try {
    await pool.pingOnce();
    return true;
  } catch {
    return false;
  }
}
