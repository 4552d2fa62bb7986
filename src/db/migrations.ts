// The migrations folder in Prisma's layout: prisma/migrations/<name>/migration.sql,
// applied in name order. Each folder also holds down.sql, which undoes it.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Migration = {
  name: string;
  upSql: string;
  downSql: string | undefined;
  /** What Prisma stores in _prisma_migrations.checksum: sha256 hex of migration.sql. */
  checksum: string;
};

export const defaultMigrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

export async function readMigrations(dir: string = defaultMigrationsDir): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const upSql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      const downPath = path.join(dir, name, 'down.sql');
      const downSql = existsSync(downPath) ? await readFile(downPath, 'utf8') : undefined;
      return { name, upSql, downSql, checksum: createHash('sha256').update(upSql).digest('hex') };
    }),
  );
}
