// Dataset.history on real uploads: titanic.csv analysed five times as version 1, then a version 2 whose ages
// are 15 years higher for half the passengers, analysed once more. The history lists the six analyses oldest
// first; the shift is an anomaly in age's mean and upper quantiles on the sixth point and nowhere else (the
// other columns did not change); a stranger cannot read it.
import { readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadDataset } from '../../examples/upload-dataset.js';
import { ProfilerProcesses } from '../../src/analyses/profile-in-child.js';
import { graphql } from '../gql/index.js';
import { datasetPath, readCsv } from '../profiling/support.js';
import { createTestApi, decodeId, encodeId, nodeOf, type TestApi } from '../support/api.js';
import { createUser, createWorkspace } from '../support/fixtures.js';
import { listen, type HttpServer } from '../support/http-server.js';
import { runQueuedAnalysis } from '../support/run-queued-analysis.js';

const Start = graphql(`
  mutation HistoryStartAnalysis($datasetId: ID!) {
    startAnalysis(datasetId: $datasetId, goalType: DATA_QUALITY) {
      id
    }
  }
`);

const History = graphql(`
  query DatasetHistory($id: ID!, $columns: [String!], $last: Int) {
    node(id: $id) {
      __typename
      ... on Dataset {
        history(columns: $columns, last: $last) {
          anomalyCount
          score {
            analysisId
            value
            anomaly
          }
          columns {
            columnName
            series {
              metric
              points {
                analysisId
                value
                robustZ
                anomaly
              }
            }
          }
        }
      }
    }
  }
`);

let api: TestApi;
let http: HttpServer;
let profilers: ProfilerProcesses;
let dir: string;
let ownerId: number;
let datasetId: string;
const analyses: string[] = [];

async function analyse(): Promise<void> {
  const { startAnalysis } = await api.ok(Start, { datasetId }, ownerId);
  await runQueuedAnalysis(api, profilers, decodeId(startAnalysis.id));
  analyses.push(startAnalysis.id);
}

beforeAll(async () => {
  api = await createTestApi();
  http = await listen(api);
  profilers = new ProfilerProcesses();
  dir = await mkdtemp(path.join(os.tmpdir(), 'dataset-history-'));
  ownerId = (await createUser(api.db.prisma)).id;
  const token = await api.tokenFor(ownerId);
  const workspaceId = encodeId('Workspace', (await createWorkspace(api.db.prisma, ownerId)).id);
  datasetId = (await uploadDataset({ endpoint: http.url, token, workspaceId, filePath: datasetPath('titanic.csv') })).id;
  for (let i = 0; i < 5; i++) await analyse();

  // Version 2: every other passenger 15 years older (missing ages stay missing).
  const { header, rows } = readCsv(await readFile(datasetPath('titanic.csv'), 'utf8'));
  const age = header.indexOf('age');
  const shifted = rows.map((cells, i) =>
    i % 2 === 1 && cells[age] !== '' ? cells.map((c, j) => (j === age ? String(Number(c) + 15) : c)) : cells,
  );
  const csv = [header, ...shifted].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n');
  const v2 = path.join(dir, 'titanic-v2.csv');
  await writeFile(v2, `${csv}\n`);
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({
      query: 'mutation($d: ID!, $f: File!) { uploadDatasetVersion(datasetId: $d, file: $f) { version } }',
      variables: { d: datasetId, f: null },
    }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.f'] }));
  form.append('0', new Blob([await readFile(v2)]), 'titanic-v2.csv');
  const answer = (await (await fetch(http.url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })).json()) as {
    data?: { uploadDatasetVersion: { version: number } };
    errors?: unknown[];
  };
  expect(answer.errors).toBeUndefined();
  expect(answer.data?.uploadDatasetVersion.version).toBe(2);
  await analyse();
}, 180_000);
afterAll(async () => {
  profilers?.close();
  await http?.close();
  await api?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Dataset.history', () => {
  it('lists the analyses oldest first and flags the shifted ages, and nothing else', async () => {
    const history = nodeOf((await api.ok(History, { id: datasetId, columns: null, last: null }, ownerId)).node, 'Dataset').history;
    expect(history.score.map((p) => p.analysisId)).toEqual(analyses);
    const flagged = history.columns.flatMap((c) =>
      c.series.filter((s) => s.points.some((p) => p.anomaly)).map((s) => `${c.columnName} ${s.metric}`),
    );
    expect(flagged).toEqual(expect.arrayContaining(['age MEAN', 'age P75', 'age P95']));
    expect(flagged.every((f) => f.startsWith('age '))).toBe(true);
    const mean = history.columns.find((c) => c.columnName === 'age')!.series.find((s) => s.metric === 'MEAN')!;
    // Five equal means, then about 7.5 years more (half of the known ages, 15 years each).
    expect(new Set(mean.points.slice(0, 5).map((p) => p.value)).size).toBe(1);
    expect(mean.points[5]!.value! - mean.points[0]!.value!).toBeGreaterThan(6);
    expect(mean.points.map((p) => p.anomaly)).toEqual([false, false, false, false, false, true]);
    expect(history.anomalyCount).toBe(flagged.length + history.score.filter((p) => p.anomaly).length);
  });

  it('follows only the columns asked for, and refuses more analyses than it keeps', async () => {
    const some = nodeOf((await api.ok(History, { id: datasetId, columns: ['fare', 'sex'], last: 3 }, ownerId)).node, 'Dataset').history;
    expect(some.columns.map((c) => c.columnName)).toEqual(['fare', 'sex']);
    expect(some.score).toHaveLength(3);
    const tooMany = await api.run(History, { id: datasetId, columns: null, last: 51 }, ownerId);
    expect(tooMany.errors?.[0]?.message).toMatch(/last must be at most 50/);
  });

  it('shows a stranger nothing', async () => {
    const stranger = (await createUser(api.db.prisma, 'Stranger')).id;
    const answer = await api.run(History, { id: datasetId, columns: null, last: null }, stranger);
    expect(answer.data?.node).toBeNull();
  });
});
