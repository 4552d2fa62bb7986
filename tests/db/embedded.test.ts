// With no DATABASE_URL the server runs on an embedded PostgreSQL persisted in
// its data folder: a newcomer needs nothing installed.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createReadStream } from 'node:fs';
import { startAnalyses } from '../../src/analyses/setup.js';
import { Accounts } from '../../src/auth/accounts.js';
import { loadConfig } from '../../src/config.js';
import { createStorage } from '../../src/datasets/create-storage.js';
import { openDatabase } from '../../src/db/database.js';
import { createGraphQLServer } from '../../src/graphql/yoga.js';
import { createLogger } from '../../src/logger.js';
import { encodeId, testAuthSettings } from '../support/api.js';

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

  it('runs analyses in-process, with their events, on the embedded database', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'datainsight-data-'));
    dirs.push(dataDir);
    const config = loadConfig({ DATA_DIR: dataDir, ANALYSIS_HEARTBEAT_INTERVAL: '0.5', ANALYSIS_STALE_AFTER: '3', PROFILER_THREADS: '1' });
    const logger = createLogger('error');
    const db = await openDatabase(config, logger, { migrate: true });
    const storage = await createStorage(config);
    const analyses = await startAnalyses(config, db, storage, logger, { runWorker: true });
    try {
      const auth = testAuthSettings();
      const yoga = createGraphQLServer({ db, logger, auth, storage, uploads: { maxBytes: 1024 ** 2, maxLineBytes: 1024 ** 2 }, analyses });
      const user = await db.prisma.user.create({ data: { email: 'solo@example.com', passwordHash: 'h', fullName: 'Solo' } });
      const workspace = await db.prisma.workspace.create({
        data: { name: 'Mine', ownerId: user.id, members: { create: { userId: user.id, role: 'OWNER' } } },
      });
      const stored = await storage.put(createReadStream(path.resolve(import.meta.dirname, '../../../shared/datasets/tips.csv')), {
        maxBytes: 1024 ** 2,
      });
      const dataset = await db.prisma.dataset.create({
        data: { name: 'tips', filePath: stored.path, fileSize: stored.size, workspaceId: workspace.id, uploadedBy: user.id },
      });
      const { token } = await new Accounts(db, auth).startSession(user.id);
      const post = (query: string, accept = 'application/json') =>
        yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
      const started = (await (
        await post(`mutation { startAnalysis(datasetId: "${encodeId('Dataset', dataset.id)}", goalType: GENERAL_AUDIT) { id } }`)
      ).json()) as {
        data: { startAnalysis: { id: string } };
      };
      // Followed to the end over SSE: the events never leave the process.
      const stream = await (
        await post(`subscription { analysisUpdated(id: "${started.data.startAnalysis.id}") { status } }`, 'text/event-stream')
      ).text();
      expect(stream).toMatch(/"status":"RUNNING"/);
      expect(stream).toMatch(/"status":"COMPLETED"/);
      const done = await db.prisma.analysis.findFirstOrThrow({ include: { _count: { select: { columnProfiles: true } } } });
      expect(done).toMatchObject({ status: 'COMPLETED', attempts: 1, _count: { columnProfiles: 7 } });
    } finally {
      await analyses.close();
      await db.close();
    }
  }, 60_000);
});
