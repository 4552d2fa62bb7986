// Every transition of the analysis lifecycle on a real database, as the
// resolvers, the worker and the stranded-run watch call them: the analysis'
// status and phase after it, its dataset's status, and the one event it sends.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysisEvent, WorkspaceEvent } from '../../src/analyses/events.js';
import * as lifecycle from '../../src/analyses/lifecycle.js';
import { createTestApi, type TestApi } from '../support/api.js';
import { createUser, createWorkspace } from '../support/fixtures.js';

let api: TestApi;
let userId: number;
let workspaceId: number;
let deps: lifecycle.LifecycleDeps & { queue: TestApi['analyses']['queue'] };

beforeAll(async () => {
  api = await createTestApi();
  userId = (await createUser(api.db.prisma)).id;
  deps = { prisma: api.db.prisma, ...api.analyses };
}, 60_000);
// A workspace per test: no event of one test reaches another's listener.
beforeEach(async () => {
  workspaceId = (await createWorkspace(api.db.prisma, userId)).id;
});
afterAll(async () => {
  await api?.close();
});

let files = 0;
async function newDataset() {
  return api.db.prisma.dataset.create({
    data: { name: 'data', filePath: `lifecycle-${process.pid}/${++files}.csv`, fileSize: 10n, workspaceId, uploadedBy: userId },
  });
}

/** Listens to the workspace from now on; `next()` is the next event sent there. */
async function follow() {
  const stop = new AbortController();
  const events = (await api.analyses.events.subscribeToWorkspace(workspaceId, stop.signal))[Symbol.asyncIterator]();
  return { next: async () => (await events.next()).value as WorkspaceEvent, stop: () => stop.abort() };
}

/** The analysis events of one analysis from now on. */
async function followAnalysis(analysisId: number) {
  const stop = new AbortController();
  const events = (await api.analyses.events.subscribe(analysisId, stop.signal))[Symbol.asyncIterator]();
  return { next: async () => (await events.next()).value as AnalysisEvent, stop: () => stop.abort() };
}

async function state(analysisId: number, datasetId: number) {
  const analysis = await api.db.prisma.analysis.findUnique({
    where: { id: analysisId },
    select: { status: true, progressPhase: true, cancelledAt: true },
  });
  const dataset = await api.db.prisma.dataset.findUniqueOrThrow({ where: { id: datasetId }, select: { status: true } });
  return {
    analysis: analysis && { status: analysis.status, phase: analysis.progressPhase, cancelled: analysis.cancelledAt !== null },
    dataset: dataset.status,
  };
}

async function started(datasetId: number) {
  return lifecycle.start(deps, { datasetId, workspaceId, goalType: 'GENERAL_AUDIT', options: { targetColumn: null, sampleLimit: null } });
}

const outcome = { qualityScore: 90, scoreBreakdown: {}, counts: {} };
const noResults = async () => {};

describe('the analysis lifecycle', () => {
  it('start → claim → progress → complete, the dataset PENDING → PROCESSING → COMPLETED, one event each', async () => {
    const dataset = await newDataset();
    const events = await follow();
    const analysis = await started(dataset.id);
    expect(await events.next()).toMatchObject({ kind: 'ANALYSIS_QUEUED', analysisId: analysis.id });
    expect(await state(analysis.id, dataset.id)).toEqual({
      analysis: { status: 'PENDING', phase: 'queued', cancelled: false },
      dataset: 'PENDING',
    });

    const token = randomUUID();
    const steps = await followAnalysis(analysis.id);
    const claimed = await lifecycle.claim(deps, analysis.id, token, 'worker-1');
    expect(claimed).toMatchObject({
      run: { analysisId: analysis.id, datasetId: dataset.id, workspaceId },
      attempts: 1,
      goalType: 'GENERAL_AUDIT',
    });
    expect(await events.next()).toMatchObject({ kind: 'ANALYSIS_STARTED', analysisId: analysis.id });
    expect(await state(analysis.id, dataset.id)).toEqual({
      analysis: { status: 'RUNNING', phase: 'starting', cancelled: false },
      dataset: 'PROCESSING',
    });

    expect(await steps.next()).toMatchObject({ status: 'RUNNING', phase: 'starting', percent: 0 });
    await lifecycle.progress(deps, claimed!.run, token, 'loading', 40);
    expect(await steps.next()).toEqual({ analysisId: analysis.id, workspaceId, status: 'RUNNING', phase: 'loading', percent: 40 });
    steps.stop();
    // A token that is not the run's moves nothing.
    await lifecycle.progress(deps, claimed!.run, randomUUID(), 'saving', 0);
    expect((await state(analysis.id, dataset.id)).analysis?.phase).toBe('loading');
    expect(await lifecycle.complete(deps, claimed!.run, randomUUID(), outcome, noResults)).toBe(false);

    expect(await lifecycle.complete(deps, claimed!.run, token, { ...outcome, counts: { rowCount: 7 } }, noResults)).toBe(true);
    expect(await events.next()).toMatchObject({ kind: 'ANALYSIS_COMPLETED', analysisId: analysis.id });
    expect(await state(analysis.id, dataset.id)).toEqual({
      analysis: { status: 'COMPLETED', phase: 'done', cancelled: false },
      dataset: 'COMPLETED',
    });
    expect((await api.db.prisma.dataset.findUniqueOrThrow({ where: { id: dataset.id } })).rowCount).toBe(7);
    // Finished: it cannot be claimed again.
    expect(await lifecycle.claim(deps, analysis.id, randomUUID(), 'worker-2')).toBeNull();
    events.stop();
  });

  it('retry puts a running analysis back to PENDING; the dataset goes back to what its finished analyses say', async () => {
    const dataset = await newDataset();
    const events = await follow();
    const first = await started(dataset.id);
    const firstToken = randomUUID();
    const firstRun = (await lifecycle.claim(deps, first.id, firstToken, 'w'))!.run;
    await lifecycle.complete(deps, firstRun, firstToken, outcome, noResults);

    const second = await started(dataset.id);
    const token = randomUUID();
    const run = (await lifecycle.claim(deps, second.id, token, 'w'))!.run;
    expect((await state(second.id, dataset.id)).dataset).toBe('PROCESSING');
    // Events arrive in the order the transitions sent them.
    const kinds = ['ANALYSIS_QUEUED', 'ANALYSIS_STARTED', 'ANALYSIS_COMPLETED', 'ANALYSIS_QUEUED', 'ANALYSIS_STARTED'];
    for (const kind of kinds) expect((await events.next()).kind).toBe(kind);
    expect(await lifecycle.retry(deps, run, token, 'The database was unreachable; the analysis will be tried again.')).toBe(true);
    expect(await events.next()).toMatchObject({ kind: 'ANALYSIS_QUEUED', analysisId: second.id });
    expect(await state(second.id, dataset.id)).toEqual({
      analysis: { status: 'PENDING', phase: 'waiting_to_retry', cancelled: false },
      dataset: 'COMPLETED',
    });
    // The old run's token is spent: it can neither fail nor complete the analysis now.
    expect(await lifecycle.fail(deps, run, token, 'late')).toBe(false);

    // Cancelled while waiting to be retried: FAILED with cancelledAt; the dataset keeps its completed analysis' status.
    expect(await lifecycle.cancel(deps, second.id, workspaceId, 'Ada Lovelace')).toEqual({ jobId: second.jobId });
    expect(await events.next()).toMatchObject({ kind: 'ANALYSIS_FAILED', analysisId: second.id });
    expect(await state(second.id, dataset.id)).toEqual({
      analysis: { status: 'FAILED', phase: 'cancelled', cancelled: true },
      dataset: 'COMPLETED',
    });
    expect(await lifecycle.claim(deps, second.id, randomUUID(), 'w')).toBeNull();
    expect(await lifecycle.cancel(deps, second.id, workspaceId, 'Ada Lovelace')).toBeNull();
    events.stop();
  });

  it('fail ends a run for good; the dataset is FAILED, and PENDING again once that analysis is deleted', async () => {
    const dataset = await newDataset();
    const events = await follow();
    const analysis = await started(dataset.id);
    const token = randomUUID();
    const run = (await lifecycle.claim(deps, analysis.id, token, 'w'))!.run;
    for (const kind of ['ANALYSIS_QUEUED', 'ANALYSIS_STARTED']) expect((await events.next()).kind).toBe(kind);
    expect(await lifecycle.fail(deps, run, token, 'The file could not be analysed: line 3: 2 fields where the header has 3')).toBe(true);
    expect(await events.next()).toMatchObject({ kind: 'ANALYSIS_FAILED', analysisId: analysis.id });
    expect(await state(analysis.id, dataset.id)).toEqual({
      analysis: { status: 'FAILED', phase: 'failed', cancelled: false },
      dataset: 'FAILED',
    });

    await lifecycle.remove(deps, analysis.id, workspaceId);
    expect(await events.next()).toMatchObject({ kind: 'ANALYSIS_DELETED', analysisId: analysis.id, datasetId: dataset.id });
    expect(await state(analysis.id, dataset.id)).toEqual({ analysis: null, dataset: 'PENDING' });
    events.stop();
  });

  it('deleting a running analysis does not leave its dataset PROCESSING, and its run can write nothing', async () => {
    const dataset = await newDataset();
    const analysis = await started(dataset.id);
    const token = randomUUID();
    const run = (await lifecycle.claim(deps, analysis.id, token, 'w'))!.run;
    expect((await state(analysis.id, dataset.id)).dataset).toBe('PROCESSING');
    expect(await lifecycle.remove(deps, analysis.id, workspaceId)).toEqual({ jobId: analysis.jobId });
    expect(await state(analysis.id, dataset.id)).toEqual({ analysis: null, dataset: 'PENDING' });
    expect(await lifecycle.heartbeat(deps, analysis.id, token)).toBe('superseded');
    expect(await lifecycle.complete(deps, run, token, outcome, noResults)).toBe(false);
  });

  it('cancelling a running analysis stops its run at the next heartbeat; the dataset is no longer PROCESSING', async () => {
    const dataset = await newDataset();
    const analysis = await started(dataset.id);
    const token = randomUUID();
    await lifecycle.claim(deps, analysis.id, token, 'w');
    expect(await lifecycle.heartbeat(deps, analysis.id, token)).toBe('ok');
    await lifecycle.cancel(deps, analysis.id, workspaceId, 'Ada Lovelace');
    expect(await state(analysis.id, dataset.id)).toEqual({
      analysis: { status: 'FAILED', phase: 'cancelled', cancelled: true },
      dataset: 'PENDING',
    });
    expect(await lifecycle.heartbeat(deps, analysis.id, token)).toBe('cancelled');
  });

  it('requeue takes a run whose worker went silent back to PENDING; abandon fails it when no attempt is left', async () => {
    const dataset = await newDataset();
    const events = await follow();
    const analysis = await started(dataset.id);
    await lifecycle.claim(deps, analysis.id, randomUUID(), 'lost-worker');
    await api.db.prisma.analysis.update({ where: { id: analysis.id }, data: { heartbeatAt: new Date(Date.now() - 3_600_000) } });
    for (const kind of ['ANALYSIS_QUEUED', 'ANALYSIS_STARTED']) expect((await events.next()).kind).toBe(kind);
    const stranded = await lifecycle.requeueStranded(deps, 60);
    expect(stranded).toEqual([
      { run: { analysisId: analysis.id, datasetId: dataset.id, workspaceId }, jobId: analysis.jobId, workerId: 'lost-worker' },
    ]);
    expect(await events.next()).toMatchObject({ kind: 'ANALYSIS_QUEUED', analysisId: analysis.id });
    expect(await state(analysis.id, dataset.id)).toEqual({
      analysis: { status: 'PENDING', phase: 'requeued', cancelled: false },
      dataset: 'PENDING',
    });
    // A fresh heartbeat is not stale: nothing else is taken.
    expect(await lifecycle.requeueStranded(deps, 60)).toEqual([]);

    expect(await lifecycle.abandon(deps, 'Its worker stopped responding on every attempt.', stranded[0]!.run)).toHaveLength(1);
    expect(await events.next()).toMatchObject({ kind: 'ANALYSIS_FAILED', analysisId: analysis.id });
    expect(await state(analysis.id, dataset.id)).toEqual({
      analysis: { status: 'FAILED', phase: 'failed', cancelled: false },
      dataset: 'FAILED',
    });
    events.stop();
  });

  it('abandon fails a PENDING analysis whose job is over before any worker ran it', async () => {
    const dataset = await newDataset();
    const analysis = await started(dataset.id);
    await api.db.pool.query(`UPDATE pgboss.job SET state = 'failed' WHERE id = $1`, [analysis.jobId]);
    const abandoned = await lifecycle.abandon(deps, 'The analysis could not be run: its attempts were used up. Start it again.');
    expect(abandoned.map((run) => run.analysisId)).toContain(analysis.id);
    expect(await state(analysis.id, dataset.id)).toEqual({
      analysis: { status: 'FAILED', phase: 'failed', cancelled: false },
      dataset: 'FAILED',
    });
  });
});
