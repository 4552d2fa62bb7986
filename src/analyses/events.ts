// What happens to an analysis, as it happens: every status change and progress
// step is published, and `analysisUpdated` subscribers receive it. What happens
// in a workspace (datasets created, renamed or deleted; analyses queued,
// started, finished or deleted) reaches `workspaceEvents` subscribers the same
// way: an analysis' status changes are also workspace events, its progress
// steps are not. Across processes (a worker elsewhere, any number of API
// servers) the events travel as PostgreSQL NOTIFY on one channel, so nothing
// but the database is needed; the embedded database runs its worker in the API
// process and delivers them in-process.
import { EventEmitter, on } from 'node:events';
import pg from 'pg';
import type { AnalysisStatus } from '../generated/prisma/enums.js';
import type { Logger } from '../logger.js';
import type { AnalysisPhase } from './progress.js';

export type AnalysisEvent = {
  analysisId: number;
  /** The workspace of the analysis' dataset. */
  workspaceId: number;
  status: AnalysisStatus;
  phase: AnalysisPhase | null;
  percent: number | null;
};

export const WORKSPACE_EVENT_KINDS = {
  FOLLOWING: 'Sent first, once the subscription is live: what is read from now on is current, and every later change follows.',
  DATASET_CREATED: 'A dataset was uploaded.',
  DATASET_UPDATED: 'A dataset was renamed or got a new version.',
  DATASET_DELETED: 'A dataset was deleted (with its analyses).',
  ANALYSIS_QUEUED: 'An analysis was started, or is waiting to run again after a transient failure or a lost worker.',
  ANALYSIS_STARTED: 'A worker began running an analysis (its dataset is PROCESSING).',
  ANALYSIS_COMPLETED: 'An analysis completed: its score, profiles and insights are in.',
  ANALYSIS_FAILED: 'An analysis failed or was cancelled.',
  ANALYSIS_DELETED: 'An analysis was deleted.',
  WORKSPACE_DELETED: 'The workspace was deleted; no event follows.',
} as const;
export type WorkspaceEventKind = keyof typeof WORKSPACE_EVENT_KINDS;

/** Something that changed in a workspace; the subscriber reads the changed node itself. */
export type WorkspaceEvent = {
  kind: WorkspaceEventKind;
  workspaceId: number;
  datasetId: number | null;
  analysisId: number | null;
};

/** The workspace event an analysis event is, when it changes the status. */
const ANALYSIS_STATUS_KINDS: Partial<Record<AnalysisPhase, WorkspaceEventKind>> = {
  queued: 'ANALYSIS_QUEUED',
  waiting_to_retry: 'ANALYSIS_QUEUED',
  requeued: 'ANALYSIS_QUEUED',
  starting: 'ANALYSIS_STARTED',
  done: 'ANALYSIS_COMPLETED',
  failed: 'ANALYSIS_FAILED',
  cancelled: 'ANALYSIS_FAILED',
};

type Message = { analysis: AnalysisEvent } | { workspace: WorkspaceEvent };

export interface AnalysisEvents {
  publish(event: AnalysisEvent): Promise<void>;
  /** A workspace event that is not an analysis' status change (those come with `publish`). */
  publishToWorkspace(event: WorkspaceEvent): Promise<void>;
  /** The events of one analysis from the moment this resolves, until `signal` aborts. */
  subscribe(analysisId: number, signal: AbortSignal): Promise<AsyncIterable<AnalysisEvent>>;
  /** The events of one workspace from the moment this resolves, until `signal` aborts. */
  subscribeToWorkspace(workspaceId: number, signal: AbortSignal): Promise<AsyncIterable<WorkspaceEvent>>;
  /** Calls `listener` whenever any analysis is queued (workers use it to fetch at once instead of at their next poll). */
  onQueued(listener: () => void): Promise<void>;
  close(): Promise<void>;
}

export const CHANNEL = 'analysis_events';

/** In-process fan-out, by analysis and by workspace. */
class LocalHub {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  dispatch(message: Message): void {
    if ('workspace' in message) {
      this.emitter.emit(`workspace:${message.workspace.workspaceId}`, message.workspace);
      return;
    }
    const event = message.analysis;
    this.emitter.emit(`analysis:${event.analysisId}`, event);
    const kind = event.phase && ANALYSIS_STATUS_KINDS[event.phase];
    if (kind)
      this.emitter.emit(`workspace:${event.workspaceId}`, {
        kind,
        workspaceId: event.workspaceId,
        datasetId: null,
        analysisId: event.analysisId,
      });
    if (event.status === 'PENDING') this.emitter.emit('queued');
  }

  onQueued(listener: () => void): void {
    this.emitter.on('queued', listener);
  }

  subscribe<T>(channel: string, signal: AbortSignal): AsyncIterable<T> {
    // Listening starts now (not at the first next()), so nothing published meanwhile is missed.
    const events = on(this.emitter, channel, { signal });
    return (async function* () {
      try {
        for await (const [event] of events) yield event as T;
      } catch (error) {
        if (!signal.aborted) throw error;
      }
    })();
  }
}

export class LocalAnalysisEvents implements AnalysisEvents {
  private readonly hub = new LocalHub();

  async publish(event: AnalysisEvent): Promise<void> {
    this.hub.dispatch({ analysis: event });
  }

  async publishToWorkspace(event: WorkspaceEvent): Promise<void> {
    this.hub.dispatch({ workspace: event });
  }

  async subscribe(analysisId: number, signal: AbortSignal): Promise<AsyncIterable<AnalysisEvent>> {
    return this.hub.subscribe(`analysis:${analysisId}`, signal);
  }

  async subscribeToWorkspace(workspaceId: number, signal: AbortSignal): Promise<AsyncIterable<WorkspaceEvent>> {
    return this.hub.subscribe(`workspace:${workspaceId}`, signal);
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
    await this.notify({ analysis: event });
  }

  async publishToWorkspace(event: WorkspaceEvent): Promise<void> {
    await this.notify({ workspace: event });
  }

  private async notify(message: Message): Promise<void> {
    await this.publisher.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(message)]);
  }

  async subscribe(analysisId: number, signal: AbortSignal): Promise<AsyncIterable<AnalysisEvent>> {
    const events = this.hub.subscribe<AnalysisEvent>(`analysis:${analysisId}`, signal);
    await this.listen();
    return events;
  }

  async subscribeToWorkspace(workspaceId: number, signal: AbortSignal): Promise<AsyncIterable<WorkspaceEvent>> {
    const events = this.hub.subscribe<WorkspaceEvent>(`workspace:${workspaceId}`, signal);
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
            this.hub.dispatch(JSON.parse(message.payload) as Message);
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
