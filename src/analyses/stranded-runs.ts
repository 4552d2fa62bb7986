// A worker that dies (SIGKILL, lost machine) stops sending heartbeats. Any
// live worker finds its RUNNING analyses once their heartbeat is older than
// ANALYSIS_STALE_AFTER, puts them back to PENDING and fails their job, which
// the queue then retries (with backoff) on whichever worker is free, or
// fails for good when the attempts are used up. And a PENDING analysis whose
// job can no longer run (its attempts used up before any worker claimed it)
// is failed. Nothing stays RUNNING, or PENDING, forever.
import type { Db } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { AnalysisEvents } from './events.js';
import type { AnalysisQueue } from './queue.js';

export async function requeueStrandedRuns(
  deps: { prisma: Db; queue: AnalysisQueue; events: AnalysisEvents; logger: Logger },
  staleAfterSeconds: number,
): Promise<number> {
  // One statement claims them, so two workers never requeue the same run.
  const stranded = await deps.prisma.$queryRaw<{ id: number; job_id: string | null; dataset_id: number; workspace_id: number; worker_id: string | null }[]>`
    WITH stale AS (
      SELECT "id", "worker_id" FROM "analyses"
       WHERE "status" = 'running' AND "heartbeat_at" < now() - make_interval(secs => ${staleAfterSeconds})
       FOR UPDATE SKIP LOCKED
    )
    UPDATE "analyses" a
       SET "status" = 'pending', "attempt_token" = NULL, "worker_id" = NULL, "progress_phase" = 'requeued'
      FROM stale
     WHERE a."id" = stale."id"
    RETURNING a."id", a."job_id"::text AS job_id, a."dataset_id", stale."worker_id",
              (SELECT d."workspace_id" FROM "datasets" d WHERE d."id" = a."dataset_id") AS workspace_id`;
  for (const run of stranded) {
    const state = run.job_id ? await deps.queue.failStranded(run.job_id) : null;
    const retrying = state === 'retry' || state === 'created';
    deps.logger.warn('requeued an analysis whose worker stopped responding', { analysisId: run.id, lostWorker: run.worker_id, retrying });
    if (retrying) {
      await deps.events.publish({ analysisId: run.id, workspaceId: run.workspace_id, status: 'PENDING', phase: 'requeued', percent: null });
      continue;
    }
    await deps.prisma.$transaction([
      deps.prisma.analysis.updateMany({
        where: { id: run.id, status: 'PENDING' },
        data: { status: 'FAILED', completedAt: new Date(), progressPhase: 'failed', errorMessage: 'Its worker stopped responding on every attempt.' },
      }),
      deps.prisma.dataset.update({ where: { id: run.dataset_id }, data: { status: 'FAILED' } }),
    ]);
    await deps.events.publish({ analysisId: run.id, workspaceId: run.workspace_id, status: 'FAILED', phase: 'failed', percent: null });
  }
  return stranded.length + (await failAbandoned(deps));
}

/** PENDING analyses whose job is over (failed, cancelled, completed or gone) without having run them. */
async function failAbandoned(deps: { prisma: Db; events: AnalysisEvents; logger: Logger }): Promise<number> {
  // pg-boss keeps live jobs in pgboss.job; its job_state enum orders created < retry < active < completed.
  const abandoned = await deps.prisma.$queryRaw<{ id: number; dataset_id: number; workspace_id: number }[]>`
    WITH lost AS (
      SELECT a."id" FROM "analyses" a
       WHERE a."status" = 'pending' AND a."job_id" IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = 'analysis' AND j.id = a."job_id" AND j.state < 'completed')
       FOR UPDATE SKIP LOCKED
    )
    UPDATE "analyses" a
       SET "status" = 'failed', "completed_at" = now(), "progress_phase" = 'failed',
           "error_message" = 'The analysis could not be run: its attempts were used up. Start it again.'
      FROM lost
     WHERE a."id" = lost."id"
    RETURNING a."id", a."dataset_id", (SELECT d."workspace_id" FROM "datasets" d WHERE d."id" = a."dataset_id") AS workspace_id`;
  for (const run of abandoned) {
    deps.logger.warn('failed an analysis whose job ended before it ran', { analysisId: run.id });
    await deps.prisma.dataset.updateMany({ where: { id: run.dataset_id, status: 'PROCESSING' }, data: { status: 'FAILED' } });
    await deps.events.publish({ analysisId: run.id, workspaceId: run.workspace_id, status: 'FAILED', phase: 'failed', percent: null });
  }
  return abandoned.length;
}
