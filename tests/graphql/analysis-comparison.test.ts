// analysisComparison on real uploads: titanic.csv analysed as version 1, then a version 2 with the ages 15
// years higher for half the passengers, `ticket` dropped and embarked `S` written `Southampton`. Exactly those
// are reported (age and embarked drifted, ticket removed); titanic against itself drifts nowhere; a stranger
// and an unfinished analysis get clear errors.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadDataset } from '../../examples/upload-dataset.js';
import { ProfilerProcesses } from '../../src/analyses/profile-in-child.js';
import { graphql } from '../gql/index.js';
import { datasetPath, readCsv } from '../profiling/support.js';
import { createTestApi, decodeId, encodeId, type TestApi } from '../support/api.js';
import { createUser, createWorkspace } from '../support/fixtures.js';
import { listen, type HttpServer } from '../support/http-server.js';
import { runQueuedAnalysis } from '../support/run-queued-analysis.js';

const Start = graphql(`
  mutation ComparisonStartAnalysis($datasetId: ID!) {
    startAnalysis(datasetId: $datasetId, goalType: DATA_QUALITY) {
      id
    }
  }
`);

const Compare = graphql(`
  query CompareAnalyses($baseId: ID!, $targetId: ID!) {
    analysisComparison(baseId: $baseId, targetId: $targetId) {
      method
      driftedColumns
      schema {
        added {
          columnName
        }
        removed {
          columnName
        }
        renamed {
          from
          to
        }
      }
      columns {
        columnName
        verdict
        tests {
          test
          statistic
          threshold
          verdict
          method
        }
      }
      score {
        delta
      }
      insights {
        new {
          check
          columnName
        }
        resolved {
          check
          columnName
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
let token: string;
let datasetId: string;

async function analyse(): Promise<string> {
  const { startAnalysis } = await api.ok(Start, { datasetId }, ownerId);
  await runQueuedAnalysis(api, profilers, decodeId(startAnalysis.id));
  return startAnalysis.id;
}

async function uploadVersion(file: string): Promise<void> {
  const form = new FormData();
  const query = 'mutation($d: ID!, $f: File!) { uploadDatasetVersion(datasetId: $d, file: $f) { version } }';
  form.append('operations', JSON.stringify({ query, variables: { d: datasetId, f: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.f'] }));
  form.append('0', new Blob([await readFile(file)]), path.basename(file));
  const answer = (await (await fetch(http.url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })).json()) as {
    errors?: unknown[];
  };
  expect(answer.errors).toBeUndefined();
}

let first: string;
let again: string;
let changed: string;

beforeAll(async () => {
  api = await createTestApi();
  http = await listen(api);
  profilers = new ProfilerProcesses();
  dir = await mkdtemp(path.join(os.tmpdir(), 'analysis-comparison-'));
  ownerId = (await createUser(api.db.prisma)).id;
  token = await api.tokenFor(ownerId);
  const workspaceId = encodeId('Workspace', (await createWorkspace(api.db.prisma, ownerId)).id);
  datasetId = (await uploadDataset({ endpoint: http.url, token, workspaceId, filePath: datasetPath('titanic.csv') })).id;
  first = await analyse();
  again = await analyse();

  const { header, rows } = readCsv(await readFile(datasetPath('titanic.csv'), 'utf8'));
  const [age, ticket, embarked] = ['age', 'ticket', 'embarked'].map((c) => header.indexOf(c));
  const edited = rows.map((cells, i) =>
    cells
      .map((c, j) => (j === age && i % 2 === 1 && c !== '' ? String(Number(c) + 15) : j === embarked && c === 'S' ? 'Southampton' : c))
      .filter((_, j) => j !== ticket),
  );
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  const file = path.join(dir, 'titanic-today.csv');
  await writeFile(file, `${[header.filter((_, j) => j !== ticket), ...edited].map((r) => r.map(quote).join(',')).join('\n')}\n`);
  await uploadVersion(file);
  changed = await analyse();
}, 180_000);
afterAll(async () => {
  profilers?.close();
  await http?.close();
  await api?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('analysisComparison', () => {
  it('finds no drift, no schema change and no new insight between two analyses of the same file', async () => {
    const { analysisComparison: same } = await api.ok(Compare, { baseId: first, targetId: again }, ownerId);
    expect(same.method).toBe('PROFILES');
    expect(same.driftedColumns).toEqual([]);
    expect(same.schema).toEqual({ added: [], removed: [], renamed: [] });
    expect(same.score.delta).toBe(0);
    expect(same.insights.new).toEqual([]);
    expect(same.insights.resolved).toEqual([]);
  });

  it('reports the shifted ages, the renamed category and the dropped column, and nothing else', async () => {
    const { analysisComparison: diff } = await api.ok(Compare, { baseId: first, targetId: changed }, ownerId);
    expect([...diff.driftedColumns].sort()).toEqual(['age', 'embarked']);
    expect(diff.schema.removed.map((c) => c.columnName)).toEqual(['ticket']);
    expect(diff.schema.added).toEqual([]);
    const ageTests = diff.columns.find((c) => c.columnName === 'age')!.tests;
    for (const test of ageTests.filter((t) => t.test === 'PSI' || t.test === 'KOLMOGOROV_SMIRNOV')) {
      expect(test.statistic, test.test).toBeGreaterThanOrEqual(test.threshold);
      expect(test.method).toBe('PROFILES');
    }
    expect(
      diff.columns
        .filter((c) => c.verdict === 'DRIFTED')
        .map((c) => c.columnName)
        .sort(),
    ).toEqual(['age', 'embarked']);
  });

  it('refuses what cannot be compared, and shows a stranger nothing', async () => {
    const { startAnalysis } = await api.ok(Start, { datasetId }, ownerId);
    const pending = await api.run(Compare, { baseId: first, targetId: startAnalysis.id }, ownerId);
    expect(pending.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(pending.errors?.[0]?.message).toMatch(/target analysis is pending: only completed analyses can be compared/);
    const stranger = (await createUser(api.db.prisma, 'Stranger')).id;
    const hidden = await api.run(Compare, { baseId: first, targetId: changed }, stranger);
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(hidden.data).toBeNull();
  });
});
