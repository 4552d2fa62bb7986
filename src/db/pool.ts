// The PostgreSQL connection pool, shaped like the seed's SQLAlchemy engine:
// pool_size connections kept, max_overflow more opened under load and closed
// when idle, each recycled after DATABASE_POOL_RECYCLE seconds, and a liveness
// check (pre-ping) before a connection that sat idle is handed out.
import pg from 'pg';
import type { Logger } from '../logger.js';
import { isTransientConnectionError, withRetry } from './transient.js';

export type PoolSettings = {
  url: string;
  poolSize: number;
  maxOverflow: number;
  recycleSeconds: number;
  /** Ping a connection before handing it out if it sat idle this long. */
  prePingAfterIdleMs?: number;
};

// A connection idle for less than this was just in use; pinging it would only
// double the round trips of a busy server.
const defaultPrePingAfterIdleMs = 5_000;
const overflowIdleMs = 10_000;

type TrackedClient = pg.PoolClient & { lastReleasedAt?: number };
type ConnectCallback = (err: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void;

export class PrePingPool extends pg.Pool {
  private readonly prePingAfterIdleMs: number;

  constructor(
    settings: PoolSettings,
    private readonly logger?: Logger,
  ) {
    super({
      connectionString: settings.url,
      min: settings.poolSize,
      max: settings.poolSize + settings.maxOverflow,
      idleTimeoutMillis: overflowIdleMs,
      maxLifetimeSeconds: settings.recycleSeconds,
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
    });
    this.prePingAfterIdleMs = settings.prePingAfterIdleMs ?? defaultPrePingAfterIdleMs;
    this.on('release', (_err: unknown, client: TrackedClient) => {
      client.lastReleasedAt = Date.now();
    });
    // A connection the server closed (restart, failover) must not crash the
    // process: idle ones report through the pool, checked-out ones through
    // themselves (their current query fails and the pool discards them).
    this.on('error', (error) => this.logger?.warn('idle database connection lost', { error: error.message }));
    this.on('connect', (client) => client.on('error', (error) => this.logger?.warn('database connection lost', { error: error.message })));
  }

  // pg.Pool.query calls connect() with a callback; everyone else uses the promise.
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  // biome-ignore lint/suspicious/noConfusingVoidType: the implementation of pg's two overloads above
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const checkout = withRetry(
      () => this.checkoutLiveClient(),
      isTransientConnectionError,
      undefined,
      (error, attempt, delayMs) =>
        this.logger?.warn('database connection failed, retrying', { attempt, delayMs, error: (error as Error).message }),
    );
    if (!callback) return checkout;
    checkout.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | boolean | undefined)),
      (error: Error) => callback(error),
    );
  }

  /**
   * One `SELECT 1` on a pooled connection, without the retries that `connect`
   * makes: the readiness check must say "not ready" as soon as the database is
   * away, not after the backoff.
   */
  async pingOnce(timeoutMs = 2_000): Promise<void> {
    const client = await super.connect();
    try {
      await client.query({ text: 'SELECT 1', query_timeout: timeoutMs } as pg.QueryConfig);
      client.release();
    } catch (error) {
      client.release(true);
      throw error;
    }
  }

  private async checkoutLiveClient(): Promise<pg.PoolClient> {
    const client = (await super.connect()) as TrackedClient;
    if (client.lastReleasedAt === undefined || Date.now() - client.lastReleasedAt < this.prePingAfterIdleMs) return client;
    try {
      await client.query('SELECT 1');
      return client;
    } catch (error) {
      client.release(true); // destroy it; the retry opens a fresh one
      throw error;
    }
  }
}
