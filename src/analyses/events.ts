// What happens to an analysis, as it happens: every status change and progress
// step is published, and `analysisUpdated` subscribers receive it. Across
// processes (a worker elsewhere, any number of API servers) the events travel
// as PostgreSQL NOTIFY on one channel, so nothing but the database is needed;
// the embedded database runs its worker in the API process and delivers them
// in-process.
import { EventEmitter, on } from 'node:events';
import pg from 'pg';
import type { Logger } from '../logger.js';

export type AnalysisEvent = {
  analysisId: number;
  status: 'PENDING' | 'RUNNING' | 'COMPLETED' | 'FAILED';
  phase: string | null;
  percent: number | null;
};

export interface AnalysisEvents {
  publish(event: AnalysisEvent): Promise<void>;
  /** The events of one analysis from the moment this resolves, until `signal` aborts. */
  subscribe(analysisId: number, signal: AbortSignal): Promise<AsyncIterable<AnalysisEvent>>;
  /** Calls `listener` whenever any analysis is queued (workers use it to fetch at once instead of at their next poll). */
  onQueued(listener: () => void): Promise<void>;
  close(): Promise<void>;
}

export const CHANNEL = 'analysis_events';

/** In-process fan-out, by analysis. */
class LocalHub {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  dispatch(event: AnalysisEvent): void {
    this.emitter.emit(String(event.analysisId), event);
    if (event.status === 'PENDING') this.emitter.emit('queued');
  }

  onQueued(listener: () => void): void {
    this.emitter.on('queued', listener);
  }

  subscribe(analysisId: number, signal: AbortSignal): AsyncIterable<AnalysisEvent> {
    // Listening starts now (not at the first next()), so nothing published meanwhile is missed.
    const events = on(this.emitter, String(analysisId), { signal });
    return (async function* () {
      try {
        for await (const [event] of events) yield event as AnalysisEvent;
      } catch (error) {
        if (!signal.aborted) throw error;
      }
    })();
  }
}

export class LocalAnalysisEvents implements AnalysisEvents {
  private readonly hub = new LocalHub();

  async publish(event: AnalysisEvent): Promise<void> {
    this.hub.dispatch(event);
  }

  async subscribe(analysisId: number, signal: AbortSignal): Promise<AsyncIterable<AnalysisEvent>> {
    return this.hub.subscribe(analysisId, signal);
  }

  async onQueued(listener: () => void): Promise<void> {
    this.hub.onQueued(listener);
  }

  async close(): Promise<void> {}
}

/**
 * NOTIFY to publish; one LISTEN connection per process, reconnected when it
 * drops, fans the events out to this process' subscribers.
 */
export class PgAnalysisEvents implements AnalysisEvents {
  private readonly hub = new LocalHub();
  private client: pg.Client | null = null;
  private closed = false;
  private connecting: Promise<void> | null = null;

  constructor(
    private readonly url: string,
    private readonly publisher: { query(text: string, values: unknown[]): Promise<unknown> },
    private readonly logger: Logger,
  ) {}

  async publish(event: AnalysisEvent): Promise<void> {
    await this.publisher.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
  }

  async subscribe(analysisId: number, signal: AbortSignal): Promise<AsyncIterable<AnalysisEvent>> {
    const events = this.hub.subscribe(analysisId, signal);
    await this.listen();
    return events;
  }

  async onQueued(listener: () => void): Promise<void> {
    this.hub.onQueued(listener);
    await this.listen();
  }

  /** Connects the listener on first use. */
  private listen(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      const client = new pg.Client({ connectionString: this.url, keepAlive: true });
      try {
        await client.connect();
        client.on('notification', (message) => {
          if (message.channel !== CHANNEL || !message.payload) return;
          try {
            this.hub.dispatch(JSON.parse(message.payload) as AnalysisEvent);
          } catch (error) {
            this.logger.warn('ignored a malformed analysis event', { error });
          }
        });
        client.on('error', (error) => {
          this.logger.warn('analysis event listener lost its connection; reconnecting', { error });
          this.client = null;
          client.end().catch(() => {});
          void this.listen();
        });
        await client.query(`LISTEN ${CHANNEL}`);
        this.client = client;
        return;
      } catch (error) {
        await client.end().catch(() => {});
        const delay = Math.min(5000, 100 * 2 ** attempt);
        this.logger.warn('analysis event listener cannot connect; retrying', { error, delayMs: delay });
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connecting?.catch(() => {});
    await this.client?.end().catch(() => {});
    this.client = null;
  }
}
