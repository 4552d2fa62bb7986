// Where the database is: the server in DATABASE_URL, or, when none is set, an
// embedded PostgreSQL (PGlite, persisted under DATA_DIR) served on a loopback
// port so that the rest of the code talks to both the same way.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.js';
import { redactUrl, type Logger } from '../logger.js';
import { isTransientConnectionError, withRetry } from './transient.js';

export type DatabaseServer = {
  url: string;
  embedded: boolean;
  /** The largest pool the server takes; PGlite runs one query at a time. */
  maxConnections: number | undefined;
  stop: () => Promise<void>;
};

export async function startDatabaseServer(config: Config, logger: Logger): Promise<DatabaseServer> {
  if (config.database.url) {
    await waitForDatabase(config.database.url, config.database.connectTimeoutSeconds, logger);
    return { url: config.database.url, embedded: false, maxConnections: undefined, stop: async () => {} };
  }
  return startEmbedded(path.join(config.dataDir, 'pglite'), logger);
}

/** Start-up waits for the database (e.g. a container still booting) instead of crashing. */
export async function waitForDatabase(url: string, timeoutSeconds: number, logger: Logger): Promise<void> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  const attempts = Math.max(1, Math.ceil(Math.log2(timeoutSeconds * 2)) + 2);
  await withRetry(
    async () => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
      } finally {
        await client.end().catch(() => {});
      }
    },
    (error) => isTransientConnectionError(error) && Date.now() < deadline,
    { attempts, initialDelayMs: 250, maxDelayMs: 5_000 },
    (error, attempt, delayMs) =>
      logger.warn('waiting for the database', { url: redactUrl(url), attempt, delayMs, error: (error as Error).message }),
  );
}

async function startEmbedded(dataDir: string, logger: Logger): Promise<DatabaseServer> {
  // Loaded only here: production deployments never need the WebAssembly build.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  const url = `postgresql://postgres@${server.getServerConn()}/postgres`;
  logger.info('embedded PostgreSQL started', { dataDir, url });
  return {
    url,
    embedded: true,
    // PGlite is one backend: a single connection keeps each transaction alone.
    maxConnections: 1,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
