// One analysis, run by a worker: claimed (RUNNING) → profile (in a child
// process) → insights and score → every column profile and insight written
// with the completion → COMPLETED, or FAILED with a message a person can act
// on, or back to PENDING for the queue to retry. The transitions themselves,
// and the attempt token that guards them, are lifecycle.ts'.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import { isTransientConnectionError, withRetry } from '../db/transient.js';
import type { TransactionClient } from '../db/unit-of-work.js';
import { ScratchSpaceFull, type Storage, StorageUnavailable, StoredFileMissing } from '../datasets/storage.js';
import type { Prisma } from '../generated/prisma/client.js';
import { analyzeProfile, InsightsError, type AnalysisResult } from '../insights/index.js';
import { withFields, type Logger } from '../logger.js';
import { DEFAULT_NULL_TOKENS, datasetFactsOf, ProfilingError, type DatasetProfile, type ProfileProgress } from '../profiling/index.js';
import type { AnalysisEvents } from './events.js';
import * as lifecycle from './lifecycle.js';
import type { Claimed, Run } from './lifecycle.js';
import type { AnalysisPhase } from './progress.js';
import { ProfilerCrashed, ProfilerLost, type ProfilerProcesses } from './profile-in-child.js';
import type { AnalysisJob } from './queue.js';

export type RunnerSettings = {
  timeLimitSeconds: number;
  heartbeatSeconds: number;
  profiler: { memoryLimit: string; threads: number | undefined; tempDirectory: string; maxColumns: number };
};

export type RunnerDeps = {
  prisma: Db;
  storage: Storage;
  events: AnalysisEvents;
  logger: Logger;
  workerId: string;
  profilers: ProfilerProcesses;
  settings: RunnerSettings;
};

/** Why a run stopped before finishing. */
class Stopped extends Error {
  constructor(readonly why: 'cancelled' | 'superseded' | 'time-limit') {
    super(why);
  }
}

/** The analysis cannot succeed with this input: fail it, do not retry. */
class BadInput extends Error {}

const PROGRESS_INTERVAL_MS = 250;
// Silent this long, a run says again where it is (checked 4 times a second, so a follower hears from it at
// least once a second).
const KEEP_ALIVE_MS = 750;

export async function runAnalysis(deps: RunnerDeps, job: AnalysisJob): Promise<void> {
  const { logger } = deps;
  const token = randomUUID();
  const claimed = await lifecycle.claim(deps, job.analysisId, token, deps.workerId);
  // Gone (dataset deleted), cancelled, or already finished: nothing to do.
  if (!claimed) return;
  const log = withFields(logger, { analysisId: job.analysisId, attempt: claimed.attempts, workerId: deps.workerId });
  log.info('analysis started');

  const stop = new AbortController();
  const heartbeat = setInterval(() => {
    void lifecycle.heartbeat(deps, job.analysisId, token).then(
      (state) => state !== 'ok' && stop.abort(new Stopped(state)),
      (error) => log.warn('heartbeat failed', { error }),
    );
  }, deps.settings.heartbeatSeconds * 1000);
  const timeLimit = setTimeout(() => stop.abort(new Stopped('time-limit')), deps.settings.timeLimitSeconds * 1000);

  const progress = progressReporter(deps, claimed.run, token);
  try {
    const profilerOptions = {
      ...deps.settings.profiler,
      rowLimit: claimed.options.sampleLimit ?? null,
      nullTokens: [...DEFAULT_NULL_TOKENS, ...(claimed.options.missingValueMarkers ?? [])],
    };
    // From object storage the file is first streamed into the DuckDB temp space (STARTING), and removed after.
    const profile = await deps.storage.withLocalFile(
      claimed.filePath,
      (localPath) => deps.profilers.profile(localPath, profilerOptions, { signal: stop.signal, onProgress: progress.report }),
      { signal: stop.signal },
    );
    // Every phase is recorded (and published) before the next step's.
    await progress.stop();
    const result = analyze(profile, claimed.goalType, claimed.options.targetColumn ?? null);
    await lifecycle.progress(deps, claimed.run, token, 'saving', 0);
    // A brief loss of the database is retried here (backoff up to ~2 s); a longer one fails the run, which the queue retries.
    const written = await withRetry(() => completeWithResults(deps, claimed.run, token, profile, result, log));
    if (!written) throw new Stopped('superseded');
    log.info('analysis completed', { score: result.score, insights: result.insights.length });
  } catch (error) {
    await settleFailure(deps, job, token, claimed, error, log);
  } finally {
    void progress.stop();
    clearInterval(heartbeat);
    clearTimeout(timeLimit);
  }
}

/**
 * The profiler's progress, written and published in order: at every new phase,
 * within one at most every 250 ms (the latest report wins), and again after
 * 750 ms without news, so a follower of a long run hears from it at least once
 * a second. The profiler's own 'done' is not the analysis' (saving comes next).
 */
function progressReporter(deps: RunnerDeps, run: Run, token: string) {
  type Step = { phase: AnalysisPhase; percent: number | null };
  let last: Step | null = null;
  let waiting: Step | null = null;
  let lastAt = 0;
  let writing = Promise.resolve();
  const write = (step: Step) => {
    last = step;
    waiting = null;
    lastAt = Date.now();
    writing = writing
      .then(() => lifecycle.progress(deps, run, token, step.phase, step.percent))
      .catch((error) => deps.logger.warn('could not record progress', { analysisId: run.analysisId, error }));
  };
  const tick = setInterval(() => {
    if (waiting) write(waiting);
    else if (last && Date.now() - lastAt >= KEEP_ALIVE_MS) write(last);
  }, PROGRESS_INTERVAL_MS);
  tick.unref();
  return {
    report: (phase: ProfileProgress['phase'], percent: number | null) => {
      if (phase === 'done') return;
      const step = { phase, percent: percent === null ? null : Math.round(percent * 10) / 10 };
      if (phase === last?.phase && Date.now() - lastAt < PROGRESS_INTERVAL_MS) waiting = step;
      else write(step);
    },
    /** No more reports; resolves once every report (the last waiting one too) is written. */
    stop: () => {
      clearInterval(tick);
      if (waiting) write(waiting);
      return writing;
    },
  };
}

function analyze(profile: DatasetProfile, goal: Claimed['goalType'], targetColumn: string | null): AnalysisResult {
  try {
    return analyzeProfile(profile, { goal, targetColumn });
  } catch (error) {
    if (error instanceof InsightsError) throw new BadInput(error.message);
    throw error;
  }
}

/** Everything the analysis produced, written with its completion, only if this run still owns it. */
function completeWithResults(
  deps: RunnerDeps,
  run: Run,
  token: string,
  profile: DatasetProfile,
  result: AnalysisResult,
  log: Logger,
): Promise<boolean> {
  const { analysisId } = run;
  // A sample's row count is not the file's: the dataset keeps the count its upload found.
  const counts = profile.rowLimit === null ? { rowCount: profile.rowCount, columnCount: profile.columnCount } : {};
  // Facts that break their schema are a profiler bug: logged, and the analysis completes without them.
  const facts = datasetFactsOf(profile);
  if (!facts.success) log.error('the profile’s dataset facts do not match their schema; not kept', { error: facts.error });
  const outcome = {
    qualityScore: result.score,
    scoreBreakdown: result.breakdown as Prisma.InputJsonValue,
    datasetFacts: facts.success ? (facts.data as Prisma.InputJsonValue) : null,
    counts,
  };
  return lifecycle.complete(deps, run, token, outcome, async (tx: TransactionClient) => {
    await tx.columnProfile.deleteMany({ where: { analysisId } });
    await tx.insight.deleteMany({ where: { analysisId } });
    await tx.columnProfile.createMany({
      data: profile.columns.map((column) => ({
        analysisId,
        columnName: column.columnName,
        dataType: column.dataType,
        nullCount: column.nullCount,
        uniqueCount: column.uniqueCount,
        minValue: column.minValue,
        maxValue: column.maxValue,
        mean: column.mean,
        median: column.median,
        distributionData: column.distributionData as Prisma.InputJsonValue,
      })),
    });
    // Inserted most severe first, so id order is the report's order.
    await tx.insight.createMany({
      data: result.insights.map((insight) => ({
        analysisId,
        type: insight.type,
        severity: insight.severity,
        columnName: insight.columnName,
        description: insight.description,
        recommendation: insight.recommendation,
        codeSuggestion: insight.codeSuggestion,
        code: insight.code,
        evidence: insight.evidence as Prisma.InputJsonValue,
        cost: insight.cost,
      })),
    });
  });
}

/**
 * A person-readable reason for a failed run, whether the job should be tried
 * again, and (for those) what to say when no attempt is left.
 */
function classify(error: unknown, settings: RunnerSettings): { message: string; retry: boolean; lastWord?: string; internal?: true } {
  if (error instanceof Stopped && error.why === 'time-limit') {
    return { message: `The analysis was stopped after the time limit of ${settings.timeLimitSeconds} s.`, retry: false };
  }
  if (error instanceof ProfilingError) return { message: `The file could not be analysed: ${error.message}`, retry: false };
  if (error instanceof ProfilerLost) {
    return {
      message: `${error.message}; the analysis will be tried again.`,
      retry: true,
      lastWord: `${error.message} on every attempt (a file this large may need more memory: PROFILER_MEMORY_LIMIT, or a sample limit).`,
    };
  }
  if (error instanceof BadInput || error instanceof ProfilerCrashed) return { message: error.message, retry: false };
  if (error instanceof StoredFileMissing) return { message: error.message, retry: false };
  if (error instanceof StorageUnavailable) {
    return {
      message: 'The file storage was unreachable; the analysis will be tried again.',
      retry: true,
      lastWord: 'The file storage was unreachable on every attempt; start the analysis again later.',
    };
  }
  if (error instanceof ScratchSpaceFull) {
    return {
      message: 'The worker had no disk space for a copy of the file; the analysis will be tried again.',
      retry: true,
      lastWord: `The workers had no disk space for a copy of the file (${Math.ceil(error.needed / 1024 ** 2)} MiB) on every attempt; give them more room in DATA_DIR/duckdb-tmp.`,
    };
  }
  if (isTransientConnectionError(error)) {
    return {
      message: 'The database was unreachable; the analysis will be tried again.',
      retry: true,
      lastWord: 'The database was unreachable on every attempt; start the analysis again later.',
    };
  }
  return { message: 'The analysis failed because of an internal error; it has been logged.', retry: false, internal: true };
}

async function settleFailure(deps: RunnerDeps, job: AnalysisJob, token: string, claimed: Claimed, error: unknown, log: Logger) {
  // Cancelled: the cancel already recorded it. Superseded: another run owns the analysis now.
  if (error instanceof Stopped && error.why !== 'time-limit') {
    log.info('analysis run stopped', { why: error.why });
    return;
  }
  const { message, retry, lastWord, internal } = classify(error, deps.settings);
  const lastAttempt = job.retryCount >= job.retryLimit;
  if (retry && !lastAttempt) {
    log.warn('analysis hit a transient error; the queue will retry it', { error });
    await lifecycle.retry(deps, claimed.run, token, message).catch(() => {});
    // Thrown on to the queue, which retries with exponential backoff.
    throw error;
  }
  if (internal) log.error('analysis failed', { error });
  else log.info('analysis failed', { reason: message });
  await lifecycle.fail(deps, claimed.run, token, retry ? (lastWord ?? message) : message);
}
