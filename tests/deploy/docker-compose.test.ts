// No Docker engine runs on the build machines, so the deployment files are
// checked as data: the services, ports and environment they declare.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';

const root = new URL('../../', import.meta.url);
const compose = parse(await readFile(new URL('docker-compose.yml', root), 'utf8'));
const dockerfile = await readFile(new URL('Dockerfile', root), 'utf8');

/** What `docker compose` substitutes from the operator's .env. */
const substitute = (value: string) =>
  value
    .replace('${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}', 'pw')
    .replace(/\$\{AUTH_SECRET:\?[^}]*\}/, 'x'.repeat(40))
    .replace(/\$\{S3_SECRET_ACCESS_KEY:\?[^}]*\}/, 's3-secret-from-env');
const environmentOf = (service: { environment: Record<string, string> }) =>
  Object.fromEntries(Object.entries(service.environment).map(([k, v]) => [k, substitute(v)]));

describe('docker-compose.yml', () => {
  it('runs PostgreSQL 16 with a volume for its data and a health check', () => {
    const db = compose.services.db;
    expect(db.image).toMatch(/^postgres:16(\.|$|-)/);
    expect(db.volumes).toContainEqual(expect.stringMatching(/^pgdata:\/var\/lib\/postgresql\/data$/));
    expect(compose.volumes).toHaveProperty('pgdata');
    expect(db.healthcheck.test.join(' ')).toMatch(/pg_isready/);
  });

  it('builds the API from the Dockerfile and starts it only once the database is healthy and the bucket made', () => {
    const api = compose.services.api;
    expect(api.build).toBe('.');
    expect(api.depends_on).toEqual({ db: { condition: 'service_healthy' }, 'minio-init': { condition: 'service_completed_successfully' } });
    expect(api.ports).toContain('4000:4000');
    expect(dockerfile).toMatch(/^EXPOSE 4000$/m);
  });

  it('gives the API a configuration the server accepts, pointing at the db service', () => {
    const config = loadConfig(environmentOf(compose.services.api));
    expect(new URL(config.database.url!).host).toBe('db:5432');
    expect(config.nodeEnv).toBe('production');
    expect(config.database).toMatchObject({ poolSize: 10, maxOverflow: 20, recycleSeconds: 3600, echo: false });
    expect(config.port).toBe(4000);
  });

  it('runs standalone analysis workers on the same database and the same bucket as the API, sharing no volume', () => {
    const worker = compose.services.worker;
    expect(worker.build).toBe('.');
    expect(worker.command).toEqual(['node', 'dist/worker.js']);
    expect(worker.environment.DATABASE_URL).toBe(compose.services.api.environment.DATABASE_URL);
    // Workers check no tokens: they run without the auth secret.
    expect(worker.environment.AUTH_SECRET).toBeUndefined();
    const config = loadConfig(environmentOf(worker), 'work');
    expect(config.analyses.concurrency).toBe(1);
    expect(config.dataDir).toBe('/data');
    // `--scale worker=3` needs a service with no fixed name, port or volume of its own.
    expect(worker.container_name).toBeUndefined();
    expect(worker.ports).toBeUndefined();
    // No shared disk at all: neither the API nor the workers mount a volume; files travel through the bucket.
    expect(worker.volumes).toBeUndefined();
    expect(compose.services.api.volumes).toBeUndefined();
    expect(Object.keys(compose.volumes).sort()).toEqual(['objects', 'pgdata']);
  });

  it('keeps the datasets in MinIO, in a bucket made before the API and the workers start', () => {
    const minio = compose.services.minio;
    expect(minio.image).toMatch(/minio\/minio:RELEASE\./);
    expect(minio.command).toEqual(['server', '/data', '--console-address', ':9001']);
    expect(minio.volumes).toEqual(['objects:/data']);
    expect(minio.healthcheck.test).toEqual(['CMD', 'mc', 'ready', 'local']);
    // Nothing outside the compose network reaches the store.
    expect(minio.ports).toBeUndefined();
    const init = compose.services['minio-init'];
    expect(init.image).toBe(minio.image);
    expect(init.depends_on).toEqual({ minio: { condition: 'service_healthy' } });
    expect(init.restart).toBe('no');
    // As the shell gets it: compose turns `$$` into a literal `$` (no substitution of its own).
    const script = (init.command as string[]).join('\n').replaceAll('$$', '$');
    const api = loadConfig(environmentOf(compose.services.api));
    const worker = loadConfig(environmentOf(compose.services.worker), 'work');
    for (const config of [api, worker]) {
      expect(config.storage.location).toMatchObject({
        kind: 's3',
        bucket: 'datainsight-datasets',
        prefix: 'datasets/',
        endpoint: 'http://minio:9000',
        forcePathStyle: true,
        credentials: { accessKeyId: init.environment.S3_ACCESS_KEY_ID },
      });
    }
    // The bucket both use is the one the init job makes, with the access key it creates for them.
    expect(script).toContain(`mc mb --ignore-existing store/${(api.storage.location as { bucket: string }).bucket}`);
    expect(script).toMatch(/mc admin user add store "\$S3_ACCESS_KEY_ID" "\$S3_SECRET_ACCESS_KEY"/);
    expect(script).toMatch(/mc admin policy attach store readwrite --user "\$S3_ACCESS_KEY_ID"/);
    expect(script).toContain('mc alias set store http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"');
    // Every `$` of the script is escaped in the file: compose substitutes none of them.
    expect((init.command as string[]).join('\n')).not.toMatch(/(^|[^$])\$[A-Z{]/);
    expect(init.environment.S3_SECRET_ACCESS_KEY).toBe(compose.services.api.environment.S3_SECRET_ACCESS_KEY);
    expect(compose.services.worker.environment.S3_SECRET_ACCESS_KEY).toBe(compose.services.api.environment.S3_SECRET_ACCESS_KEY);
  });

  it('keeps the database password and the auth secret out of the file', () => {
    const text = JSON.stringify(compose);
    expect(compose.services.db.environment.POSTGRES_PASSWORD).toBe('${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}');
    expect(compose.services.api.environment.AUTH_SECRET).toMatch(/^\$\{AUTH_SECRET:\?/);
    expect(text).not.toMatch(/postgresql:\/\/datainsight:(?!\$\{)/);
    expect(compose.services.minio.environment.MINIO_ROOT_PASSWORD).toMatch(/^\$\{MINIO_ROOT_PASSWORD:\?/);
    for (const service of ['api', 'worker', 'minio-init']) {
      expect(compose.services[service].environment.S3_SECRET_ACCESS_KEY, service).toMatch(/^\$\{S3_SECRET_ACCESS_KEY:\?/);
    }
  });
});
