// A worker: `concurrency` analyses at a time from the queue, plus the watch
// for runs whose worker died. The API server runs one in-process by default;
// `npm run worker` runs standalone ones, on any number of machines.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Db } from '../db/client.js';
import type { Storage } from '../datasets/storage.js';
import type { Logger } from '../logger.js';
import type { AnalysisEvents } from './events.js';
import { ProfilerProcesses } from './profile-in-child.js';
import type { AnalysisQueue } from './queue.js';
import { runAnalysis, type RunnerSettings } from './run-analysis.js';
import { requeueStrandedRuns } from './stranded-runs.js';

export type WorkerSettings = RunnerSettings & { concurrency: number; staleAfterSeconds: number };

export class AnalysisWorker {
  private constructor(
    readonly id: string,
    private readonly queue: AnalysisQueue,
    private readonly watch: NodeJS.Timeout,
    private readonly profilers: ProfilerProcesses,
  ) {}

  static async start(deps: {
    prisma: Db;
    queue: AnalysisQueue;
    storage: Storage;
    events: AnalysisEvents;
    logger: Logger;
    settings: WorkerSettings;
  }) {
    const id = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    const { settings, logger } = deps;
    const profilers = new ProfilerProcesses();
    profilers.warmUp(settings.concurrency);
    await deps.queue.work(settings.concurrency, (job) => runAnalysis({ ...deps, workerId: id, profilers }, job));
    // A queued analysis is announced (NOTIFY); polling every second remains the fallback.
    await deps.events.onQueued(() => deps.queue.wake());
    const checkStranded = () =>
      requeueStrandedRuns(deps, settings.staleAfterSeconds).catch((error) =>
        logger.warn('could not check for stranded analyses', { error }),
      );
    void checkStranded();
    const watch = setInterval(checkStranded, Math.max(1, settings.staleAfterSeconds / 3) * 1000);
    watch.unref();
    logger.info('analysis worker started', { workerId: id, concurrency: settings.concurrency });
    return new AnalysisWorker(id, deps.queue, watch, profilers);
  }

  /** Stops taking jobs and waits for the running ones (up to timeoutMs). */
  async stop(timeoutMs = 30_000): Promise<void> {
    clearInterval(this.watch);
    await this.queue.stop({ graceful: true, timeoutMs });
    this.profilers.close();
  }
}
