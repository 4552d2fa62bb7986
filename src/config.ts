// The whole environment, read and validated in one place. Nothing else in the
// project reads process.env.
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_COLUMNS } from './profiling/options.js';

/** Which browser origins may call the API: '*' any, a list those, [] none but the API's own. */
export type CorsOrigins = '*' | string[];

const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no', '']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL');

/** `scheme://host[:port]`, as browsers send it in `Origin`. */
function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** Unset: run on the embedded PostgreSQL in DATA_DIR. */
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  DATABASE_MAX_OVERFLOW: z.coerce.number().int().min(0).max(1000).default(20),
  DATABASE_ECHO: booleanFlag.default(false),
  /** Seconds after which a pooled connection is closed and replaced. */
  DATABASE_POOL_RECYCLE: z.coerce.number().int().min(1).default(3600),
  /** How long start-up waits for the database before giving up. */
  DATABASE_CONNECT_TIMEOUT: z.coerce.number().int().min(1).default(60),
  DATA_DIR: z.string().default('.data'),
  /** Where uploaded files are kept; default: DATA_DIR/storage. */
  STORAGE_DIR: z.string().optional(),
  /** The largest upload accepted, in bytes (default 1 GiB). */
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(1024 ** 3),
  /**
   * The longest line a CSV/TSV or JSON-lines upload may have, in bytes (default 2 MiB). At most 16 MiB,
   * the longest line the profiler's reader is set to accept.
   */
  MAX_LINE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(16 * 1024 ** 2)
    .default(2 * 1024 ** 2),
  /** Seconds between storage sweeps; files without a dataset older than this are removed. */
  STORAGE_SWEEP_INTERVAL: z.coerce.number().int().min(1).default(3600),
  /** Keys the access-token hashes. Required in production; elsewhere generated into DATA_DIR. */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Seconds an access token stays valid. */
  AUTH_TOKEN_TTL: z.coerce.number().int().min(60).default(86_400),
  /** Failed sign-ins for one email or one client address before further attempts are refused... */
  AUTH_MAX_FAILED_SIGNINS: z.coerce.number().int().min(1).default(5),
  /** ...for this many seconds (also the window the failures are counted in). */
  AUTH_LOCKOUT_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Sign-ups from one client address within AUTH_LOCKOUT_SECONDS before further ones are refused. */
  AUTH_MAX_SIGNUPS_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
  /**
   * Origins whose browser pages may call the API: comma-separated
   * (`https://app.example.com,https://admin.example.com`), or `*` for any.
   * Default: `*` outside production; in production none (same origin only).
   */
  CORS_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((o) => o === '*' || isOrigin(o)),
      'must be * or comma-separated origins such as https://app.example.com (scheme, host and port only)',
    )
    .optional(),
  /** Behind a reverse proxy: take the client address from the first X-Forwarded-For entry. */
  TRUST_PROXY: booleanFlag.default(false),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Run an analysis worker inside the API server (false: only `npm run worker` processes run analyses). */
  WORKER_IN_PROCESS: booleanFlag.default(true),
  /** Analyses one worker process runs at once (each profile uses every core DuckDB is given). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /** Seconds an analysis may run before it is stopped and failed. */
  ANALYSIS_TIME_LIMIT: z.coerce.number().min(0.1).default(1800),
  /** Attempts for an analysis whose failures are transient (database unreachable, worker gone). */
  ANALYSIS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** Seconds between a running analysis' heartbeats... */
  ANALYSIS_HEARTBEAT_INTERVAL: z.coerce.number().min(0.2).default(5),
  /** ...and after how many seconds without one its worker counts as gone and the analysis is run again. */
  ANALYSIS_STALE_AFTER: z.coerce.number().min(1).default(30),
  /** DuckDB's memory limit per profile (work beyond it spills to disk). */
  PROFILER_MEMORY_LIMIT: z
    .string()
    .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i, 'must be a size such as 1GB')
    .default('1GB'),
  /** DuckDB threads per profile; default: every core. */
  PROFILER_THREADS: z.coerce.number().int().min(1).optional(),
  /** The widest file accepted at upload and analysed (more columns: refused). At most 500, the width the profiler is tested at. */
  MAX_COLUMNS: z.coerce.number().int().min(1).max(DEFAULT_MAX_COLUMNS).default(DEFAULT_MAX_COLUMNS),
});

export type Config = {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  host: string;
  trustProxy: boolean;
  /** Origins allowed cross-origin requests: '*' any, [] same origin only. */
  corsOrigins: CorsOrigins;
  database: {
    /** undefined means the embedded PostgreSQL. */
    url: string | undefined;
    poolSize: number;
    maxOverflow: number;
    echo: boolean;
    recycleSeconds: number;
    connectTimeoutSeconds: number;
  };
  dataDir: string;
  storage: { dir: string; maxUploadBytes: number; maxLineBytes: number; sweepIntervalSeconds: number };
  auth: {
    /** undefined outside production means: generate one and keep it in DATA_DIR. */
    secret: string | undefined;
    tokenTtlSeconds: number;
    maxFailedSignIns: number;
    lockoutSeconds: number;
    maxSignUpsPerAddress: number;
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  analyses: {
    workerInProcess: boolean;
    concurrency: number;
    timeLimitSeconds: number;
    maxAttempts: number;
    heartbeatSeconds: number;
    staleAfterSeconds: number;
    profiler: { memoryLimit: string; threads: number | undefined; tempDirectory: string; maxColumns: number };
  };
};

export class ConfigError extends Error {}

/** What the configuration is loaded for: serving the API needs more than running workers or migrations. */
export type ConfigPurpose = 'serve' | 'work' | 'migrate';

/** Reads the configuration from `env`; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, purpose: ConfigPurpose = 'serve'): Config {
  // An empty variable means "not set", as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  if (e.ANALYSIS_STALE_AFTER < 2 * e.ANALYSIS_HEARTBEAT_INTERVAL) {
    throw new ConfigError('Invalid configuration:\n  ANALYSIS_STALE_AFTER: must be at least twice ANALYSIS_HEARTBEAT_INTERVAL');
  }
  // Only a server checks tokens; workers and migrations run without the secret.
  if (purpose === 'serve' && e.NODE_ENV === 'production' && !e.AUTH_SECRET) {
    throw new ConfigError('Invalid configuration:\n  AUTH_SECRET: required in production (at least 32 random characters)');
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    trustProxy: e.TRUST_PROXY,
    corsOrigins: e.CORS_ORIGINS ? (e.CORS_ORIGINS.includes('*') ? '*' : e.CORS_ORIGINS) : e.NODE_ENV === 'production' ? [] : '*',
    database: {
      url: e.DATABASE_URL,
      poolSize: e.DATABASE_POOL_SIZE,
      maxOverflow: e.DATABASE_MAX_OVERFLOW,
      echo: e.DATABASE_ECHO,
      recycleSeconds: e.DATABASE_POOL_RECYCLE,
      connectTimeoutSeconds: e.DATABASE_CONNECT_TIMEOUT,
    },
    dataDir: path.resolve(e.DATA_DIR),
    storage: {
      dir: path.resolve(e.STORAGE_DIR ?? path.join(e.DATA_DIR, 'storage')),
      maxUploadBytes: e.MAX_UPLOAD_BYTES,
      maxLineBytes: e.MAX_LINE_BYTES,
      sweepIntervalSeconds: e.STORAGE_SWEEP_INTERVAL,
    },
    auth: {
      secret: e.AUTH_SECRET,
      tokenTtlSeconds: e.AUTH_TOKEN_TTL,
      maxFailedSignIns: e.AUTH_MAX_FAILED_SIGNINS,
      lockoutSeconds: e.AUTH_LOCKOUT_SECONDS,
      maxSignUpsPerAddress: e.AUTH_MAX_SIGNUPS_PER_ADDRESS,
    },
    logLevel: e.LOG_LEVEL,
    analyses: {
      workerInProcess: e.WORKER_IN_PROCESS,
      concurrency: e.WORKER_CONCURRENCY,
      timeLimitSeconds: e.ANALYSIS_TIME_LIMIT,
      maxAttempts: e.ANALYSIS_MAX_ATTEMPTS,
      heartbeatSeconds: e.ANALYSIS_HEARTBEAT_INTERVAL,
      staleAfterSeconds: e.ANALYSIS_STALE_AFTER,
      // DuckDB spills next to the data, not into a small /tmp.
      profiler: {
        memoryLimit: e.PROFILER_MEMORY_LIMIT,
        threads: e.PROFILER_THREADS,
        tempDirectory: path.resolve(e.DATA_DIR, 'duckdb-tmp'),
        maxColumns: e.MAX_COLUMNS,
      },
    },
  };
}

/** For entry points: the configuration, or exit code 1 with every problem printed (and nothing else). */
export function loadConfigOrExit(purpose: ConfigPurpose): Config {
  try {
    return loadConfig(process.env, purpose);
  } catch (error) {
    if (error instanceof ConfigError) {
      // The message says what to fix; a stack trace would only bury it.
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
