// The durable job queue: pg-boss on the application's own PostgreSQL, so a
// deployment needs nothing else. Jobs are claimed with SKIP LOCKED (each runs
// on one worker at a time), failures are retried with exponential backoff,
// and a job is sent in the same transaction that creates its analysis, so an
// analysis without a job (or a job without an analysis) cannot exist.
// pg-boss 10 is the newest release that runs on Node.js 20 (11+ need 22).
import PgBoss from 'pg-boss';
import type { Logger } from '../logger.js';

export const ANALYSIS_QUEUE = 'analysis';

export type AnalysisJobData = { analysisId: number };
export type AnalysisJob = { id: string; analysisId: number; retryCount: number; retryLimit: number };

/** Runs SQL for pg-boss: the pool, or a transaction's client. */
export type SqlExecutor = { executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> };

export type QueueSettings = { maxAttempts: number; timeLimitSeconds: number; pollingIntervalSeconds?: number };

export class AnalysisQueue {
  private readonly workerIds: string[] = [];

  private constructor(
    private readonly boss: PgBoss,
    private readonly settings: QueueSettings,
  ) {}

  /** `supervise`: run pg-boss maintenance (expiry, archiving) in this process; workers do, API-only servers need not. */
  static async start(db: SqlExecutor, settings: QueueSettings, logger: Logger, options: { supervise: boolean }): Promise<AnalysisQueue> {
    const boss = new PgBoss({ db: db as PgBoss.Db, schema: 'pgboss', supervise: options.supervise, schedule: false, migrate: true });
    boss.on('error', (error) => logger.error('job queue error', { error }));
    await boss.start();
    await boss.createQueue(ANALYSIS_QUEUE);
    return new AnalysisQueue(boss, settings);
  }

  /** Sends the job for an analysis; with `db` inside that transaction. */
  async enqueue(jobId: string, analysisId: number, db?: SqlExecutor): Promise<void> {
    const data: AnalysisJobData = { analysisId };
    await this.boss.send(ANALYSIS_QUEUE, data, {
      id: jobId,
      retryLimit: this.settings.maxAttempts - 1,
      retryDelay: 2,
      retryBackoff: true,
      // A backstop only: the runner stops at the time limit itself.
      expireInSeconds: Math.ceil(this.settings.timeLimitSeconds) + 60,
      ...(db ? { db: db as PgBoss.Db } : {}),
    });
  }

  async cancel(jobId: string): Promise<void> {
    await this.boss.cancel(ANALYSIS_QUEUE, jobId);
  }

  /** Fails an active job whose worker is gone: pg-boss retries it (with backoff) while attempts remain. Returns its new state. */
  async failStranded(jobId: string): Promise<string | null> {
    await this.boss.fail(ANALYSIS_QUEUE, jobId, { message: 'its worker stopped responding' });
    return (await this.boss.getJobById(ANALYSIS_QUEUE, jobId))?.state ?? null;
  }

  /** Starts `concurrency` fetch loops calling `handler`; a handler that throws has its job retried. */
  async work(concurrency: number, handler: (job: AnalysisJob) => Promise<void>): Promise<void> {
    for (let i = 0; i < concurrency; i++) {
      let id = '';
      id = await this.boss.work<AnalysisJobData>(
        ANALYSIS_QUEUE,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.settings.pollingIntervalSeconds ?? 1 },
        async ([job]) => {
          if (!job) return;
          try {
            await handler({ id: job.id, analysisId: job.data.analysisId, retryCount: job.retryCount, retryLimit: job.retryLimit });
          } finally {
            // After a job, fetch the next at once: pg-boss would otherwise wait out the rest of its polling interval.
            this.boss.notifyWorker(id);
          }
        },
      );
      this.workerIds.push(id);
    }
  }

  /** Makes this process' idle fetch loops look for a job now rather than at their next poll. */
  wake(): void {
    for (const id of this.workerIds) this.boss.notifyWorker(id);
  }

  /** Stops fetching; with `graceful`, waits (up to timeoutMs) for running jobs. */
  async stop(options: { graceful: boolean; timeoutMs?: number } = { graceful: true }): Promise<void> {
    await this.boss.stop({ graceful: options.graceful, timeout: options.timeoutMs ?? 30_000, close: false, wait: true });
  }
}
