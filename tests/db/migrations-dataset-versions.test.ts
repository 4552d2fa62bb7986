// The dataset_versions migration on a database that already holds data: every
// existing dataset gets its current file as version 1 and every analysis that
// version; its down.sql takes the database back to where it was, data and all.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, readMigrations } from '../../src/db/migrations.js';
import { migrateDown, migrateUp } from '../../src/db/migrator.js';
import { createEmptyDatabase, type EmptyDatabase } from '../support/test-database.js';

const MIGRATION = '20261204023923_dataset_versions';

let database: EmptyDatabase;
let client: pg.Client;
/** prisma/migrations up to the one before this migration, and up to this one (later ones may follow it). */
let before: string;
let upTo: string;

async function migrationsThrough(names: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'migrations-'));
  for (const name of names) await cp(path.join(defaultMigrationsDir, name), path.join(dir, name), { recursive: true });
  return dir;
}

beforeAll(async () => {
  const names = (await readMigrations()).map((m) => m.name);
  expect(names).toContain(MIGRATION);
  before = await migrationsThrough(names.slice(0, names.indexOf(MIGRATION)));
  upTo = await migrationsThrough(names.slice(0, names.indexOf(MIGRATION) + 1));
  database = await createEmptyDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await database?.drop();
  for (const dir of [before, upTo]) if (dir) await rm(dir, { recursive: true, force: true });
});

const rows = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as T[];

const columnsOf = async (table: string) =>
  (
    await rows<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    )
  ).map((r) => r.column_name);

/** Tables, indexes, sequences, constraints' indexes, enums and functions of the public schema. */
const publicObjects = async () =>
  (
    await rows<{ name: string }>(`
      SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
      UNION ALL SELECT conname::text FROM pg_constraint WHERE connamespace = 'public'::regnamespace
      UNION ALL SELECT t.typname::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' AND t.typtype = 'e'
      ORDER BY 1`)
  ).map((r) => r.name);

describe(`migration ${MIGRATION}`, () => {
  let datasets: Record<string, unknown>[];
  let objectsBefore: string[];
  let ids: { user: number; described: number; bare: number; analyses: number[] };

  it('finds a database, migrated up to it, holding datasets and analyses written as the seed writes them', async () => {
    await migrateUp(database.url, before);
    expect(await columnsOf('dataset_versions')).toEqual([]);
    objectsBefore = await publicObjects();

    const [user] = await rows<{ id: number }>(
      `INSERT INTO users (email, password_hash, full_name) VALUES ('ada@example.com', 'x', 'Ada') RETURNING id`,
    );
    const [workspace] = await rows<{ id: number }>(`INSERT INTO workspaces (name, owner_id) VALUES ('W', $1) RETURNING id`, [user!.id]);
    // One with everything an upload records, one as the seed alone describes a dataset.
    const [described] = await rows<{ id: number }>(
      `INSERT INTO datasets (name, file_path, file_size, row_count, column_count, original_filename, file_format, sha256, columns,
                             workspace_id, uploaded_by, uploaded_at)
       VALUES ('titanic', 'ab/cd/one', 61194, 891, 2, 'titanic.csv', 'csv', repeat('a', 64),
               '[{"position": 0, "name": "a", "originalName": "a"}, {"position": 1, "name": "b", "originalName": "b"}]',
               $1, $2, '2026-01-02T03:04:05.123456Z') RETURNING id`,
      [workspace!.id, user!.id],
    );
    const [bare] = await rows<{ id: number }>(
      `INSERT INTO datasets (name, file_path, file_size, workspace_id, uploaded_by) VALUES ('old', 'ef/gh/two', 10, $1, $2) RETURNING id`,
      [workspace!.id, user!.id],
    );
    const analyses = await rows<{ id: number }>(
      `INSERT INTO analyses (dataset_id, goal_type) VALUES ($1, 'general_audit'), ($1, 'ml_preparation'), ($2, 'exploratory') RETURNING id`,
      [described!.id, bare!.id],
    );
    ids = { user: user!.id, described: described!.id, bare: bare!.id, analyses: analyses.map((a) => a.id) };
    datasets = await rows(`SELECT * FROM datasets ORDER BY id`);
  });

  it('applies: each dataset’s current file becomes its version 1, and each analysis analysed it', async () => {
    expect(await migrateUp(database.url, upTo)).toEqual([MIGRATION]);
    const versions = await rows<Record<string, unknown>>(
      `SELECT dataset_id, version, file_path, file_size::text, sha256, original_filename, file_format::text, row_count, column_count,
              columns, uploaded_by, uploaded_at FROM dataset_versions ORDER BY dataset_id`,
    );
    expect(versions).toEqual(
      datasets.map((d) => ({
        dataset_id: d.id,
        version: 1,
        file_path: d.file_path,
        file_size: d.file_size,
        sha256: d.sha256,
        original_filename: d.original_filename,
        file_format: d.file_format,
        row_count: d.row_count,
        column_count: d.column_count,
        columns: d.columns,
        uploaded_by: d.uploaded_by,
        uploaded_at: d.uploaded_at,
      })),
    );
    expect(versions[1]).toMatchObject({ dataset_id: ids.bare, sha256: null, columns: null, row_count: null });
    const linked = await rows<{ id: number; dataset_id: number; version: number }>(
      `SELECT a.id, a.dataset_id, v.version FROM analyses a JOIN dataset_versions v ON v.id = a.dataset_version_id AND v.dataset_id = a.dataset_id
        ORDER BY a.id`,
    );
    expect(linked.map((a) => a.id)).toEqual(ids.analyses);
    expect(linked.every((a) => a.version === 1)).toBe(true);
    // The datasets themselves are untouched.
    expect(await rows(`SELECT * FROM datasets ORDER BY id`)).toEqual(datasets);
  });

  it('keeps a version while analyses of it exist, and deletes versions and analyses with their dataset', async () => {
    await client.query('BEGIN');
    try {
      await expect(client.query(`DELETE FROM dataset_versions WHERE dataset_id = $1`, [ids.described])).rejects.toThrow(
        /analyses_dataset_version_id_fkey/,
      );
    } finally {
      await client.query('ROLLBACK');
    }
    await client.query('BEGIN');
    try {
      await client.query(`DELETE FROM datasets WHERE id = $1`, [ids.described]);
      expect(await rows(`SELECT id FROM dataset_versions WHERE dataset_id = $1`, [ids.described])).toEqual([]);
      expect(await rows(`SELECT id FROM analyses WHERE dataset_id = $1`, [ids.described])).toEqual([]);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('rolls back to the database it found, data included, and applies again', async () => {
    expect(await migrateDown(database.url, 1, upTo)).toEqual([MIGRATION]);
    expect(await columnsOf('dataset_versions')).toEqual([]);
    expect(await columnsOf('analyses')).not.toContain('dataset_version_id');
    expect(await publicObjects()).toEqual(objectsBefore);
    expect(await rows(`SELECT * FROM datasets ORDER BY id`)).toEqual(datasets);
    expect((await rows<{ id: number }>(`SELECT id FROM analyses ORDER BY id`)).map((a) => a.id)).toEqual(ids.analyses);

    expect(await migrateUp(database.url, upTo)).toEqual([MIGRATION]);
    const [count] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM dataset_versions`);
    expect(count?.n).toBe(2);
  });
});
