// A PostgreSQL database of its own for each test file, on the server at
// TEST_DATABASE_URL (default: the local server at 127.0.0.1:5432), dropped after.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPrismaClient, type Db } from '../../src/db/client.js';
import { migrateUp } from '../../src/db/migrator.js';
import { PrePingPool } from '../../src/db/pool.js';
import { createLogger } from '../../src/logger.js';

export const testServerUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(testServerUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export type EmptyDatabase = { name: string; url: string; drop: () => Promise<void> };

/** A new, empty database (no migrations applied). */
export async function createEmptyDatabase(): Promise<EmptyDatabase> {
  const name = `dip_test_${randomBytes(6).toString('hex')}`;
  await onServer((c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => onServer((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

export type TestDatabase = EmptyDatabase & { prisma: Db; pool: PrePingPool; close: () => Promise<void> };

/** A new database with every migration applied, and a Prisma client on it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const empty = await createEmptyDatabase();
  await migrateUp(empty.url);
  const pool = new PrePingPool({ url: empty.url, poolSize: 2, maxOverflow: 3, recycleSeconds: 3600 });
  const prisma = createPrismaClient(pool, { echo: false, logger: createLogger('error') });
  return {
    ...empty,
    prisma,
    pool,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
      await empty.drop();
    },
  };
}
