// With no DATABASE_URL the server runs on an embedded PostgreSQL persisted in
// its data folder: a newcomer needs nothing installed.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('the embedded default', () => {
  it('starts from an empty data folder, migrates, and keeps its data across restarts', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'datainsight-data-'));
    dirs.push(dataDir);
    expect(await readdir(dataDir)).toEqual([]);
    const config = loadConfig({ DATA_DIR: dataDir });
    const logger = createLogger('error');

    const first = await openDatabase(config, logger, { migrate: true });
    expect(first.server.embedded).toBe(true);
    const user = await first.prisma.user.create({ data: { email: 'new@example.com', passwordHash: 'h', fullName: 'Newcomer' } });
    await first.prisma.workspace.create({ data: { name: 'First', ownerId: user.id } });
    const duplicate = await first.prisma.user
      .create({ data: { email: 'new@example.com', passwordHash: 'h', fullName: 'Again' } })
      .catch((e) => e);
    expect(duplicate).toMatchObject({ code: 'CONFLICT', message: 'Email already exists' });
    await first.close();

    const second = await openDatabase(config, logger, { migrate: true });
    try {
      const stored = await second.prisma.user.findUniqueOrThrow({ where: { email: 'new@example.com' }, include: { workspaces: true } });
      expect(stored.workspaces.map((w) => w.name)).toEqual(['First']);
      const history = await second.pool.query('SELECT count(*)::int AS n FROM "_prisma_migrations"');
      expect(history.rows[0].n).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });
});
