// A database outage as clients meet it: the server reaches PostgreSQL through
// a proxy that the test takes away and brings back. Every answer meanwhile is
// UNAVAILABLE with Retry-After (HTTP 503 when nothing of the request could be
// answered), /ready says 503, and the same requests work once it is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../src/db/client.js';
import { PrePingPool } from '../../src/db/pool.js';
import { createGraphQLServer } from '../../src/graphql/yoga.js';
import { createLogger } from '../../src/logger.js';
import { createTestApi, type TestApi } from '../support/api.js';
import { createUser } from '../support/fixtures.js';
import { TcpProxy } from '../support/tcp-proxy.js';

let api: TestApi;
let proxy: TcpProxy;
let pool: PrePingPool;
let served: ReturnType<typeof createGraphQLServer>;
let token: string;
let email: string;
const logged: string[] = [];

beforeAll(async () => {
  api = await createTestApi();
  const target = new URL(api.db.url);
  proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  await proxy.start();
  pool = new PrePingPool({ url: proxy.urlFor(api.db.url), poolSize: 2, maxOverflow: 0, recycleSeconds: 3600, prePingAfterIdleMs: 0 });
  const logger = createLogger('warn', (line) => logged.push(line));
  served = createGraphQLServer({
    db: { pool, prisma: createPrismaClient(pool, { echo: false, logger }) },
    logger,
    auth: api.auth,
    storage: api.storage,
    uploads: { maxBytes: 1024, maxLineBytes: 1024 },
    analyses: api.analyses,
  });
  const user = await createUser(api.db.prisma);
  email = user.email;
  token = await api.tokenFor(user.id);
});
afterAll(async () => {
  await proxy?.stop();
  await pool?.end();
  await api?.close();
});

const post = (query: string, headers: Record<string, string> = {}) =>
  served.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

const signedIn = () => post('{ viewer { email workspaces(first: 5) { totalCount } } }', { authorization: `Bearer ${token}` });
const logIn = () => post(`mutation { logIn(input: { email: "${email}", password: "wrong password" }) { token } }`);

describe('while the database is unreachable', () => {
  it('answers UNAVAILABLE with Retry-After, 503 for whole requests, and /ready 503; all answer again once it is back', async () => {
    expect((await signedIn()).status).toBe(200);
    await proxy.stop();
    try {
      // The token cannot be checked: nothing of the request can be answered.
      const viewer = await signedIn();
      expect(viewer.status).toBe(503);
      expect(viewer.headers.get('retry-after')).toBe('5');
      const body = (await viewer.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors.map((e) => e.extensions.code)).toEqual(['UNAVAILABLE']);
      expect(body.errors[0]!.message).toBe('The database is unavailable; retry in a few seconds.');
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\bport\b/);

      // A root field (no token needed to reach it) fails the same way.
      const signIn = await logIn();
      expect(signIn.status).toBe(503);
      expect(signIn.headers.get('retry-after')).toBe('5');
      expect(((await signIn.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAVAILABLE');

      expect((await served.fetch('http://localhost/ready')).status).toBe(503);
      // Logged as the outage it is, never as a bug.
      expect(logged.some((line) => /"level":"error"/.test(line))).toBe(false);
      expect(logged.some((line) => /database unavailable/.test(line))).toBe(true);
    } finally {
      await proxy.start();
    }
    expect((await served.fetch('http://localhost/ready')).status).toBe(200);
    const again = await signedIn();
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ data: { viewer: { email, workspaces: { totalCount: 0 } } } });
  });
});
