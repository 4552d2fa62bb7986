// Runs an analysis' queued job in this process, as a worker would, and returns when it has settled: for tests
// that need completed analyses without a worker process (and without polling for one).
import os from 'node:os';
import type { ProfilerProcesses } from '../../src/analyses/profile-in-child.js';
import { runAnalysis, type RunnerDeps } from '../../src/analyses/run-analysis.js';
import { createLogger } from '../../src/logger.js';
import type { TestApi } from './api.js';

export async function runQueuedAnalysis(api: TestApi, profilers: ProfilerProcesses, analysisId: number): Promise<void> {
  const { jobId } = await api.db.prisma.analysis.findUniqueOrThrow({ where: { id: analysisId }, select: { jobId: true } });
  const deps: RunnerDeps = {
    prisma: api.db.prisma,
    storage: api.storage,
    events: api.analyses.events,
    logger: createLogger('error'),
    workerId: 'in-test-worker',
    profilers,
    settings: {
      timeLimitSeconds: 600,
      heartbeatSeconds: 5,
      profiler: { memoryLimit: '512MB', threads: 1, tempDirectory: os.tmpdir(), maxColumns: 1_000 },
    },
  };
  await runAnalysis(deps, { id: jobId!, analysisId, retryCount: 0, retryLimit: 0 });
}
