// STORAGE_URL and the S3_* variables: a local directory by default (and
// STORAGE_DIR as before), a bucket with s3://bucket/prefix, every mistake
// named by its variable, and the secret key never printed.
import path from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createStorage } from '../../src/datasets/create-storage.js';
import { S3Storage } from '../../src/datasets/s3-storage.js';
import { LocalDirectoryStorage } from '../../src/datasets/storage.js';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const s3Env = {
  STORAGE_URL: 's3://datainsight-datasets/prod/files',
  S3_ENDPOINT: 'http://minio:9000',
  S3_REGION: 'eu-west-1',
  S3_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  S3_SECRET_ACCESS_KEY: secret,
  S3_FORCE_PATH_STYLE: 'true',
};

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('where dataset files live', () => {
  it('is DATA_DIR/storage by default, STORAGE_DIR when set, or the directory of a file:// URL', () => {
    expect(loadConfig({ DATA_DIR: '/srv/data' }).storage.location).toEqual({ kind: 'file', dir: path.resolve('/srv/data/storage') });
    expect(loadConfig({ STORAGE_DIR: '/mnt/files' }).storage.location).toEqual({ kind: 'file', dir: '/mnt/files' });
    expect(loadConfig({ STORAGE_URL: 'file:///mnt/my%20files' }).storage.location).toEqual({ kind: 'file', dir: '/mnt/my files' });
    expect(loadConfig({ DATA_DIR: '/srv/data' }).storage.scratchDir).toBe('/srv/data/duckdb-tmp/datasets');
  });

  it('is a bucket and key prefix with s3://, with the S3_* settings', () => {
    expect(loadConfig(s3Env).storage.location).toMatchObject({
      kind: 's3',
      bucket: 'datainsight-datasets',
      prefix: 'prod/files/',
      endpoint: 'http://minio:9000',
      region: 'eu-west-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE' },
    });
    // AWS itself: no endpoint, the default region, virtual-hosted buckets, the SDK's own credentials.
    expect(loadConfig({ STORAGE_URL: 's3://my-bucket' }).storage.location).toEqual({
      kind: 's3',
      bucket: 'my-bucket',
      prefix: '',
      endpoint: undefined,
      region: 'us-east-1',
      forcePathStyle: false,
      credentials: undefined,
    });
    expect(loadConfig({ STORAGE_URL: 's3://my-bucket/datasets/' }).storage.location).toMatchObject({ prefix: 'datasets/' });
  });

  it('names each mistake by its variable', () => {
    expect(problemsOf({ STORAGE_URL: 'ftp://x/y' })).toMatch(/STORAGE_URL: must be file:\/\/\/path\/to\/dir or s3:\/\/bucket\/prefix/);
    expect(problemsOf({ STORAGE_URL: 'file:///a', STORAGE_DIR: '/b' })).toMatch(/STORAGE_DIR: set STORAGE_URL or STORAGE_DIR, not both/);
    expect(problemsOf({ STORAGE_URL: 'file://server/share' })).toMatch(/STORAGE_URL: a file URL must be file:\/\/\/absolute\/path/);
    expect(problemsOf({ STORAGE_URL: 's3://Bad_Bucket/x' })).toMatch(/STORAGE_URL: the bucket name must be 3–63/);
    expect(problemsOf({ STORAGE_URL: 's3://bucket/a//b' })).toMatch(/STORAGE_URL: the key prefix/);
    expect(problemsOf({ STORAGE_URL: 's3://bucket/../up' })).toMatch(/STORAGE_URL: the key prefix/);
    expect(problemsOf({ STORAGE_URL: 's3://bucket?versionId=1' })).toMatch(/STORAGE_URL: must be s3:\/\/bucket or s3:\/\/bucket\/prefix/);
    expect(problemsOf({ ...s3Env, S3_ENDPOINT: 'minio:9000' })).toMatch(/S3_ENDPOINT: must be an http:\/\/ or https:\/\/ URL/);
    expect(problemsOf({ ...s3Env, S3_FORCE_PATH_STYLE: 'maybe' })).toMatch(/S3_FORCE_PATH_STYLE: /);
    expect(problemsOf({ STORAGE_URL: 's3://bucket', S3_SECRET_ACCESS_KEY: secret })).toMatch(
      /S3_ACCESS_KEY_ID: required with S3_SECRET_ACCESS_KEY/,
    );
    expect(problemsOf({ STORAGE_URL: 's3://bucket', S3_ACCESS_KEY_ID: 'AKIA' })).toMatch(
      /S3_SECRET_ACCESS_KEY: required with S3_ACCESS_KEY_ID/,
    );
    expect(problemsOf({ S3_ENDPOINT: 'http://minio:9000' })).toMatch(/S3_ENDPOINT: only used with STORAGE_URL=s3:\/\/bucket\/prefix/);
    // With other bad variables, all at once.
    const all = problemsOf({ PORT: 'eighty', STORAGE_URL: 's3://bucket', S3_ACCESS_KEY_ID: 'AKIA' });
    expect(all).toMatch(/PORT: /);
    expect(all).toMatch(/S3_SECRET_ACCESS_KEY: required with S3_ACCESS_KEY_ID/);
  });

  it('never prints the secret key: not in errors, not in the configuration printed or serialised', () => {
    const withCredentialsInUrl = problemsOf({ STORAGE_URL: `s3://AKIA:${encodeURIComponent(secret)}@bucket/x` });
    expect(withCredentialsInUrl).toMatch(/STORAGE_URL: must not carry credentials/);
    expect(withCredentialsInUrl).not.toContain('AKIA');
    expect(problemsOf({ ...s3Env, S3_REGION: 'Not A Region' })).not.toContain(secret);
    const config = loadConfig(s3Env);
    expect(JSON.stringify(config)).not.toContain(secret);
    expect(inspect(config, { depth: 10 })).not.toContain(secret);
    expect(`${(config.storage.location as { credentials: { secretAccessKey: unknown } }).credentials.secretAccessKey}`).toBe('[redacted]');
  });

  it('builds the storage it names', async () => {
    expect(await createStorage(loadConfig({ STORAGE_DIR: '/mnt/files' }))).toBeInstanceOf(LocalDirectoryStorage);
    const s3 = await createStorage(loadConfig(s3Env));
    expect(s3).toBeInstanceOf(S3Storage);
    expect(s3.description).toBe('s3://datainsight-datasets/prod/files/ at http://minio:9000');
    expect(inspect(s3, { depth: 6 })).not.toContain(secret);
  });
});
