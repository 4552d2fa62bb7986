// The seed's session management: a pool sized and recycled as configured,
// surviving a database restart, and a start-up that waits for the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForDatabase } from '../../src/db/database-server.js';
import { PrePingPool } from '../../src/db/pool.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { TcpProxy } from '../support/tcp-proxy.js';

let db: TestDatabase;
let proxy: TcpProxy;
const quiet = createLogger('error');

beforeAll(async () => {
  db = await createTestDatabase();
  const target = new URL(db.url);
  proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  await proxy.start();
});
afterAll(async () => {
  await proxy?.stop();
  await db?.close();
});

const backendPid = async (pool: PrePingPool) => (await pool.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;

describe('the connection pool', () => {
  it('opens at most pool size + max overflow connections', async () => {
    const pool = new PrePingPool({ url: db.url, poolSize: 1, maxOverflow: 2, recycleSeconds: 3600 });
    try {
      const pids = await Promise.all(
        Array.from({ length: 6 }, () => pool.query('SELECT pg_backend_pid() AS pid, pg_sleep(0.2)').then((r) => r.rows[0].pid)),
      );
      expect(new Set(pids).size).toBe(3);
    } finally {
      await pool.end();
    }
  });

  it('replaces a connection once it is older than the recycle time', async () => {
    const pool = new PrePingPool({ url: db.url, poolSize: 1, maxOverflow: 0, recycleSeconds: 1 });
    try {
      const first = await backendPid(pool);
      expect(await backendPid(pool)).toBe(first);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await backendPid(pool)).not.toBe(first);
    } finally {
      await pool.end();
    }
  });

  it('hands out a live connection after the database dropped every connection', async () => {
    const pool = new PrePingPool(
      { url: proxy.urlFor(db.url), poolSize: 2, maxOverflow: 0, recycleSeconds: 3600, prePingAfterIdleMs: 0 },
      quiet,
    );
    try {
      const before = await backendPid(pool);
      proxy.cutConnections();
      expect(await backendPid(pool)).not.toBe(before);
    } finally {
      await pool.end();
    }
  });

  it('retries a checkout with backoff while the database restarts', async () => {
    const pool = new PrePingPool({ url: proxy.urlFor(db.url), poolSize: 1, maxOverflow: 0, recycleSeconds: 3600 }, quiet);
    try {
      await backendPid(pool);
      await proxy.stop();
      await new Promise((r) => setTimeout(r, 50)); // the pool sees its connection close
      const restarted = new Promise((r) => setTimeout(r, 250)).then(() => proxy.start());
      const query = backendPid(pool);
      await restarted;
      expect(await query).toBeGreaterThan(0);
    } finally {
      await pool.end();
    }
  });
});

describe('start-up', () => {
  it('waits for a database that comes up late', async () => {
    await proxy.stop();
    const started = Date.now();
    const restarted = new Promise((r) => setTimeout(r, 1_000)).then(() => proxy.start());
    await waitForDatabase(proxy.urlFor(db.url), 20, quiet);
    await restarted;
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it('gives up with the connection error once the timeout has passed', async () => {
    await proxy.stop();
    try {
      await expect(waitForDatabase(proxy.urlFor(db.url), 1, quiet)).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      await proxy.start();
    }
  });

  it('does not retry what waiting cannot fix: a database that does not exist', async () => {
    const url = new URL(db.url);
    url.pathname = '/no_such_database_here';
    const started = Date.now();
    await expect(waitForDatabase(url.toString(), 30, quiet)).rejects.toThrow(/does not exist/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('DATABASE_ECHO', () => {
  it('logs every SQL statement, without its parameters', async () => {
    const lines: string[] = [];
    const { createPrismaClient } = await import('../../src/db/client.js');
    const pool = new PrePingPool({ url: db.url, poolSize: 1, maxOverflow: 0, recycleSeconds: 3600 });
    const prisma = createPrismaClient(pool, { echo: true, logger: createLogger('info', (line) => lines.push(line)) });
    try {
      await prisma.user.findMany({ where: { email: 'secret-parameter@example.com' } });
      const logged = lines.map((line) => JSON.parse(line) as { message: string; query?: string });
      expect(logged.some((l) => l.message === 'sql' && /SELECT .* FROM "public"\."users"/.test(l.query ?? ''))).toBe(true);
      expect(lines.join('\n')).not.toContain('secret-parameter@example.com');
    } finally {
      await prisma.$disconnect();
      await pool.end();
    }
  });
});
