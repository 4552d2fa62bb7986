// The analysis lifecycle, and the only place that moves an analysis (or, with
// it, its dataset) from one status to another. Each transition is one unit of
// work over the analysis and its dataset, followed by one event.
//
//   start → PENDING ─claim→ RUNNING ─complete→ COMPLETED
//                 ↑            │ ├─fail→ FAILED
//                 └──retry─────┘ └─(lost worker) requeue → PENDING
//   cancel: PENDING or RUNNING → FAILED (cancelledAt); abandon: PENDING whose
//   job can no longer run → FAILED; delete: any → gone.
//
// A run holds an attempt token: progress, completion, retry and failure only
// touch the analysis while the token is still its own, so a run that was
// cancelled, timed out, or given up for dead can never write over it.
//
// The dataset's status follows from its analyses (settleDataset), after every
// transition: PROCESSING while one runs, else the status of the latest that
// finished (a cancelled one does not count), else PENDING.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import { unitOfWork, type TransactionClient } from '../db/unit-of-work.js';
import { Prisma, type AnalysisGoalType, type Analysis } from '../generated/prisma/client.js';
import type { AnalysisEvent, AnalysisEvents } from './events.js';
import { analysisOptionsSchema, type AnalysisOptions } from './options.js';
import type { AnalysisPhase } from './progress.js';
import type { AnalysisQueue, SqlExecutor } from './queue.js';

export type LifecycleDeps = { prisma: Db; events: AnalysisEvents };

/** An analysis being run, and where its events go. */
export type Run = { analysisId: number; datasetId: number; workspaceId: number };

/** What a worker needs to run a claimed analysis. */
export type Claimed = {
  run: Run;
  filePath: string;
  goalType: AnalysisGoalType;
  options: AnalysisOptions;
  attempts: number;
};

async function settleDataset(tx: TransactionClient, datasetId: number): Promise<void> {
  await tx.$executeRaw`
    UPDATE "datasets" d SET "status" = s."status"
      FROM (SELECT CASE
                   WHEN EXISTS (SELECT 1 FROM "analyses" a WHERE a."dataset_id" = ${datasetId} AND a."status" = 'running') THEN 'processing'
                   ELSE COALESCE((SELECT a."status"::text FROM "analyses" a
                                   WHERE a."dataset_id" = ${datasetId} AND a."status" IN ('completed', 'failed') AND a."cancelled_at" IS NULL
                                   ORDER BY a."completed_at" DESC, a."id" DESC LIMIT 1), 'pending')
                   END::dataset_status AS "status") s
     WHERE d."id" = ${datasetId} AND d."status" IS DISTINCT FROM s."status"`;
}

const announce = (
  deps: LifecycleDeps,
  run: Pick<Run, 'analysisId' | 'workspaceId'>,
  status: AnalysisEvent['status'],
  phase: AnalysisPhase,
  percent: number | null,
) => deps.events.publish({ analysisId: run.analysisId, workspaceId: run.workspaceId, status, phase, percent });

/** A new analysis of a dataset, PENDING, with its job queued by the same transaction. */
export async function start(
  deps: LifecycleDeps & { queue: AnalysisQueue },
  input: {
    datasetId: number;
    /** The version whose file it analyses (null: a dataset recorded without versions, whose current file it reads). */
    datasetVersionId?: number | null;
    workspaceId: number;
    goalType: AnalysisGoalType;
    options: AnalysisOptions;
  },
): Promise<Analysis> {
  const jobId = randomUUID();
  const analysis = await unitOfWork(deps.prisma, async (tx) => {
    const created = await tx.analysis.create({
      data: {
        datasetId: input.datasetId,
        datasetVersionId: input.datasetVersionId ?? null,
        goalType: input.goalType,
        options: input.options,
        jobId,
        progressPhase: 'queued',
      },
    });
    // No analysis without its job.
    const inTransaction: SqlExecutor = { executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe(text, ...values) }) };
    await deps.queue.enqueue(jobId, created.id, inTransaction);
    return created;
  });
  await announce(deps, { analysisId: analysis.id, workspaceId: input.workspaceId }, 'PENDING', 'queued', null);
  return analysis;
}

/** PENDING (or RUNNING after a lost worker) → RUNNING under this run's token; null when it is not to run. */
export async function claim(deps: LifecycleDeps, analysisId: number, token: string, workerId: string): Promise<Claimed | null> {
  const claimed = await unitOfWork(deps.prisma, async (tx) => {
    const rows = await tx.$queryRaw<
      { dataset_id: number; dataset_version_id: number | null; goal_type: string; options: unknown; attempts: number }[]
    >`
      UPDATE "analyses"
         SET "status" = 'running', "started_at" = now(), "completed_at" = NULL, "error_message" = NULL,
             "attempt_token" = ${token}::uuid, "attempts" = "attempts" + 1, "worker_id" = ${workerId},
             "heartbeat_at" = now(), "progress_phase" = 'starting', "progress_percent" = 0
       WHERE "id" = ${analysisId} AND "status" IN ('pending', 'running') AND "cancelled_at" IS NULL
      RETURNING "dataset_id", "dataset_version_id", "goal_type"::text AS goal_type, "options", "attempts"`;
    const row = rows[0];
    if (!row) return null;
    await settleDataset(tx, row.dataset_id);
    const dataset = await tx.dataset.findUniqueOrThrow({ where: { id: row.dataset_id }, select: { filePath: true, workspaceId: true } });
    // The analysed version's file, not the dataset's current one (which a newer version may have replaced).
    const version =
      row.dataset_version_id === null
        ? null
        : await tx.datasetVersion.findUniqueOrThrow({ where: { id: row.dataset_version_id }, select: { filePath: true } });
    return {
      run: { analysisId, datasetId: row.dataset_id, workspaceId: dataset.workspaceId },
      filePath: version?.filePath ?? dataset.filePath,
      goalType: row.goal_type.toUpperCase() as AnalysisGoalType,
      options: analysisOptionsSchema.parse(row.options),
      attempts: row.attempts,
    };
  });
  if (claimed) await announce(deps, claimed.run, 'RUNNING', 'starting', 0);
  return claimed;
}

/** Marks this run alive; says whether it should go on. */
export async function heartbeat(deps: LifecycleDeps, analysisId: number, token: string): Promise<'ok' | 'cancelled' | 'superseded'> {
  const rows = await deps.prisma.$queryRaw<{ cancelled: boolean }[]>`
    UPDATE "analyses" SET "heartbeat_at" = now()
     WHERE "id" = ${analysisId} AND "attempt_token" = ${token}::uuid AND "status" = 'running'
    RETURNING "cancelled_at" IS NOT NULL AS cancelled`;
  if (!rows[0]) {
    const cancelled = await deps.prisma.analysis.count({ where: { id: analysisId, cancelledAt: { not: null } } });
    return cancelled ? 'cancelled' : 'superseded';
  }
  return rows[0].cancelled ? 'cancelled' : 'ok';
}

/** A step of a RUNNING run. */
export async function progress(deps: LifecycleDeps, run: Run, token: string, phase: AnalysisPhase, percent: number | null): Promise<void> {
  const { count } = await deps.prisma.analysis.updateMany({
    where: { id: run.analysisId, attemptToken: token, status: 'RUNNING' },
    data: { progressPhase: phase, progressPercent: percent },
  });
  if (count) await announce(deps, run, 'RUNNING', phase, percent);
}

/**
 * RUNNING → COMPLETED with everything the run produced, written by `writeResults` in the same transaction;
 * false (nothing written) when the run no longer owns the analysis.
 */
export async function complete(
  deps: LifecycleDeps,
  run: Run,
  token: string,
  outcome: {
    qualityScore: number | null;
    scoreBreakdown: Prisma.InputJsonValue;
    /** The profile's dataset-level facts (src/profiling datasetFactsSchema); absent or null: none kept. */
    datasetFacts?: Prisma.InputJsonValue | null;
    counts: { rowCount?: number; columnCount?: number };
  },
  writeResults: (tx: TransactionClient) => Promise<void>,
): Promise<boolean> {
  const completed = await unitOfWork(
    deps.prisma,
    async (tx) => {
      const owned = await tx.$queryRaw<{ id: number; dataset_version_id: number | null }[]>`
        SELECT "id", "dataset_version_id" FROM "analyses"
         WHERE "id" = ${run.analysisId} AND "attempt_token" = ${token}::uuid AND "status" = 'running' FOR UPDATE`;
      if (!owned[0]) return false;
      const versionId = owned[0].dataset_version_id;
      await writeResults(tx);
      await tx.analysis.update({
        where: { id: run.analysisId },
        data: {
          status: 'COMPLETED',
          completedAt: new Date(),
          qualityScore: outcome.qualityScore,
          scoreBreakdown: outcome.scoreBreakdown,
          datasetFacts: outcome.datasetFacts ?? Prisma.DbNull,
          progressPhase: 'done',
          progressPercent: 100,
          attemptToken: null,
        },
      });
      // The counts are the analysed file's (none for a sample): its version's, and the dataset's only while that
      // version is its latest. The dataset's row is locked first, as a new version locks it, so none arrives between.
      if (Object.keys(outcome.counts).length) {
        await tx.$executeRaw`SELECT 1 FROM "datasets" WHERE "id" = ${run.datasetId} FOR UPDATE`;
        const version =
          versionId === null
            ? null
            : await tx.datasetVersion.update({ where: { id: versionId }, data: outcome.counts, select: { version: true } });
        const newer = version
          ? await tx.datasetVersion.count({ where: { datasetId: run.datasetId, version: { gt: version.version } } })
          : 0;
        if (!newer) await tx.dataset.update({ where: { id: run.datasetId }, data: outcome.counts });
      }
      await settleDataset(tx, run.datasetId);
      return true;
    },
    { timeout: 120_000 },
  );
  if (completed) await announce(deps, run, 'COMPLETED', 'done', 100);
  return completed;
}

/** A run lets go of its RUNNING analysis, which becomes `status`; false when the run no longer owns it. */
async function release(
  deps: LifecycleDeps,
  run: Run,
  token: string,
  status: 'PENDING' | 'FAILED',
  phase: AnalysisPhase,
  data: Prisma.AnalysisUpdateManyMutationInput,
): Promise<boolean> {
  const released = await unitOfWork(deps.prisma, async (tx) => {
    const { count } = await tx.analysis.updateMany({
      where: { id: run.analysisId, attemptToken: token, status: 'RUNNING' },
      data: { ...data, status, progressPhase: phase, progressPercent: null, attemptToken: null },
    });
    if (count) await settleDataset(tx, run.datasetId);
    return count > 0;
  });
  if (released) await announce(deps, run, status, phase, null);
  return released;
}

/** RUNNING → PENDING after a transient failure: the queue runs it again (`message` says why it stopped). */
export const retry = (deps: LifecycleDeps, run: Run, token: string, message: string) =>
  release(deps, run, token, 'PENDING', 'waiting_to_retry', { errorMessage: message });

/** RUNNING → FAILED, for good. */
export const fail = (deps: LifecycleDeps, run: Run, token: string, message: string) =>
  release(deps, run, token, 'FAILED', 'failed', { errorMessage: message, completedAt: new Date() });

/** PENDING or RUNNING → FAILED with cancelledAt; null when it was neither. A running worker stops at its next heartbeat. */
export async function cancel(
  deps: LifecycleDeps,
  analysisId: number,
  workspaceId: number,
  cancelledBy: string,
): Promise<{ jobId: string | null } | null> {
  const cancelled = await unitOfWork(deps.prisma, async (tx) => {
    const { count } = await tx.analysis.updateMany({
      where: { id: analysisId, status: { in: ['PENDING', 'RUNNING'] } },
      data: {
        status: 'FAILED',
        cancelledAt: new Date(),
        completedAt: new Date(),
        errorMessage: `Cancelled by ${cancelledBy}.`,
        progressPhase: 'cancelled',
        progressPercent: null,
        attemptToken: null,
      },
    });
    if (!count) return null;
    const analysis = await tx.analysis.findUniqueOrThrow({ where: { id: analysisId }, select: { jobId: true, datasetId: true } });
    await settleDataset(tx, analysis.datasetId);
    return analysis;
  });
  if (cancelled) await announce(deps, { analysisId, workspaceId }, 'FAILED', 'cancelled', null);
  return cancelled && { jobId: cancelled.jobId };
}

/** Deletes the analysis with its profiles and insights (whatever its status); returns its job to cancel. */
export async function remove(deps: LifecycleDeps, analysisId: number, workspaceId: number): Promise<{ jobId: string | null }> {
  const deleted = await unitOfWork(deps.prisma, async (tx) => {
    const analysis = await tx.analysis.delete({ where: { id: analysisId }, select: { jobId: true, datasetId: true } });
    await settleDataset(tx, analysis.datasetId);
    return analysis;
  });
  await deps.events.publishToWorkspace({ kind: 'ANALYSIS_DELETED', workspaceId, datasetId: deleted.datasetId, analysisId });
  return { jobId: deleted.jobId };
}

type Stranded = { run: Run; jobId: string | null; workerId: string | null };

/**
 * RUNNING analyses whose heartbeat is older than `staleAfterSeconds` (their worker died) → PENDING, claimed by
 * one statement so two watchers never take the same run. The caller fails their jobs, which the queue retries
 * (or, when no attempt is left, `abandon` fails the analysis).
 */
export async function requeueStranded(deps: LifecycleDeps, staleAfterSeconds: number): Promise<Stranded[]> {
  const stranded = await unitOfWork(deps.prisma, async (tx) => {
    const rows = await tx.$queryRaw<
      { id: number; job_id: string | null; dataset_id: number; workspace_id: number; worker_id: string | null }[]
    >`
      WITH stale AS (
        SELECT "id", "worker_id" FROM "analyses"
         WHERE "status" = 'running' AND "heartbeat_at" < now() - make_interval(secs => ${staleAfterSeconds})
         FOR UPDATE SKIP LOCKED
      )
      UPDATE "analyses" a
         SET "status" = 'pending', "attempt_token" = NULL, "worker_id" = NULL, "progress_phase" = 'requeued', "progress_percent" = NULL
        FROM stale
       WHERE a."id" = stale."id"
      RETURNING a."id", a."job_id"::text AS job_id, a."dataset_id", stale."worker_id",
                (SELECT d."workspace_id" FROM "datasets" d WHERE d."id" = a."dataset_id") AS workspace_id`;
    for (const row of rows) await settleDataset(tx, row.dataset_id);
    return rows.map((row) => ({
      run: { analysisId: row.id, datasetId: row.dataset_id, workspaceId: row.workspace_id },
      jobId: row.job_id,
      workerId: row.worker_id,
    }));
  });
  for (const { run } of stranded) await announce(deps, run, 'PENDING', 'requeued', null);
  return stranded;
}

/**
 * PENDING → FAILED because its job can no longer run: the given one (its attempts used up when requeued), or,
 * without `run`, every PENDING analysis whose pg-boss job is over (failed, cancelled, completed or gone)
 * without having run it.
 */
export async function abandon(deps: LifecycleDeps, message: string, run?: Run): Promise<Run[]> {
  const abandoned = await unitOfWork(deps.prisma, async (tx) => {
    const rows = run
      ? await tx.$queryRaw<{ id: number; dataset_id: number; workspace_id: number }[]>`
          UPDATE "analyses" a SET "status" = 'failed', "completed_at" = now(), "progress_phase" = 'failed', "progress_percent" = NULL,
                 "error_message" = ${message}
           WHERE a."id" = ${run.analysisId} AND a."status" = 'pending'
          RETURNING a."id", a."dataset_id", ${run.workspaceId}::int AS workspace_id`
      : // pg-boss keeps live jobs in pgboss.job; its job_state enum orders created < retry < active < completed.
        await tx.$queryRaw<{ id: number; dataset_id: number; workspace_id: number }[]>`
          WITH lost AS (
            SELECT a."id" FROM "analyses" a
             WHERE a."status" = 'pending' AND a."job_id" IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = 'analysis' AND j.id = a."job_id" AND j.state < 'completed')
             FOR UPDATE SKIP LOCKED
          )
          UPDATE "analyses" a
             SET "status" = 'failed', "completed_at" = now(), "progress_phase" = 'failed', "progress_percent" = NULL,
                 "error_message" = ${message}
            FROM lost
           WHERE a."id" = lost."id"
          RETURNING a."id", a."dataset_id", (SELECT d."workspace_id" FROM "datasets" d WHERE d."id" = a."dataset_id") AS workspace_id`;
    for (const row of rows) await settleDataset(tx, row.dataset_id);
    return rows.map((row) => ({ analysisId: row.id, datasetId: row.dataset_id, workspaceId: row.workspace_id }));
  });
  for (const failed of abandoned) await announce(deps, failed, 'FAILED', 'failed', null);
  return abandoned;
}
