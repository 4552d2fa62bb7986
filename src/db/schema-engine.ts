// Prisma's schema engine, compiled to WebAssembly, driven through the pg driver
// adapter. The CLI's native engine cannot be downloaded on offline machines;
// this one ships inside an npm package. Development-time only: it computes
// migration SQL and detects drift, it never runs in the server.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum, type SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { readMigrations } from './migrations.js';

const require = createRequire(import.meta.url);

let runtimePromise: Promise<typeof import('@prisma/schema-engine-wasm/schema_engine_bg')> | undefined;

// The ES2023 lib has no WebAssembly typings; this is the one call used.
const webAssembly = (
  globalThis as unknown as {
    // biome-ignore lint/suspicious/noExplicitAny: the engine's wasm-bindgen exports are untyped
    WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: any } }> };
  }
).WebAssembly;

// Node 20 cannot import .wasm as an ES module, so instantiate it by hand with
// the wasm-bindgen glue as its import object.
function loadRuntime() {
  runtimePromise ??= (async () => {
    const runtime = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'));
    const { instance } = await webAssembly.instantiate(bytes, { './schema_engine_bg.js': runtime });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return runtime;
  })();
  return runtimePromise;
}

export const noFilters = { externalTables: [], externalEnums: [] };

// The engine reads PostgreSQL's catalog, whose one-byte "char" columns
// (pg_class.relkind, pg_constraint.contype, ...) the pg adapter refuses as an
// unsupported type, while the engine expects them typed Character. So the pg
// client reports them as text with a marked name, and the adapter wrapper
// below restores the name and types the column Character.
const charOid = 18;
const textOid = 25;
const charMarker = '\u0000char';
type QueryResultLike = { fields?: { dataTypeID: number; name: string }[] };
function markCharFields<T>(result: T): T {
  for (const field of (result as QueryResultLike)?.fields ?? []) {
    if (field.dataTypeID === charOid) {
      field.dataTypeID = textOid;
      field.name += charMarker;
    }
  }
  return result;
}

type Queryable = Pick<SqlDriverAdapter, 'queryRaw'>;
function typeCharColumns<T extends Queryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    const charColumns = result.columnNames.map((name) => name.endsWith(charMarker));
    return {
      ...result,
      columnNames: result.columnNames.map((name, i) => (charColumns[i] ? name.slice(0, -charMarker.length) : name)),
      columnTypes: result.columnTypes.map((type, i) => (charColumns[i] ? ColumnTypeEnum.Character : type)),
    };
  };
  const transactional = queryable as unknown as Partial<Pick<SqlDriverAdapter, 'startTransaction'>>;
  if (transactional.startTransaction) {
    const start = transactional.startTransaction.bind(queryable);
    transactional.startTransaction = async (...args) => typeCharColumns(await start(...args));
  }
  return queryable;
}

class CatalogReadingClient extends pg.Client {
  // pg.Client.query has many overloads; this one only post-processes results.
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; this forwards them all
  override query(...args: unknown[]): any {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => last(error, markCharFields(result));
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    return returned instanceof Promise ? returned.then(markCharFields) : returned;
  }
}

/** A schema engine bound to the server at `connectionString` (shadow databases are created there). */
export async function openSchemaEngine(connectionString: string, schema: string): Promise<SchemaEngine> {
  const runtime = await loadRuntime();
  // pg lets a connectionString override `database`, which would point the
  // shadow database at the real one; pass the parts instead.
  const url = new URL(connectionString);
  const poolConfig = {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    database: url.pathname.slice(1) || undefined,
    Client: CatalogReadingClient,
  };
  const factory = new PrismaPg(poolConfig);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => typeCharColumns(await connect());
  // adapter-pg's own shadow database is dropped before its pool is closed,
  // which PostgreSQL refuses; close the pool first, then drop.
  factory.connectToShadowDb = async () => {
    const admin = await factory.connect();
    const database = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = typeCharColumns(await new PrismaPg({ ...poolConfig, database }).connect());
    // adapter-pg splits scripts on every ";", even inside comments and
    // function bodies; PostgreSQL takes the whole script as one simple query.
    shadow.executeScript = async (script) => {
      await (shadow.underlyingDriver() as pg.Pool).query(script);
    };
    const closeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await closeShadow();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  };
  return runtime.SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
}

/**
 * SQL that takes a database from the state of `prisma/migrations` to the state
 * of `schema.prisma` (what `prisma migrate diff --from-migrations --to-schema`
 * prints); empty when they agree.
 */
export async function diffMigrationsToSchema(connectionString: string, schemaPath: string, migrationsDir: string) {
  const schema = await readFile(schemaPath, 'utf8');
  const migrations = await readMigrations(migrationsDir);
  const engine = await openSchemaEngine(connectionString, schema);
  try {
    const result = await engine.diff({
      from: {
        tag: 'migrations',
        baseDir: migrationsDir,
        lockfile: { path: 'migration_lock.toml', content: await readFile(path.join(migrationsDir, 'migration_lock.toml'), 'utf8') },
        shadowDbInitScript: '',
        migrationDirectories: migrations.map((m) => ({
          path: m.name,
          migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.upSql } },
        })),
      },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return (result.stdout ?? '').replace(/^-- This is an empty migration\.\s*$/m, '').trim();
  } finally {
    engine.free();
  }
}
