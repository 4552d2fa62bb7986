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
import * as lifecycle from './lifecycle.js';
import type { AnalysisQueue } from './queue.js';

export async function requeueStrandedRuns(
  deps: { prisma: Db; queue: AnalysisQueue; events: AnalysisEvents; logger: Logger },
  staleAfterSeconds: number,
): Promise<number> {
  const stranded = await lifecycle.requeueStranded(deps, staleAfterSeconds);
  for (const { run, jobId, workerId } of stranded) {
    const state = jobId ? await deps.queue.failStranded(jobId) : null;
    const retrying = state === 'retry' || state === 'created';
    deps.logger.warn('requeued an analysis whose worker stopped responding', {
      analysisId: run.analysisId,
      lostWorker: workerId,
      retrying,
    });
    if (!retrying) await lifecycle.abandon(deps, 'Its worker stopped responding on every attempt.', run);
  }
  const abandoned = await lifecycle.abandon(deps, 'The analysis could not be run: its attempts were used up. Start it again.');
  for (const run of abandoned) deps.logger.warn('failed an analysis whose job ended before it ran', { analysisId: run.analysisId });
  return stranded.length + abandoned.length;
}
