// Auth housekeeping and the client address used for throttling.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeStaleAuthRecords } from '../../src/auth/housekeeping.js';
import { createTestApi, type Result, type TestApi } from '../support/api.js';
import { createUser } from '../support/fixtures.js';

let api: TestApi;
let proxied: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  proxied = await createTestApi({ db: api.db, trustProxy: true, auth: { maxFailedSignIns: 2 } });
});
afterAll(async () => {
  await rm(proxied?.storage.root ?? '', { recursive: true, force: true });
  await api?.close();
});

describe('auth housekeeping', () => {
  it('deletes sessions ended more than a day ago and throttles that no longer block, and keeps the rest', async () => {
    const user = await createUser(api.db.prisma);
    const now = new Date();
    const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
    const session = (data: { expiresAt: Date; revokedAt?: Date }) =>
      api.db.prisma.session.create({ data: { userId: user.id, tokenHash: Math.random().toString(16).slice(2).padEnd(64, '0'), ...data } });
    const live = await session({ expiresAt: new Date(now.getTime() + 3_600_000) });
    const justExpired = await session({ expiresAt: ago(1) });
    await session({ expiresAt: ago(30) });
    await session({ expiresAt: new Date(now.getTime() + 3_600_000), revokedAt: ago(48) });
    await api.db.prisma.signInThrottle.createMany({
      data: [
        { key: 'email:old@example.com', failures: 2, windowStartedAt: ago(2) },
        { key: 'email:blocked@example.com', failures: 5, windowStartedAt: ago(2), blockedUntil: new Date(now.getTime() + 60_000) },
        { key: 'email:recent@example.com', failures: 1, windowStartedAt: ago(0.01) },
      ],
    });

    expect(await purgeStaleAuthRecords(api.db.prisma, { lockoutSeconds: 900 }, now)).toEqual({ sessions: 2, throttles: 1 });
    const sessions = await api.db.prisma.session.findMany({ where: { userId: user.id }, orderBy: { id: 'asc' } });
    expect(sessions.map((s) => s.id)).toEqual([live.id, justExpired.id]);
    const throttles = await api.db.prisma.signInThrottle.findMany({ orderBy: { key: 'asc' } });
    expect(throttles.map((t) => t.key)).toEqual(['email:blocked@example.com', 'email:recent@example.com']);
  });
});

describe('the client address behind a trusted proxy', () => {
  const logIn = async (server: TestApi, forwardedFor: string, email: string) => {
    const query = 'mutation($e: String!) { logIn(input: { email: $e, password: "wrong password" }) { token } }';
    const response = await server.post(query, { e: email }, { headers: { 'x-forwarded-for': forwardedFor }, peer: '10.0.0.2' });
    return (await response.json()) as Result<unknown>;
  };

  it('throttles each forwarded client on its own, not the proxy', async () => {
    for (let i = 0; i < 2; i++)
      expect((await logIn(proxied, '203.0.113.9, 10.0.0.2', `p${i}@example.com`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await logIn(proxied, '203.0.113.9', 'p9@example.com')).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await logIn(proxied, '198.51.100.4', 'p9@example.com')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ignores X-Forwarded-For unless told to trust it', async () => {
    // Not trusted: a forged header must not dodge the per-address limit of the real peer.
    await api.db.prisma.signInThrottle.create({
      data: { key: 'address:10.0.0.2', failures: 9, windowStartedAt: new Date(), blockedUntil: new Date(Date.now() + 60_000) },
    });
    expect((await logIn(api, '192.0.2.77', 'anyone@example.com')).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});
