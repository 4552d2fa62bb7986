// From upload to a completed analysis, through the GraphQL API over HTTP, with
// the work done by a standalone worker process: every shared dataset, a
// corrupt file, cancellation, and live progress over Server-Sent Events from
// the worker in the other process.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadDataset } from '../../examples/upload-dataset.js';
import { graphql } from '../gql/index.js';
import { createTestApi, decodeId, encodeId, nodeOf, type TestApi } from '../support/api.js';
import { createUser, createWorkspace } from '../support/fixtures.js';
import { listen, type HttpServer } from '../support/http-server.js';
import { subscribe } from '../support/sse.js';
import { startWorker, type WorkerProcess } from '../support/worker-process.js';

const sharedDatasets = path.resolve(import.meta.dirname, '../../../shared/datasets');

let api: TestApi;
let http: HttpServer;
let worker: WorkerProcess;
let dir: string;
let ownerId: number;
let token: string;
let workspaceId: string;

beforeAll(async () => {
  api = await createTestApi();
  http = await listen(api);
  dir = await mkdtemp(path.join(os.tmpdir(), 'analysis-flow-'));
  worker = await startWorker({ databaseUrl: api.db.url, storageDir: api.storage.root, dataDir: dir });
  ownerId = (await createUser(api.db.prisma)).id;
  token = await api.tokenFor(ownerId);
  workspaceId = encodeId('Workspace', (await createWorkspace(api.db.prisma, ownerId)).id);
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  await http?.close();
  await api?.close();
  await rm(dir, { recursive: true, force: true });
});

const StartAnalysis = graphql(`
  mutation StartAnalysis($datasetId: ID!, $goalType: AnalysisGoalType!, $options: StartAnalysisOptions) {
    startAnalysis(datasetId: $datasetId, goalType: $goalType, options: $options) {
      id
      status
      goalType
      targetColumn
      progress {
        phase
      }
    }
  }
`);

const AnalysisState = graphql(`
  query AnalysisState($id: ID!) {
    node(id: $id) {
      __typename
      ... on Analysis {
        id
        status
        errorMessage
        qualityScore
        attempts
        cancelledAt
        startedAt
        completedAt
        progress {
          phase
          percent
        }
        scoreBreakdown {
          score
          dimensions {
            dimension
            ratio
          }
        }
        columnProfiles(first: 100) {
          totalCount
          edges {
            node {
              columnName
              dataType
              nullCount
            }
          }
        }
        insights(first: 100) {
          totalCount
          edges {
            node {
              type
              severity
              columnName
              description
              codeSuggestion
              cost
              evidence {
                count
              }
            }
          }
        }
        dataset {
          status
          rowCount
          columnCount
          latestAnalysis {
            id
          }
        }
      }
    }
  }
`);

const RenameDataset = graphql(`
  mutation RenameFollowedDataset($id: ID!, $name: String!) {
    updateDataset(id: $id, input: { name: $name }) {
      id
    }
  }
`);

const DeleteDataset = graphql(`
  mutation DeleteFollowedDataset($id: ID!) {
    deleteDataset(id: $id)
  }
`);

const CancelAnalysis = graphql(`
  mutation CancelAnalysis($id: ID!) {
    cancelAnalysis(id: $id) {
      id
      status
      errorMessage
      cancelledAt
    }
  }
`);

async function state(id: string) {
  return nodeOf((await api.ok(AnalysisState, { id }, ownerId)).node, 'Analysis');
}

async function waitFor(id: string, done: (s: Awaited<ReturnType<typeof state>>) => boolean, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await state(id);
    if (done(current)) return current;
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting; last state ${JSON.stringify({ ...current, columnProfiles: undefined, insights: undefined })}\n${worker.output().slice(-3000)}`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}
const finished = (s: { status: string }) => s.status === 'COMPLETED' || s.status === 'FAILED';

async function start(
  datasetId: string,
  goalType: 'GENERAL_AUDIT' | 'ML_PREPARATION' | 'DATA_QUALITY' | 'EXPLORATORY',
  targetColumn?: string,
) {
  return (await api.ok(StartAnalysis, { datasetId, goalType, options: targetColumn ? { targetColumn } : null }, ownerId)).startAnalysis;
}

describe('every shared dataset, uploaded and analysed through the API', async () => {
  const files = [
    { name: 'iris.csv', goal: 'EXPLORATORY' },
    { name: 'penguins.csv', goal: 'DATA_QUALITY' },
    { name: 'taxis.csv', goal: 'GENERAL_AUDIT' },
    { name: 'tips.csv', goal: 'GENERAL_AUDIT' },
    { name: 'titanic.csv', goal: 'ML_PREPARATION', target: 'survived' },
  ] as const;

  it.each(files)('$name: PENDING at once, then COMPLETED with every column profiled, insights and a score', async (file) => {
    const dataset = await uploadDataset({ endpoint: http.url, token, workspaceId, filePath: path.join(sharedDatasets, file.name) });
    const started = await start(dataset.id, file.goal, 'target' in file ? file.target : undefined);
    expect(started).toMatchObject({ status: 'PENDING', goalType: file.goal, progress: { phase: 'QUEUED' } });
    const done = await waitFor(started.id, finished);
    expect(done.errorMessage).toBeNull();
    expect(done.status).toBe('COMPLETED');
    expect(done.attempts).toBe(1);
    expect(new Date(done.completedAt!).getTime()).toBeGreaterThanOrEqual(new Date(done.startedAt!).getTime());
    expect(done.columnProfiles.totalCount).toBe(dataset.columnCount);
    expect(done.columnProfiles.edges.map((e) => e.node.columnName)).toEqual(dataset.columns!.map((c) => c.name));
    expect(done.qualityScore).toBeGreaterThan(0);
    expect(done.qualityScore).toBeLessThanOrEqual(100);
    expect(done.scoreBreakdown?.score).toBeCloseTo(done.qualityScore!, 6);
    expect(done.progress).toEqual({ phase: 'DONE', percent: 100 });
    // The costs of the insights are what the score lost.
    const lost = done.insights.edges.reduce((sum, e) => sum + (e.node.cost ?? 0), 0);
    expect(lost).toBeCloseTo(100 - done.qualityScore!, 1);
    expect(done.dataset).toMatchObject({
      status: 'COMPLETED',
      rowCount: dataset.rowCount,
      columnCount: dataset.columnCount,
      latestAnalysis: { id: started.id },
    });
  });

  it('titanic under ML_PREPARATION: the missing ages, the mostly empty cabin and the class balance of survived', async () => {
    const dataset = await api.db.prisma.dataset.findFirstOrThrow({ where: { name: 'titanic' }, include: { analyses: true } });
    const done = await state(encodeId('Analysis', dataset.analyses[0]!.id));
    const about = (column: string, type: string) =>
      done.insights.edges.map((e) => e.node).find((i) => i.columnName === column && i.type === type);
    expect(about('age', 'MISSING_DATA')?.evidence?.count).toBe(177);
    expect(about('cabin', 'MISSING_DATA')?.severity).toMatch(/HIGH|CRITICAL/);
    expect(about('survived', 'QUALITY_ISSUE')?.description).toMatch(/38\.4/);
    expect(about('age', 'MISSING_DATA')?.codeSuggestion).toMatch(/pandas[\s\S]*SQL/);
  });

  it('analyses only the first rows when given a sample limit, and keeps the dataset’s full row count', async () => {
    const dataset = await api.db.prisma.dataset.findFirstOrThrow({ where: { name: 'taxis' } });
    const response = await api.post(
      'mutation($d: ID!) { startAnalysis(datasetId: $d, goalType: DATA_QUALITY, options: { sampleLimit: 1000 }) { id sampleLimit } }',
      { d: encodeId('Dataset', dataset.id) },
      { token },
    );
    const started = ((await response.json()) as { data: { startAnalysis: { id: string; sampleLimit: number } } }).data.startAnalysis;
    expect(started.sampleLimit).toBe(1000);
    const done = await waitFor(started.id, finished);
    expect(done.status).toBe('COMPLETED');
    // Completeness assesses rows × columns: 1,000 × 14 cells, not 6,433 × 14.
    const breakdown = await api.db.prisma.analysis.findUniqueOrThrow({
      where: { id: decodeId(started.id) },
      select: { scoreBreakdown: true },
    });
    const completeness = (breakdown.scoreBreakdown as { dimensions: { dimension: string; assessable: number }[] }).dimensions.find(
      (d) => d.dimension === 'completeness',
    );
    expect(completeness?.assessable).toBe(1000 * 14);
    expect(done.dataset.rowCount).toBe(6433);
  });

  it('counts the missing-value markers an analysis names as missing, and keeps them on the analysis', async () => {
    const dataset = await api.db.prisma.dataset.findFirstOrThrow({ where: { name: 'tips' } });
    const response = await api.post(
      'mutation($d: ID!) { startAnalysis(datasetId: $d, goalType: DATA_QUALITY, options: { missingValueMarkers: [" Sun "] }) { id missingValueMarkers } }',
      { d: encodeId('Dataset', dataset.id) },
      { token },
    );
    const started = ((await response.json()) as { data: { startAnalysis: { id: string; missingValueMarkers: string[] } } }).data
      .startAnalysis;
    expect(started.missingValueMarkers).toEqual(['Sun']);
    expect((await waitFor(started.id, finished)).status).toBe('COMPLETED');
    const day = await api.db.prisma.columnProfile.findFirstOrThrow({ where: { analysisId: decodeId(started.id), columnName: 'day' } });
    // tips.csv has 76 Sunday rows and no empty day.
    expect(day.nullCount).toBe(76);
    const refused = await api.run(
      StartAnalysis,
      { datasetId: encodeId('Dataset', dataset.id), goalType: 'DATA_QUALITY', options: { missingValueMarkers: ['x'.repeat(65)] } },
      ownerId,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(refused.errors?.[0]?.extensions?.fields?.[0]?.message).toMatch(/at most 64 characters/);
  });

  it('refuses a target column the dataset does not have, naming the ones it has', async () => {
    const dataset = await api.db.prisma.dataset.findFirstOrThrow({ where: { name: 'iris' } });
    const result = await api.run(
      StartAnalysis,
      { datasetId: encodeId('Dataset', dataset.id), goalType: 'ML_PREPARATION', options: { targetColumn: 'nope' } },
      ownerId,
    );
    expect(result.errors?.[0]).toMatchObject({ message: 'The dataset has no column "nope"', extensions: { code: 'VALIDATION_FAILED' } });
    expect(result.errors?.[0]?.extensions?.fields?.[0]?.message).toMatch(/must be one of: sepal_length/);
  });
});

describe('failure and cancellation', () => {
  it('fails the analysis of a file corrupted on disk, with a reason, and the worker goes on', async () => {
    const dataset = await uploadDataset({
      endpoint: http.url,
      token,
      workspaceId,
      filePath: path.join(sharedDatasets, 'tips.csv'),
      name: 'corrupt',
    });
    const row = await api.db.prisma.dataset.findUniqueOrThrow({ where: { id: decodeId(dataset.id) } });
    await writeFile(api.storage.localPath(row.filePath), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3]));
    const started = await start(dataset.id, 'GENERAL_AUDIT');
    const failed = await waitFor(started.id, finished);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, dataset: { status: 'FAILED' } });
    expect(failed.errorMessage).toMatch(/^The file could not be analysed: Binary content/);
    expect(failed.columnProfiles.totalCount).toBe(0);
    expect(worker.process.exitCode).toBeNull();
    const next = await start(
      encodeId('Dataset', (await api.db.prisma.dataset.findFirstOrThrow({ where: { name: 'iris' } })).id),
      'GENERAL_AUDIT',
    );
    expect((await waitFor(next.id, finished)).status).toBe('COMPLETED');
  });

  it('cancels a running analysis (its profiler is stopped) and a pending one (it never runs)', async () => {
    const big = path.join(dir, 'big.csv');
    const rows = ['id,amount,label,day'];
    for (let i = 0; i < 1_500_000; i++)
      rows.push(`${i},${(i * 7919) % 10007}.5,label ${i % 97},2024-01-${String((i % 28) + 1).padStart(2, '0')}`);
    await writeFile(big, rows.join('\n') + '\n');
    const dataset = await uploadDataset({ endpoint: http.url, token, workspaceId, filePath: big });
    const running = await start(dataset.id, 'GENERAL_AUDIT');
    // The worker runs one analysis at a time: this one waits behind it.
    const pending = await start(dataset.id, 'DATA_QUALITY');
    await waitFor(running.id, (s) => s.status === 'RUNNING', 60_000);
    const cancelled = (await api.ok(CancelAnalysis, { id: running.id }, ownerId)).cancelAnalysis;
    expect(cancelled).toMatchObject({ status: 'FAILED', errorMessage: 'Cancelled by Ada Lovelace.' });
    expect(cancelled.cancelledAt).not.toBeNull();
    const pendingCancelled = (await api.ok(CancelAnalysis, { id: pending.id }, ownerId)).cancelAnalysis;
    expect(pendingCancelled.status).toBe('FAILED');

    // Cancelling twice is refused; neither analysis ever gets results or runs again.
    const again = await api.run(CancelAnalysis, { id: running.id }, ownerId);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const next = await start(
      encodeId('Dataset', (await api.db.prisma.dataset.findFirstOrThrow({ where: { name: 'iris' } })).id),
      'GENERAL_AUDIT',
    );
    expect((await waitFor(next.id, finished)).status).toBe('COMPLETED');
    const [a, b] = [await state(running.id), await state(pending.id)];
    expect(a).toMatchObject({ status: 'FAILED', attempts: 1, columnProfiles: { totalCount: 0 } });
    expect(b).toMatchObject({ status: 'FAILED', attempts: 0, columnProfiles: { totalCount: 0 } });
    expect(worker.output()).toMatch(/analysis run stopped.*cancelled/);
  }, 120_000);
});

describe('live progress over Server-Sent Events', () => {
  it('follows a workspace: every dataset and analysis change, with the changed node, from the worker in the other process', async () => {
    type Event = {
      kind: string;
      deletedId: string | null;
      dataset: { id: string; name: string; status: string } | null;
      analysis: { id: string; status: string; qualityScore: number | null } | null;
    };
    const followed = encodeId('Workspace', (await createWorkspace(api.db.prisma, ownerId)).id);
    const stream = await subscribe<{ data?: { workspaceEvents: Event }; errors?: unknown }>(
      http.url,
      token,
      print(
        graphql(`
      subscription FollowWorkspace($id: ID!) {
        workspaceEvents(id: $id) {
          kind
          deletedId
          dataset {
            id
            name
            status
          }
          analysis {
            id
            status
            qualityScore
          }
        }
      }
    `),
      ),
      { id: followed },
    );
    const next = async () => {
      const message = await stream.next();
      expect(message.errors).toBeUndefined();
      return message.data!.workspaceEvents;
    };
    try {
      expect((await next()).kind).toBe('FOLLOWING');
      const dataset = await uploadDataset({
        endpoint: http.url,
        token,
        workspaceId: followed,
        filePath: path.join(sharedDatasets, 'iris.csv'),
      });
      expect(await next()).toMatchObject({
        kind: 'DATASET_CREATED',
        dataset: { id: dataset.id, name: 'iris', status: 'PENDING' },
        analysis: null,
      });
      const started = await start(dataset.id, 'EXPLORATORY');
      // The API announces QUEUED after its commit; a worker may already have STARTED by then.
      const [first, second] = [await next(), await next()];
      expect([first.kind, second.kind].sort()).toEqual(['ANALYSIS_QUEUED', 'ANALYSIS_STARTED']);
      for (const event of [first, second]) expect(event).toMatchObject({ analysis: { id: started.id }, dataset: { id: dataset.id } });
      const completed = await next();
      expect(completed).toMatchObject({
        kind: 'ANALYSIS_COMPLETED',
        analysis: { id: started.id, status: 'COMPLETED' },
        dataset: { status: 'COMPLETED' },
      });
      expect(completed.analysis!.qualityScore).toBeGreaterThan(0);
      await api.ok(RenameDataset, { id: dataset.id, name: 'flowers' }, ownerId);
      expect(await next()).toMatchObject({ kind: 'DATASET_UPDATED', dataset: { id: dataset.id, name: 'flowers' } });
      await api.ok(DeleteDataset, { id: dataset.id }, ownerId);
      expect(await next()).toMatchObject({ kind: 'DATASET_DELETED', deletedId: dataset.id, dataset: null });
    } finally {
      stream.close();
    }
  }, 120_000);

  it('refuses to follow a workspace the viewer is not a member of', async () => {
    const stranger = await createUser(api.db.prisma);
    const stream = await subscribe<{ errors?: { message: string; extensions: { code: string } }[] }>(
      http.url,
      await api.tokenFor(stranger.id),
      'subscription($id: ID!) { workspaceEvents(id: $id) { kind } }',
      { id: workspaceId },
    );
    try {
      expect((await stream.next()).errors?.[0]).toMatchObject({ message: 'Workspace not found', extensions: { code: 'NOT_FOUND' } });
    } finally {
      stream.close();
    }
  });

  it('delivers every phase from the worker process, then the final status, and ends', async () => {
    const dataset = await api.db.prisma.dataset.findFirstOrThrow({ where: { name: 'taxis' } });
    const started = await start(encodeId('Dataset', dataset.id), 'GENERAL_AUDIT');
    const subscription = print(
      graphql(`
      subscription FollowAnalysis($id: ID!) {
        analysisUpdated(id: $id) {
          status
          progress {
            phase
            percent
          }
          qualityScore
        }
      }
    `),
    );
    const response = await fetch(http.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: subscription, variables: { id: started.id } }),
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await response.text(); // the stream ends after the final status
    const events = text
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map(
        (line) =>
          JSON.parse(line.slice(6)) as {
            data?: {
              analysisUpdated: { status: string; progress: { phase: string; percent: number | null } | null; qualityScore: number | null };
            };
          },
      )
      .filter((e) => e.data)
      .map((e) => e.data!.analysisUpdated);
    const phases = events.map((e) => e.progress!.phase);
    expect(events[0]!.status).toMatch(/PENDING|RUNNING/);
    expect(events.at(-1)).toMatchObject({ status: 'COMPLETED', progress: { phase: 'DONE', percent: 100 } });
    expect(events.at(-1)!.qualityScore).toBeGreaterThan(0);
    // After the first (the state when subscribed), every phase of the run once and in order; repeats of a
    // phase are its percent moving on. The API's QUEUED may come after the worker has started.
    const order = ['STARTING', 'SNIFFING', 'LOADING', 'STATISTICS', 'DISTRIBUTIONS', 'DATASET', 'SAVING', 'DONE'];
    const run = phases.slice(1).filter((phase) => phase !== 'QUEUED');
    const seen = run.filter((phase, i) => phase !== run[i - 1]);
    expect(seen).toEqual(order.slice(order.indexOf(seen[0]!)));
    for (const phase of ['LOADING', 'STATISTICS', 'DISTRIBUTIONS', 'DATASET', 'SAVING']) expect(phases, phase).toContain(phase);
    // Within a phase the percentage only grows, and never leaves 0–100.
    const percents = events.map((e) => e.progress!.percent).filter((p): p is number => p !== null);
    expect(percents.every((p) => p >= 0 && p <= 100)).toBe(true);
  });

  it('refuses to follow an analysis the viewer cannot see', async () => {
    const stranger = await createUser(api.db.prisma);
    const analysis = await api.db.prisma.analysis.findFirstOrThrow();
    const response = await fetch(http.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${await api.tokenFor(stranger.id)}`,
      },
      body: JSON.stringify({
        query: 'subscription($id: ID!) { analysisUpdated(id: $id) { status } }',
        variables: { id: encodeId('Analysis', analysis.id) },
      }),
    });
    expect(await response.text()).toMatch(/Analysis not found/);
  });
});
