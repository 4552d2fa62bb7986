// Cross-origin access as a browser asks for it: only configured origins get
// CORS headers, none gets credentials, and CORS_ORIGINS is read and checked.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createTestApi, type TestApi } from '../support/api.js';

let listed: TestApi;
let any: TestApi;
beforeAll(async () => {
  listed = await createTestApi({ corsOrigins: ['https://app.example.com', 'http://localhost:5173'] });
  any = await createTestApi({ db: listed.db, corsOrigins: '*' });
});
afterAll(async () => {
  await any?.analyses.close();
  await rm(any?.storage.root ?? '', { recursive: true, force: true });
  await listed?.close();
});

const ask = (api: TestApi, origin: string, method = 'POST') =>
  api.yoga.fetch('http://localhost/graphql', {
    method,
    headers:
      method === 'OPTIONS'
        ? { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' }
        : { origin, 'content-type': 'application/json' },
    body: method === 'OPTIONS' ? undefined : JSON.stringify({ query: '{ __typename }' }),
  });

describe('CORS', () => {
  it('answers a listed origin with its own name and no credentials, preflight included', async () => {
    const response = await ask(listed, 'https://app.example.com');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After');
    const preflight = await ask(listed, 'http://localhost:5173', 'OPTIONS');
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  });

  it('gives an origin that is not listed no CORS headers at all', async () => {
    for (const method of ['POST', 'OPTIONS']) {
      const response = await ask(listed, 'https://evil.example.net', method);
      expect(response.headers.get('access-control-allow-origin'), method).toBeNull();
      expect(response.headers.get('access-control-allow-credentials'), method).toBeNull();
    }
  });

  it('with *, answers any origin, still without credentials', async () => {
    const response = await ask(any, 'https://anywhere.example.org');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://anywhere.example.org');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('reads CORS_ORIGINS: same origin only by default in production, any in development, and refuses what is not an origin', () => {
    const production = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) };
    expect(loadConfig(production).corsOrigins).toEqual([]);
    expect(loadConfig({}).corsOrigins).toBe('*');
    expect(loadConfig({ ...production, CORS_ORIGINS: 'https://a.example.com, https://b.example.com:8443' }).corsOrigins).toEqual([
      'https://a.example.com',
      'https://b.example.com:8443',
    ]);
    expect(loadConfig({ ...production, CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example.com/app' })).toThrow(ConfigError);
    expect(() => loadConfig({ CORS_ORIGINS: 'app.example.com' })).toThrow(/CORS_ORIGINS: must be \* or comma-separated origins/);
  });
});
