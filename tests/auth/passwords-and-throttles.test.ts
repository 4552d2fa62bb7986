// Password guessing as an attacker tries it: many guesses at once, guesses
// through updateMe with a stolen token, mass sign-ups from one address, and the
// weak passwords tried first. Limits: 5 password attempts, 3 sign-ups per
// address, within 15 minutes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type Result, type TestApi } from '../support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ auth: { maxFailedSignIns: 5, maxSignUpsPerAddress: 3 } });
});
afterAll(async () => {
  await api?.close();
});

type Error = { message: string; extensions?: { code?: string; fields?: { path: string[]; message: string }[] } };
const password = 'a sturdy passphrase of mine';

async function call(query: string, variables: Record<string, unknown>, options: { peer?: string; token?: string } = {}) {
  return (await (await api.post(query, variables, options)).json()) as Result<Record<string, unknown>> & { errors?: Error[] };
}
const signUp = (email: string, pass: string, peer?: string) =>
  call('mutation($i: SignUpInput!) { signUp(input: $i) { token } }', { i: { email, password: pass, fullName: 'Guess Target' } }, { peer });
const logIn = (email: string, pass: string, peer: string) =>
  call('mutation($i: LogInInput!) { logIn(input: $i) { token } }', { i: { email, password: pass } }, { peer });
const code = (result: { errors?: Error[] }) => result.errors?.[0]?.extensions?.code ?? 'OK';

describe('password guesses', () => {
  it('lets at most the limit of 20 simultaneous guesses reach the password, and a right one among them does not reset the count', async () => {
    const email = 'concurrent@example.com';
    expect(code(await signUp(email, password))).toBe('OK');
    const guesses = Array.from({ length: 20 }, (_, i) => (i === 10 ? password : `wrong guess number ${i}`));
    // Each guess from its own address: only the email's count can stop them.
    const results = await Promise.all(guesses.map((guess, i) => logIn(email, guess, `198.51.100.${i + 1}`)));
    const codes = results.map(code);
    const checked = codes.filter((c) => c !== 'RATE_LIMITED');
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(15);
    expect(codes.every((c) => ['UNAUTHENTICATED', 'RATE_LIMITED', 'OK'].includes(c))).toBe(true);
    // The email stays locked, right password or not.
    expect(code(await logIn(email, password, '198.51.100.200'))).toBe('RATE_LIMITED');
  });

  it('throttles guesses at the current password through updateMe, sharing the sign-in budget', async () => {
    const email = 'stolen-token@example.com';
    const { data } = await signUp(email, password);
    const token = (data!.signUp as { token: string }).token;
    const change = (current: string) =>
      call(
        'mutation($i: UpdateMeInput!) { updateMe(input: $i) { email } }',
        { i: { currentPassword: current, newPassword: 'another sturdy passphrase' } },
        { token, peer: '203.0.113.50' },
      );
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) codes.push(code(await change(`not it ${i}`)));
    expect(codes).toEqual([
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
    expect((await change(password)).errors?.[0]).toMatchObject({
      message: 'Too many wrong passwords. Try again in 15 minutes.',
      extensions: { code: 'RATE_LIMITED' },
    });
    // Nor can the guesser turn to logIn for that account.
    expect(code(await logIn(email, password, '203.0.113.51'))).toBe('RATE_LIMITED');
  });

  it('gives a right password its attempt back: a user who mistypes now and then is not locked out', async () => {
    const email = 'mistyper@example.com';
    expect(code(await signUp(email, password))).toBe('OK');
    for (let round = 0; round < 4; round++) {
      expect(code(await logIn(email, 'fat fingers again', '192.0.2.10'))).toBe('UNAUTHENTICATED');
      expect(code(await logIn(email, password, '192.0.2.10'))).toBe('OK');
    }
  });
});

describe('sign-ups', () => {
  it('refuses more than the limit from one client address, and not from another', async () => {
    const peer = '203.0.113.77';
    for (let i = 0; i < 3; i++) expect(code(await signUp(`mass-${i}@example.com`, password, peer))).toBe('OK');
    const refused = await signUp('mass-3@example.com', password, peer);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'Too many sign-ups from this address. Try again in 15 minutes.',
      extensions: { code: 'RATE_LIMITED' },
    });
    expect(await api.db.prisma.user.count({ where: { email: 'mass-3@example.com' } })).toBe(0);
    expect(code(await signUp('mass-3@example.com', password, '203.0.113.78'))).toBe('OK');
  });

  it('refuses the passwords guessed first, saying why, and creates nothing', async () => {
    const email = 'weak.choice@example.com';
    const weak: [string, RegExp][] = [
      ['password', /most used/],
      ['Password123!', /most used/],
      ['qwertyuiop', /most used/],
      ['12345678', /run or a repetition/],
      ['87654321', /run or a repetition/],
      ['aaaaaaaa', /run or a repetition/],
      ['abababababab', /run or a repetition/],
      ['        ', /not spaces/],
      ['   a   b   c   ', /not spaces/],
      ['19840612', /12 digits/],
      [email, /email/],
      ['Weak.Choice', /email/],
      ['weak.choice2024', /email/],
    ];
    for (const [pass, reason] of weak) {
      const result = await signUp(email, pass, '192.0.2.200');
      expect(result.errors?.[0]?.extensions?.code, pass).toBe('VALIDATION_FAILED');
      expect(result.errors?.[0]?.extensions?.fields, pass).toEqual([
        { path: ['input', 'password'], message: expect.stringMatching(reason) },
      ]);
    }
    expect(await api.db.prisma.user.count({ where: { email } })).toBe(0);
    expect(code(await signUp(email, 'correct horse battery staple'))).toBe('OK');
  });

  it('refuses the email as a new password in updateMe too', async () => {
    const email = 'self.named@example.com';
    const { data } = await signUp(email, password);
    const token = (data!.signUp as { token: string }).token;
    const result = await call(
      'mutation($i: UpdateMeInput!) { updateMe(input: $i) { email } }',
      { i: { currentPassword: password, newPassword: email } },
      { token },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: ['input', 'newPassword'], message: 'must not be your email address' }],
    });
  });
});
