// Applies prisma/migrations offline, recording each one in _prisma_migrations
// exactly as `prisma migrate deploy` does, so a deployment with the full Prisma
// CLI takes over the same history. Unlike the CLI, each migration runs in its
// own transaction with its record: a failed migration leaves nothing behind.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { defaultMigrationsDir, readMigrations, type Migration } from './migrations.js';

// The advisory lock key the Prisma CLI takes, so the CLI and this runner
// never migrate one database at the same time.
const migrationLockKey = 72707369;

// The table as Prisma's schema engine creates it.
const createHistoryTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null };

export class MigrationError extends Error {}

async function withLockedClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
    try {
      await client.query(createHistoryTable);
      return await work(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]);
    }
  } finally {
    await client.end();
  }
}

async function appliedMigrations(client: pg.Client): Promise<AppliedRow[]> {
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
      WHERE rolled_back_at IS NULL ORDER BY started_at, migration_name`,
  );
  return rows;
}

function checkHistory(applied: AppliedRow[], local: Migration[]) {
  const byName = new Map(local.map((m) => [m.name, m]));
  for (const row of applied) {
    if (row.finished_at === null) {
      throw new MigrationError(
        `Migration ${row.migration_name} was started but never finished (a failed \`prisma migrate deploy\`?). ` +
          'Resolve it with `prisma migrate resolve` before migrating again.',
      );
    }
    const migration = byName.get(row.migration_name);
    if (!migration) {
      throw new MigrationError(`The database has migration ${row.migration_name}, which is not in prisma/migrations.`);
    }
    if (migration.checksum !== row.checksum) {
      throw new MigrationError(`Migration ${row.migration_name} was edited after it was applied (checksum differs).`);
    }
  }
}

async function inTransaction(client: pg.Client, work: () => Promise<void>) {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** Applies every pending migration in order; returns the names applied. */
export async function migrateUp(connectionString: string, migrationsDir = defaultMigrationsDir): Promise<string[]> {
  const local = await readMigrations(migrationsDir);
  return withLockedClient(connectionString, async (client) => {
    const applied = await appliedMigrations(client);
    checkHistory(applied, local);
    const done = new Set(applied.map((row) => row.migration_name));
    const names: string[] = [];
    for (const migration of local.filter((m) => !done.has(m.name))) {
      try {
        await inTransaction(client, async () => {
          const id = randomUUID();
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
             VALUES ($1, $2, $3, now(), 0)`,
            [id, migration.checksum, migration.name],
          );
          await client.query(migration.upSql);
          await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        });
      } catch (error) {
        throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
      }
      names.push(migration.name);
    }
    return names;
  });
}

/** Undoes the last `steps` applied migrations with their down.sql; returns the names undone. */
export async function migrateDown(connectionString: string, steps = 1, migrationsDir = defaultMigrationsDir): Promise<string[]> {
  const local = await readMigrations(migrationsDir);
  return withLockedClient(connectionString, async (client) => {
    const applied = await appliedMigrations(client);
    checkHistory(applied, local);
    const byName = new Map(local.map((m) => [m.name, m]));
    const names: string[] = [];
    for (const row of applied.slice(-steps).reverse()) {
      const migration = byName.get(row.migration_name)!;
      if (migration.downSql === undefined) {
        throw new MigrationError(`Migration ${migration.name} has no down.sql; it cannot be rolled back.`);
      }
      await inTransaction(client, async () => {
        await client.query(migration.downSql!);
        await client.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [migration.name]);
      });
      names.push(migration.name);
    }
    return names;
  });
}
