import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('runs on the embedded database with the seed pool defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({
      url: undefined,
      poolSize: 10,
      maxOverflow: 20,
      echo: false,
      recycleSeconds: 3600,
      connectTimeoutSeconds: 60,
    });
    expect(config.port).toBe(4000);
  });

  it('reads the seed variables', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://app:secret@db:5432/datainsight',
      DATABASE_POOL_SIZE: '5',
      DATABASE_MAX_OVERFLOW: '0',
      DATABASE_ECHO: 'true',
    });
    expect(config.database).toMatchObject({ url: 'postgresql://app:secret@db:5432/datainsight', poolSize: 5, maxOverflow: 0, echo: true });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.url).toBeUndefined();
  });

  it('names every bad variable and says what is wrong with it', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', DATABASE_POOL_SIZE: 'ten', DATABASE_ECHO: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(message).toMatch(/DATABASE_POOL_SIZE: .*number/i);
    expect(message).toMatch(/DATABASE_ECHO: /);
  });

  it('configures analyses: defaults, and a stale limit that must exceed two heartbeats', () => {
    expect(loadConfig({}).analyses).toMatchObject({
      workerInProcess: true,
      concurrency: 1,
      timeLimitSeconds: 1800,
      maxAttempts: 3,
      heartbeatSeconds: 5,
      staleAfterSeconds: 30,
      profiler: { memoryLimit: '1GB', threads: undefined },
    });
    expect(loadConfig({ WORKER_IN_PROCESS: 'false', WORKER_CONCURRENCY: '4', PROFILER_MEMORY_LIMIT: '512MB' }).analyses).toMatchObject({
      workerInProcess: false,
      concurrency: 4,
      profiler: { memoryLimit: '512MB' },
    });
    expect(() => loadConfig({ ANALYSIS_HEARTBEAT_INTERVAL: '10', ANALYSIS_STALE_AFTER: '15' })).toThrow(
      /ANALYSIS_STALE_AFTER: must be at least twice ANALYSIS_HEARTBEAT_INTERVAL/,
    );
    expect(() => loadConfig({ PROFILER_MEMORY_LIMIT: 'lots' })).toThrow(/PROFILER_MEMORY_LIMIT: must be a size such as 1GB/);
  });
});
