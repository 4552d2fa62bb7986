// The whole environment, read and validated in one place. Nothing else in the
// project reads process.env.
import path from 'node:path';
import { inspect } from 'node:util';
import { z } from 'zod';
import { DEFAULT_MAX_COLUMNS } from './profiling/options.js';

/** Which browser origins may call the API: '*' any, a list those, [] none but the API's own. */
export type CorsOrigins = '*' | string[];

const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no', '']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL');

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

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
  /** Where uploaded files are kept; default: DATA_DIR/storage. The same as STORAGE_URL=file:///that/dir. */
  STORAGE_DIR: z.string().optional(),
  /** file:///path (a local directory, the default) or s3://bucket/prefix (an S3-compatible object store). */
  STORAGE_URL: z
    .string()
    .trim()
    .refine((v) => /^(file|s3):\/\//i.test(v), 'must be file:///path/to/dir or s3://bucket/prefix')
    .optional(),
  /** The object store's endpoint (MinIO, Ceph, R2…); unset: AWS S3 for S3_REGION. */
  S3_ENDPOINT: z
    .string()
    .trim()
    .refine((v) => isHttpUrl(v), 'must be an http:// or https:// URL, such as http://minio:9000')
    .optional(),
  S3_REGION: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,32}$/, 'must be a region name such as us-east-1')
    .optional(),
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Address buckets as endpoint/bucket (MinIO and most self-hosted stores) instead of bucket.endpoint. */
  S3_FORCE_PATH_STYLE: booleanFlag.optional(),
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
  storage: {
    location: StorageLocation;
    maxUploadBytes: number;
    maxLineBytes: number;
    sweepIntervalSeconds: number;
    /**
     * Local scratch space for stored files read from an object store (downloads for analyses and affected
     * rows, an upload's copy for its first read): inside the DuckDB temp space, DATA_DIR/duckdb-tmp.
     */
    scratchDir: string;
  };
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

/** Where dataset files live: a local directory, or a bucket (and key prefix) of an S3-compatible store. */
export type StorageLocation =
  | { kind: 'file'; dir: string }
  | {
      kind: 's3';
      bucket: string;
      /** '' or a key prefix ending in '/'. */
      prefix: string;
      /** undefined: AWS S3 itself. */
      endpoint: string | undefined;
      region: string;
      forcePathStyle: boolean;
      /** undefined: the AWS SDK's default credential chain (AWS_* variables, instance or task roles). */
      credentials: { accessKeyId: string; secretAccessKey: Secret } | undefined;
    };

/** A value that must never reach a log: printed, inspected or serialised, it is `[redacted]`. */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[redacted]';
  }
  toJSON(): string {
    return '[redacted]';
  }
  [inspect.custom](): string {
    return '[redacted]';
  }
}

export class ConfigError extends Error {}

const s3Variables = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'] as const;

const storageSchema = envSchema.pick({
  DATA_DIR: true,
  STORAGE_DIR: true,
  STORAGE_URL: true,
  S3_ENDPOINT: true,
  S3_REGION: true,
  S3_ACCESS_KEY_ID: true,
  S3_SECRET_ACCESS_KEY: true,
  S3_FORCE_PATH_STYLE: true,
});

/** STORAGE_URL (or STORAGE_DIR) and the S3_* variables as one location, or the problems found (never quoting a value). */
function storageLocation(e: z.infer<typeof storageSchema>): { location: StorageLocation } | { problems: string[] } {
  const problems: string[] = [];
  const url = e.STORAGE_URL;
  const s3 = url !== undefined && /^s3:/i.test(url);
  if (url !== undefined && e.STORAGE_DIR !== undefined) problems.push('STORAGE_DIR: set STORAGE_URL or STORAGE_DIR, not both');
  if (!s3) {
    for (const name of s3Variables) if (e[name] !== undefined) problems.push(`${name}: only used with STORAGE_URL=s3://bucket/prefix`);
  }
  if (url === undefined || !s3) {
    let dir = e.STORAGE_DIR ?? path.join(e.DATA_DIR, 'storage');
    if (url !== undefined) {
      let parsed: URL | undefined;
      try {
        parsed = new URL(url);
      } catch {
        parsed = undefined;
      }
      if (parsed?.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost') || parsed.search || parsed.hash) {
        problems.push('STORAGE_URL: a file URL must be file:///absolute/path/to/dir');
      } else dir = decodeURIComponent(parsed.pathname);
    }
    return problems.length ? { problems } : { location: { kind: 'file', dir: path.resolve(dir) } };
  }
  // s3://bucket/prefix: not a special scheme for URL, so the bucket is the host as written.
  const match = /^s3:\/\/([^/?#]*)(\/[^?#]*)?$/i.exec(url);
  const bucket = match?.[1] ?? '';
  const prefix = (match?.[2] ?? '').replace(/^\/+/, '');
  if (!match) problems.push('STORAGE_URL: must be s3://bucket or s3://bucket/prefix (no query, no fragment)');
  else if (bucket.includes('@')) {
    problems.push('STORAGE_URL: must not carry credentials; set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY instead');
  } else if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..')) {
    problems.push('STORAGE_URL: the bucket name must be 3–63 lower-case letters, digits, dots and hyphens (s3://bucket/prefix)');
  }
  const segments = prefix.replace(/\/$/, '').split('/');
  if (prefix && segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\'))) {
    problems.push('STORAGE_URL: the key prefix must be path segments such as datasets/ or team/datasets (no empty, . or .. segments)');
  }
  if ((e.S3_ACCESS_KEY_ID === undefined) !== (e.S3_SECRET_ACCESS_KEY === undefined)) {
    problems.push(
      e.S3_ACCESS_KEY_ID === undefined
        ? 'S3_ACCESS_KEY_ID: required with S3_SECRET_ACCESS_KEY'
        : 'S3_SECRET_ACCESS_KEY: required with S3_ACCESS_KEY_ID',
    );
  }
  if (problems.length) return { problems };
  return {
    location: {
      kind: 's3',
      bucket,
      prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
      endpoint: e.S3_ENDPOINT,
      region: e.S3_REGION ?? 'us-east-1',
      forcePathStyle: e.S3_FORCE_PATH_STYLE ?? false,
      credentials:
        e.S3_ACCESS_KEY_ID !== undefined && e.S3_SECRET_ACCESS_KEY !== undefined
          ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: new Secret(e.S3_SECRET_ACCESS_KEY) }
          : undefined,
    },
  };
}

/** What the configuration is loaded for: serving the API needs more than running workers or migrations. */
export type ConfigPurpose = 'serve' | 'work' | 'migrate';

/** Reads the configuration from `env`; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, purpose: ConfigPurpose = 'serve'): Config {
  // An empty variable means "not set", as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  // The storage variables are checked together even when others are bad, so every problem is named at once.
  const storagePart = storageSchema.safeParse(present);
  const storage = storagePart.success ? storageLocation(storagePart.data) : { problems: [] };
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    if ('problems' in storage) problems.push(...storage.problems.map((p) => `  ${p}`));
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  if ('problems' in storage) throw new ConfigError(`Invalid configuration:\n${storage.problems.map((p) => `  ${p}`).join('\n')}`);
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
      location: storage.location,
      maxUploadBytes: e.MAX_UPLOAD_BYTES,
      maxLineBytes: e.MAX_LINE_BYTES,
      sweepIntervalSeconds: e.STORAGE_SWEEP_INTERVAL,
      scratchDir: path.resolve(e.DATA_DIR, 'duckdb-tmp', 'datasets'),
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
