// Writes the next migration: the SQL that takes prisma/migrations to
// schema.prisma, computed offline by Prisma's WebAssembly schema engine
// (it needs a PostgreSQL server for its shadow database: TEST_DATABASE_URL or
// 127.0.0.1:5432). Usage: npm run db:new-migration -- add_something
// With no name it only prints the pending SQL.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultMigrationsDir } from '../src/db/migrations.js';
import { diffMigrationsToSchema } from '../src/db/schema-engine.js';

const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const schemaPath = path.resolve(defaultMigrationsDir, '..', 'schema.prisma');
const name = process.argv[2];

async function main() {
  const sql = await diffMigrationsToSchema(serverUrl, schemaPath, defaultMigrationsDir);
  if (!sql) {
    console.log('schema.prisma and prisma/migrations agree; nothing to write.');
    return;
  }
  if (!name) {
    console.log(sql);
    return;
  }
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('Name the migration in snake_case: letters, digits and _.');
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(defaultMigrationsDir, `${stamp}_${name}`);
  await mkdir(dir);
  await writeFile(path.join(dir, 'migration.sql'), sql + '\n');
  // Deliberately not valid SQL: the migrations test fails until someone writes the real undo.
  await writeFile(path.join(dir, 'down.sql'), `-- Write the SQL that undoes ${stamp}_${name}/migration.sql.\nUNDO NOT WRITTEN YET;\n`);
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql; now write its down.sql.`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
