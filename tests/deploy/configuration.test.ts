// The compiled entry points meeting a bad or partial configuration, as an
// operator runs them: a configuration error is its message alone and exit
// code 1; a migration needs the database only, not the auth secret.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, type EmptyDatabase } from '../support/test-database.js';

const root = path.resolve(import.meta.dirname, '../..');

let database: EmptyDatabase;
beforeAll(async () => {
  database = await createEmptyDatabase();
});
afterAll(async () => {
  await database?.drop();
});

function run(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env: { PATH: process.env.PATH!, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('configuration at the entry points', () => {
  it('refuses to serve in production without AUTH_SECRET: the message alone, exit code 1', async () => {
    const result = await run('dist/server.js', [], { NODE_ENV: 'production', DATABASE_URL: database.url });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('Invalid configuration:\n  AUTH_SECRET: required in production (at least 32 random characters)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names every bad variable at once, without a stack trace', async () => {
    const result = await run('dist/server.js', [], { PORT: 'eighty', DATABASE_URL: 'mysql://db/x', CORS_ORIGINS: 'nowhere' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Invalid configuration:\n/);
    expect(result.stderr).toMatch(/PORT: /);
    expect(result.stderr).toMatch(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(result.stderr).toMatch(/CORS_ORIGINS: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('migrates a production database without AUTH_SECRET', async () => {
    const result = await run('dist/db/migrate-cli.js', ['up'], { NODE_ENV: 'production', DATABASE_URL: database.url, LOG_LEVEL: 'info' });
    expect(result.stderr + result.stdout).toMatch(/migrations applied/);
    expect(result.code).toBe(0);
    const again = await run('dist/db/migrate-cli.js', ['up'], { NODE_ENV: 'production', DATABASE_URL: database.url, LOG_LEVEL: 'info' });
    expect(again.stderr + again.stdout).toMatch(/no pending migrations/);
  });
});
