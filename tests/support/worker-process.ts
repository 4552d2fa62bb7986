// Standalone analysis workers (`src/worker.ts`, as `npm run worker` starts
// them) as real processes on a test database, for tests that need what only
// real processes have: a second machine's worth of workers, and SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export type WorkerProcess = { process: ChildProcess; output: () => string; stop: () => Promise<void>; kill: () => Promise<void> };

const root = path.resolve(import.meta.dirname, '../..');

export async function startWorker(options: {
  databaseUrl: string;
  /** The API's storage directory; omitted for object storage (STORAGE_URL and S3_* in `env`). */
  storageDir?: string;
  dataDir: string;
  env?: Record<string, string>;
}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_SIZE: '3',
      ...(options.storageDir ? { STORAGE_DIR: options.storageDir } : {}),
      DATA_DIR: options.dataDir,
      LOG_LEVEL: 'info',
      // Fast enough for tests: beats every 0.5 s, counted as gone after 3 s without one.
      ANALYSIS_HEARTBEAT_INTERVAL: '0.5',
      ANALYSIS_STALE_AFTER: '3',
      PROFILER_THREADS: '1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (output.includes('analysis worker started')) {
        clearInterval(check);
        resolve();
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(check);
      reject(new Error(`worker exited (${code}) before starting:\n${output}`));
    });
  });
  return {
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
