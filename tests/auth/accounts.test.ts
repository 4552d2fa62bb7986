// The account lifecycle through HTTP: sign-up, sign-in, the token, changes to
// one's account, sign-out; expiry, revocation, inactive users and throttling.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuthSecret } from '../../src/auth/secret.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { graphql } from '../gql/index.js';
import { createTestApi, decodeId, type Result, type TestApi } from '../support/api.js';

let api: TestApi;
const logLines: string[] = [];
beforeAll(async () => {
  const { createLogger } = await import('../../src/logger.js');
  api = await createTestApi({ logger: createLogger('debug', (line) => logLines.push(line)), auth: { maxFailedSignIns: 3 } });
});
afterAll(async () => {
  await api?.close();
});

const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) { token expiresAt user { id email fullName isActive } }
  }
`);
const LogIn = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) { token user { email } }
  }
`);
const LogOut = graphql(`
  mutation LogOut { logOut }
`);
const Me = graphql(`
  query Me { viewer { id email fullName } }
`);
const UpdateMe = graphql(`
  mutation UpdateMe($input: UpdateMeInput!) {
    updateMe(input: $input) { email fullName }
  }
`);

const password = 'correct horse battery staple';

async function signUp(email: string, fullName = 'Grace Hopper') {
  const result = await api.runWithToken(SignUp, { input: { email, password, fullName } }, undefined);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.signUp;
}

const me = (token: string | undefined) => api.runWithToken(Me, {}, token);

describe('the account lifecycle', () => {
  it('signs up, signs in with any letter case, changes the account, and signs out', async () => {
    const signedUp = await signUp('  Grace@Example.COM ');
    expect(signedUp.user).toMatchObject({ email: 'grace@example.com', fullName: 'Grace Hopper', isActive: true });
    expect(new Date(signedUp.expiresAt).getTime()).toBeGreaterThan(Date.now() + 3_000_000);
    expect((await me(signedUp.token)).data?.viewer.email).toBe('grace@example.com');

    const duplicate = await api.runWithToken(SignUp, { input: { email: 'GRACE@example.com', password, fullName: 'Again' } }, undefined);
    expect(duplicate.errors?.[0]).toMatchObject({ message: 'Email already exists', extensions: { code: 'CONFLICT' } });

    const logIn = await api.runWithToken(LogIn, { input: { email: 'GRACE@EXAMPLE.com', password } }, undefined);
    const second = logIn.data!.logIn.token;
    expect(second).not.toBe(signedUp.token);

    const renamed = await api.runWithToken(UpdateMe, { input: { fullName: 'Rear Admiral Hopper', email: 'G.Hopper@Example.com' } }, second);
    expect(renamed.data?.updateMe).toEqual({ email: 'g.hopper@example.com', fullName: 'Rear Admiral Hopper' });

    expect((await api.runWithToken(LogOut, {}, second)).data?.logOut).toBe(true);
    expect((await me(second)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The other session is untouched.
    expect((await me(signedUp.token)).data?.viewer.fullName).toBe('Rear Admiral Hopper');
  });

  it('refuses an email change to an address that is taken', async () => {
    await signUp('taken@example.com');
    const other = await signUp('mover@example.com');
    const result = await api.runWithToken(UpdateMe, { input: { email: 'TAKEN@example.com' } }, other.token);
    expect(result.errors?.[0]).toMatchObject({ message: 'Email already exists', extensions: { code: 'CONFLICT' } });
  });

  it('changes the password only with the current one, and ends every other session', async () => {
    const first = await signUp('rotate@example.com');
    const second = (await api.runWithToken(LogIn, { input: { email: 'rotate@example.com', password } }, undefined)).data!.logIn.token;

    const without = await api.runWithToken(UpdateMe, { input: { newPassword: 'a brand new secret' } }, second);
    expect(without.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: ['input', 'currentPassword'] }] });
    const wrong = await api.runWithToken(
      UpdateMe,
      { input: { newPassword: 'a brand new secret', currentPassword: 'nope nope nope' } },
      second,
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');

    const changed = await api.runWithToken(UpdateMe, { input: { newPassword: 'a brand new secret', currentPassword: password } }, second);
    expect(changed.errors).toBeUndefined();
    expect((await me(first.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await me(second)).data?.viewer.email).toBe('rotate@example.com');

    const old = await api.runWithToken(LogIn, { input: { email: 'rotate@example.com', password } }, undefined);
    expect(old.errors?.[0]).toMatchObject({ message: 'Email or password is incorrect', extensions: { code: 'UNAUTHENTICATED' } });
    const fresh = await api.runWithToken(LogIn, { input: { email: 'rotate@example.com', password: 'a brand new secret' } }, undefined);
    expect(fresh.data?.logIn.user.email).toBe('rotate@example.com');
  });

  it('validates sign-up input field by field and creates nothing', async () => {
    const result = await api.runWithToken(SignUp, { input: { email: 'not-an-email', password: 'short', fullName: ' ' } }, undefined);
    expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(result.errors?.[0]?.extensions?.fields?.map((f) => f.path.join('.')).sort()).toEqual([
      'input.email',
      'input.fullName',
      'input.password',
    ]);
    expect(await api.db.prisma.user.count({ where: { email: 'not-an-email' } })).toBe(0);
  });

  it('stores only a scrypt hash of the password and never returns or logs it', async () => {
    const secretPassword = 'a very distinctive passphrase 8723';
    const result = await api.runWithToken(
      SignUp,
      { input: { email: 'hash@example.com', password: secretPassword, fullName: 'Hash' } },
      undefined,
    );
    expect(JSON.stringify(result)).not.toContain(secretPassword);
    const stored = await api.db.prisma.user.findUniqueOrThrow({ where: { email: 'hash@example.com' } });
    expect(stored.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored.passwordHash).not.toContain(secretPassword);
    const sessions = await api.db.prisma.session.findMany({ where: { userId: stored.id } });
    expect(sessions.map((s) => s.tokenHash)).not.toContain(result.data!.signUp.token);
    expect(logLines.join('\n')).not.toContain(secretPassword);
  });
});

describe('tokens', () => {
  it('stop working when they expire', async () => {
    const { token, user } = await signUp('expiring@example.com');
    await api.db.prisma.session.updateMany({ where: { userId: decodeId(user.id) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await me(token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stop working when the user is deactivated, and a deactivated user cannot sign in', async () => {
    const { token } = await signUp('leaving@example.com');
    await api.db.prisma.user.update({ where: { email: 'leaving@example.com' }, data: { isActive: false } });
    expect((await me(token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const logIn = await api.runWithToken(LogIn, { input: { email: 'leaving@example.com', password } }, undefined);
    expect(logIn.errors?.[0]).toMatchObject({ message: 'This account is deactivated', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('mean nothing when forged or malformed', async () => {
    for (const token of ['dip_forged', 'not-even-close', 'dip_' + 'A'.repeat(43)]) {
      expect((await me(token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('sign-in throttling', () => {
  it('refuses an email for a while after repeated failures, even with the right password', async () => {
    await signUp('target@example.com');
    for (let i = 0; i < 3; i++) {
      const failed = await api.runWithToken(LogIn, { input: { email: 'target@example.com', password: `wrong guess ${i}` } }, undefined);
      expect(failed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await api.runWithToken(LogIn, { input: { email: 'target@example.com', password } }, undefined);
    expect(blocked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0]?.message).toMatch(/Too many failed sign-ins\. Try again in 15 minutes\./);
  });

  it('refuses a client address that keeps failing across emails', async () => {
    const from = async (address: string, email: string, pass: string) => {
      const query = 'mutation($e: String!, $p: String!) { logIn(input: { email: $e, password: $p }) { token } }';
      return (await (await api.post(query, { e: email, p: pass }, { peer: address })).json()) as Result<unknown>;
    };
    await signUp('innocent@example.com');
    for (let i = 0; i < 3; i++) {
      expect((await from('203.0.113.7', `nobody${i}@example.com`, 'guessing')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await from('203.0.113.7', 'innocent@example.com', password)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await from('198.51.100.1', 'innocent@example.com', password)).errors).toBeUndefined();
  });
});

describe('the auth secret', () => {
  it('is required in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/x' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/x' })).toThrow(/AUTH_SECRET: required in production/);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) }).auth.secret).toBe('x'.repeat(32));
  });

  it('is generated once outside production and kept in the data folder, readable by its owner only', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'secret-'));
    try {
      const config = loadConfig({ DATA_DIR: dataDir });
      const first = await loadAuthSecret(config);
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(await loadAuthSecret(config)).toBe(first);
      expect((await readFile(path.join(dataDir, 'auth-secret'), 'utf8')).trim()).toBe(first);
      expect((await stat(path.join(dataDir, 'auth-secret'))).mode & 0o777).toBe(0o600);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
