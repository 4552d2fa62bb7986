// No Docker engine runs on the build machines, so the deployment files are
// checked as data: the services, ports and environment they declare.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';

const root = new URL('../../', import.meta.url);
const compose = parse(await readFile(new URL('docker-compose.yml', root), 'utf8'));
const dockerfile = await readFile(new URL('Dockerfile', root), 'utf8');

describe('docker-compose.yml', () => {
  it('runs PostgreSQL 16 with a volume for its data and a health check', () => {
    const db = compose.services.db;
    expect(db.image).toMatch(/^postgres:16(\.|$|-)/);
    expect(db.volumes).toContainEqual(expect.stringMatching(/^pgdata:\/var\/lib\/postgresql\/data$/));
    expect(compose.volumes).toHaveProperty('pgdata');
    expect(db.healthcheck.test.join(' ')).toMatch(/pg_isready/);
  });

  it('builds the API from the Dockerfile and starts it only once the database is healthy', () => {
    const api = compose.services.api;
    expect(api.build).toBe('.');
    expect(api.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(api.ports).toContain('4000:4000');
    expect(dockerfile).toMatch(/^EXPOSE 4000$/m);
  });

  it('gives the API a configuration the server accepts, pointing at the db service', () => {
    // What `docker compose` substitutes from the operator's .env.
    const substitute = (value: string) =>
      value.replace('${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}', 'pw').replace(/\$\{AUTH_SECRET:\?[^}]*\}/, 'x'.repeat(40));
    const env = Object.fromEntries(
      Object.entries(compose.services.api.environment as Record<string, string>).map(([k, v]) => [k, substitute(v)]),
    );
    const config = loadConfig(env);
    expect(new URL(config.database.url!).host).toBe('db:5432');
    expect(config.nodeEnv).toBe('production');
    expect(config.database).toMatchObject({ poolSize: 10, maxOverflow: 20, recycleSeconds: 3600, echo: false });
    expect(config.port).toBe(4000);
  });

  it('runs a standalone analysis worker on the same database and the same files as the API', () => {
    const worker = compose.services.worker;
    expect(worker.build).toBe('.');
    expect(worker.command).toEqual(['node', 'dist/worker.js']);
    expect(worker.volumes).toEqual(compose.services.api.volumes);
    expect(worker.environment.DATABASE_URL).toBe(compose.services.api.environment.DATABASE_URL);
    const substitute = (value: string) =>
      value.replace('${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}', 'pw').replace(/\$\{AUTH_SECRET:\?[^}]*\}/, 'x'.repeat(40));
    // Workers check no tokens: they run without the auth secret.
    expect(worker.environment.AUTH_SECRET).toBeUndefined();
    const config = loadConfig(
      Object.fromEntries(Object.entries(worker.environment as Record<string, string>).map(([k, v]) => [k, substitute(v)])),
      'work',
    );
    expect(config.analyses.concurrency).toBe(1);
    expect(config.dataDir).toBe('/data');
  });

  it('keeps the database password and the auth secret out of the file', () => {
    const text = JSON.stringify(compose);
    expect(compose.services.db.environment.POSTGRES_PASSWORD).toBe('${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}');
    expect(compose.services.api.environment.AUTH_SECRET).toMatch(/^\$\{AUTH_SECRET:\?/);
    expect(text).not.toMatch(/postgresql:\/\/datainsight:(?!\$\{)/);
  });
});
