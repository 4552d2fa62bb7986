// The profile's dataset-level facts, kept with a completed analysis and served
// as Analysis.correlations and Analysis.duplicateRows: iris.csv uploaded and
// analysed for real (the run awaited in-process, no polling), the answers
// checked against DuckDB's corr() and the file's own lines.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadDataset } from '../../examples/upload-dataset.js';
import { ProfilerProcesses } from '../../src/analyses/profile-in-child.js';
import { runAnalysis, type RunnerDeps } from '../../src/analyses/run-analysis.js';
import { createLogger } from '../../src/logger.js';
import { datasetFactsSchema } from '../../src/profiling/index.js';
import { graphql } from '../gql/index.js';
import { createTestApi, decodeId, encodeId, nodeOf, type TestApi } from '../support/api.js';
import { uniqueEmail } from '../support/fixtures.js';
import { listen, type HttpServer } from '../support/http-server.js';

const iris = path.resolve(import.meta.dirname, '../../../shared/datasets/iris.csv');

const SignUp = graphql(`
  mutation SignUpForFacts($input: SignUpInput!) {
    signUp(input: $input) {
      token
    }
  }
`);

const CreateWorkspace = graphql(`
  mutation CreateWorkspaceForFacts($input: CreateWorkspaceInput!) {
    createWorkspace(input: $input) {
      id
    }
  }
`);

const StartAnalysis = graphql(`
  mutation StartAnalysisForFacts($datasetId: ID!) {
    startAnalysis(datasetId: $datasetId, goalType: EXPLORATORY) {
      id
    }
  }
`);

const Facts = graphql(`
  query AnalysisFacts($id: ID!) {
    node(id: $id) {
      __typename
      ... on Analysis {
        status
        correlations {
          pearson {
            columns
            coefficient
            n
          }
          cramersV {
            columns
            cramersV
            n
          }
          numericColumnsConsidered
          categoricalColumnsConsidered
        }
        duplicateRows {
          count
          share
          groups {
            rows
            count
          }
        }
      }
    }
  }
`);

let api: TestApi;
let http: HttpServer;
let profilers: ProfilerProcesses;
let token: string;
let datasetId: string;
let analysisId: string;

/** Runs the analysis' queued job here, as a worker would, and returns when it has settled. */
async function runToCompletion(id: number) {
  const { jobId } = await api.db.prisma.analysis.findUniqueOrThrow({ where: { id }, select: { jobId: true } });
  const deps: RunnerDeps = {
    prisma: api.db.prisma,
    storage: api.storage,
    events: api.analyses.events,
    logger: createLogger('error'),
    workerId: 'dataset-facts-test',
    profilers,
    settings: {
      timeLimitSeconds: 600,
      heartbeatSeconds: 5,
      profiler: { memoryLimit: '512MB', threads: 1, tempDirectory: os.tmpdir(), maxColumns: 500 },
    },
  };
  await runAnalysis(deps, { id: jobId!, analysisId: id, retryCount: 0, retryLimit: 0 });
}

async function duckdbScalar(sql: string): Promise<unknown> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    const rows = (await (await connection.run(sql)).getRowObjectsJS()) as Record<string, unknown>[];
    return Object.values(rows[0]!)[0];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

beforeAll(async () => {
  api = await createTestApi();
  http = await listen(api);
  profilers = new ProfilerProcesses();
  const signedUp = await api.runWithToken(
    SignUp,
    { input: { email: uniqueEmail('facts'), password: 'a long and unusual passphrase', fullName: 'Ronald Fisher' } },
    undefined,
  );
  token = signedUp.data!.signUp.token;
  const workspace = await api.runWithToken(CreateWorkspace, { input: { name: 'Flowers' } }, token);
  const workspaceId = workspace.data!.createWorkspace.id;
  datasetId = (await uploadDataset({ endpoint: http.url, token, workspaceId, filePath: iris })).id;
  const started = await api.runWithToken(StartAnalysis, { datasetId }, token);
  analysisId = started.data!.startAnalysis.id;
  await runToCompletion(decodeId(analysisId));
}, 120_000);
afterAll(async () => {
  profilers?.close();
  await http?.close();
  await api?.close();
});

async function facts(id: string) {
  const result = await api.runWithToken(Facts, { id }, token);
  expect(result.errors).toBeUndefined();
  return nodeOf(result.data!.node, 'Analysis');
}

describe('Analysis.correlations and Analysis.duplicateRows', () => {
  it('keeps the schema-valid facts with the completed analysis', async () => {
    const stored = await api.db.prisma.analysis.findUniqueOrThrow({ where: { id: decodeId(analysisId) } });
    expect(stored.status).toBe('COMPLETED');
    const parsed = datasetFactsSchema.parse(stored.datasetFacts);
    expect(parsed.version).toBe(1);
    // iris has no column both complete and unique.
    expect(parsed.candidateKeys).toEqual([]);
  });

  it("gives iris' petal_length–petal_width Pearson pair with DuckDB's corr() over the file", async () => {
    const analysis = await facts(analysisId);
    expect(analysis.status).toBe('COMPLETED');
    const pair = analysis.correlations?.pearson.find((p) => p.columns.join() === 'petal_length,petal_width');
    expect(pair).toBeDefined();
    const expected = Number(await duckdbScalar(`SELECT corr(petal_length, petal_width) FROM read_csv('${iris.replaceAll("'", "''")}')`));
    expect(expected).toBeGreaterThan(0.96);
    expect(Math.abs(pair!.coefficient - expected)).toBeLessThan(1e-9);
    expect(pair!.n).toBe(150);
    // Every pair of the four numeric columns, strongest first; species is categorical.
    expect(analysis.correlations?.numericColumnsConsidered).toBe(4);
    expect(analysis.correlations?.pearson).toHaveLength(6);
    const strengths = analysis.correlations!.pearson.map((p) => Math.abs(p.coefficient));
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
    expect(analysis.correlations?.cramersV.some((p) => p.columns.includes('species') && p.cramersV > 0.9)).toBe(true);
  });

  it("reports iris' one duplicate row with the row numbers of the identical lines in the file", async () => {
    const analysis = await facts(analysisId);
    // Data row r is line r + 1 of the file (the header is line 1).
    const lines = (await readFile(iris, 'utf8'))
      .split(/\r?\n/)
      .slice(1)
      .filter((line) => line !== '');
    const rowsByLine = new Map<string, number[]>();
    for (const [i, line] of lines.entries()) rowsByLine.set(line, [...(rowsByLine.get(line) ?? []), i + 1]);
    const repeated = [...rowsByLine.values()].filter((rows) => rows.length > 1);
    expect(repeated).toHaveLength(1);
    expect(repeated[0]).toHaveLength(2);

    expect(analysis.duplicateRows).toEqual({
      count: 1,
      share: 1 / lines.length,
      groups: [{ rows: repeated[0], count: 2 }],
    });
    const [first, second] = analysis.duplicateRows!.groups[0]!.rows;
    expect(lines[first! - 1]).toBe(lines[second! - 1]);
  });

  it('answers null for an analysis stored before the facts were kept, and for facts of another version', async () => {
    const dataset = await api.db.prisma.dataset.findUniqueOrThrow({ where: { id: decodeId(datasetId) } });
    const old = await api.db.prisma.analysis.create({
      data: { datasetId: dataset.id, goalType: 'EXPLORATORY', status: 'COMPLETED', qualityScore: 90, completedAt: new Date() },
    });
    expect(old.datasetFacts).toBeNull();
    const before = await facts(encodeId('Analysis', old.id));
    expect(before).toMatchObject({ status: 'COMPLETED', correlations: null, duplicateRows: null });

    const kept = await api.db.prisma.analysis.findUniqueOrThrow({ where: { id: decodeId(analysisId) } });
    await api.db.prisma.analysis.update({
      where: { id: old.id },
      data: { datasetFacts: { ...(kept.datasetFacts as object), version: 99 } },
    });
    expect(await facts(encodeId('Analysis', old.id))).toMatchObject({ correlations: null, duplicateRows: null });
  });
});
