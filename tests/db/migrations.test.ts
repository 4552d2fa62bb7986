// Migrations: applied offline with Prisma's own history, undone by their
// down.sql, and in step with schema.prisma.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, readMigrations } from '../../src/db/migrations.js';
import { migrateDown, migrateUp } from '../../src/db/migrator.js';
import { diffMigrationsToSchema } from '../../src/db/schema-engine.js';
import { createEmptyDatabase, testServerUrl, type EmptyDatabase } from '../support/test-database.js';

const schemaPath = path.resolve(defaultMigrationsDir, '..', 'schema.prisma');

let database: EmptyDatabase;
beforeEach(async () => {
  database = await createEmptyDatabase();
});
afterEach(async () => {
  await database.drop();
});

async function sql<T = Record<string, unknown>>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

const publicObjects = () =>
  sql<{ name: string }>(`
    SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
    UNION ALL SELECT t.typname::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' AND t.typtype = 'e'
    UNION ALL SELECT p.proname::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
    ORDER BY 1`).then((rows) => rows.map((r) => r.name));

describe('applying migrations', () => {
  it('records each migration in _prisma_migrations as `prisma migrate deploy` does', async () => {
    const local = await readMigrations();
    expect(await migrateUp(database.url)).toEqual(local.map((m) => m.name));
    const rows = await sql<Record<string, unknown>>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at`);
    expect(rows).toHaveLength(local.length);
    for (const [i, row] of rows.entries()) {
      const file = await readFile(path.join(defaultMigrationsDir, local[i]!.name, 'migration.sql'));
      expect(row.migration_name).toBe(local[i]!.name);
      expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await migrateUp(database.url)).toEqual([]);
  });

  it('runs two concurrent deployers without applying anything twice', async () => {
    const [a, b] = await Promise.all([migrateUp(database.url), migrateUp(database.url)]);
    expect([...a, ...b].sort()).toEqual((await readMigrations()).map((m) => m.name));
    const [history] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    expect(history?.n).toBe((await readMigrations()).length);
  });

  it('rolls a failing migration back whole and says which one failed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'migrations-'));
    try {
      await cp(defaultMigrationsDir, dir, { recursive: true });
      const broken = path.join(dir, '29990101000000_broken');
      await cp(path.join(dir, (await readMigrations())[0]!.name), broken, { recursive: true });
      await writeFile(path.join(broken, 'migration.sql'), 'CREATE TABLE "half_done" (id int);\nSELECT no_such_function();\n');
      await expect(migrateUp(database.url, dir)).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
      const names = await publicObjects();
      expect(names).not.toContain('half_done');
      expect(names).toContain('users');
      const history = await sql<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`);
      expect(history.map((r) => r.migration_name)).not.toContain('29990101000000_broken');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to run on a history whose applied migration was edited', async () => {
    await migrateUp(database.url);
    const first = (await readMigrations())[0]!.name;
    await sql(`UPDATE "_prisma_migrations" SET checksum = 'edited' WHERE migration_name = '${first}'`);
    await expect(migrateUp(database.url)).rejects.toThrow(`Migration ${first} was edited after it was applied`);
  });
});

describe('rollback', () => {
  it('gives every migration a down.sql', async () => {
    for (const migration of await readMigrations()) expect(migration.downSql, migration.name).toBeTruthy();
  });

  it('goes up, all the way down to an empty database, and up again', async () => {
    const local = await readMigrations();
    await migrateUp(database.url);
    const migrated = await publicObjects();
    expect(await migrateDown(database.url, local.length)).toEqual(local.map((m) => m.name).reverse());
    expect(await publicObjects()).toEqual(['_prisma_migrations', '_prisma_migrations_pkey']);
    expect(await migrateUp(database.url)).toEqual(local.map((m) => m.name));
    expect(await publicObjects()).toEqual(migrated);
  });
});

describe('drift between schema.prisma and the migrations', () => {
  it('finds none: every model change has its migration', async () => {
    expect(await diffMigrationsToSchema(testServerUrl, schemaPath, defaultMigrationsDir)).toBe('');
  });

  it('notices a field added to the schema without a migration', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'drift-'));
    try {
      const schema = await readFile(schemaPath, 'utf8');
      const drifted = schema.replace(/(model Workspace \{\n)/, '$1  description String?\n');
      expect(drifted).not.toBe(schema);
      await writeFile(path.join(dir, 'schema.prisma'), drifted);
      const diff = await diffMigrationsToSchema(testServerUrl, path.join(dir, 'schema.prisma'), defaultMigrationsDir);
      expect(diff).toMatch(/ALTER TABLE "workspaces" ADD COLUMN\s+"description" TEXT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

afterAll(async () => {
  // Shadow databases are the engine's own; make sure none outlived the run.
  const client = new pg.Client({ connectionString: testServerUrl });
  await client.connect();
  const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'`);
  await client.end();
  expect(rows).toEqual([]);
});
