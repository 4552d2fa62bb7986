// Insight.affectedRows: titanic.csv and iris.csv uploaded and analysed for real
// (each run awaited in-process, no polling), then each insight's own SQL read
// back through the API a page at a time, checked against the file's lines and
// the insight's evidence; and who may not read them, and the bounds.
import { readFile, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadDataset } from '../../examples/upload-dataset.js';
import { affectedRowsSettings } from '../../src/analyses/affected-rows.js';
import { ProfilerProcesses } from '../../src/analyses/profile-in-child.js';
import { runAnalysis, type RunnerDeps } from '../../src/analyses/run-analysis.js';
import { createLogger } from '../../src/logger.js';
import { graphql } from '../gql/index.js';
import { readCsv } from '../profiling/support.js';
import { createTestApi, decodeId, encodeId, nodeOf, type TestApi } from '../support/api.js';
import { uniqueEmail } from '../support/fixtures.js';
import { listen, type HttpServer } from '../support/http-server.js';

const shared = path.resolve(import.meta.dirname, '../../../shared/datasets');
const titanicFile = path.join(shared, 'titanic.csv');
const irisFile = path.join(shared, 'iris.csv');

const SignUp = graphql(`
  mutation SignUpForAffectedRows($input: SignUpInput!) {
    signUp(input: $input) {
      token
    }
  }
`);

const CreateWorkspace = graphql(`
  mutation CreateWorkspaceForAffectedRows($input: CreateWorkspaceInput!) {
    createWorkspace(input: $input) {
      id
    }
  }
`);

const StartAnalysis = graphql(`
  mutation StartAnalysisForAffectedRows($datasetId: ID!, $options: StartAnalysisOptions) {
    startAnalysis(datasetId: $datasetId, goalType: DATA_QUALITY, options: $options) {
      id
    }
  }
`);

const Insights = graphql(`
  query InsightsWithSql($id: ID!) {
    node(id: $id) {
      __typename
      ... on Analysis {
        status
        columnProfiles(first: 100) {
          edges {
            node {
              columnName
            }
          }
        }
        insights(first: 100) {
          edges {
            node {
              id
              columnName
              evidence {
                check
                count
                unit
                approximate
                examples {
                  row
                }
              }
              code {
                sql {
                  affectedRows
                }
              }
            }
          }
        }
      }
    }
  }
`);

const AffectedRows = graphql(`
  query InsightAffectedRows($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      __typename
      ... on Insight {
        affectedRows(first: $first, after: $after) {
          columns
          totalCount
          pageInfo {
            hasNextPage
            hasPreviousPage
            startCursor
            endCursor
          }
          edges {
            cursor
            node {
              row
              values
            }
          }
        }
      }
    }
  }
`);

const AnalysisAffectedRows = graphql(`
  query AnalysisInsightAffectedRows($id: ID!) {
    node(id: $id) {
      __typename
      ... on Analysis {
        insights(first: 100) {
          edges {
            node {
              affectedRows(first: 1) {
                totalCount
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
let token: string;
let outsiderToken: string;
let workspaceId: string;
let titanic: Analysed;
let iris: Analysed;

type Analysed = Awaited<ReturnType<typeof analyse>>;

/** Runs the analysis' queued job here, as a worker would, and returns when it has settled. */
async function runToCompletion(id: number) {
  const { jobId } = await api.db.prisma.analysis.findUniqueOrThrow({ where: { id }, select: { jobId: true } });
  const deps: RunnerDeps = {
    prisma: api.db.prisma,
    storage: api.storage,
    events: api.analyses.events,
    logger: createLogger('error'),
    workerId: 'affected-rows-test',
    profilers,
    settings: {
      timeLimitSeconds: 600,
      heartbeatSeconds: 5,
      profiler: { memoryLimit: '512MB', threads: 1, tempDirectory: os.tmpdir(), maxColumns: 500 },
    },
  };
  await runAnalysis(deps, { id: jobId!, analysisId: id, retryCount: 0, retryLimit: 0 });
}

/** Uploads a file (or reuses its dataset), analyses it to completion and returns its insights. */
async function analyse(filePath: string, options: { datasetId?: string; sampleLimit?: number } = {}) {
  const datasetId = options.datasetId ?? (await uploadDataset({ endpoint: http.url, token, workspaceId, filePath })).id;
  const started = await api.runWithToken(
    StartAnalysis,
    { datasetId, options: options.sampleLimit ? { sampleLimit: options.sampleLimit } : null },
    token,
  );
  const analysisId = started.data!.startAnalysis.id;
  await runToCompletion(decodeId(analysisId));
  const result = await api.runWithToken(Insights, { id: analysisId }, token);
  expect(result.errors).toBeUndefined();
  const analysis = nodeOf(result.data!.node, 'Analysis');
  expect(analysis.status).toBe('COMPLETED');
  const insights = analysis.insights.edges.map((e) => e.node);
  const find = (check: string, column: string | null) => {
    const insight = insights.find((i) => i.evidence?.check === check && i.columnName === column);
    if (!insight) throw new Error(`no ${check} insight on ${column}: ${insights.map((i) => i.evidence?.check).join(', ')}`);
    return insight;
  };
  return { datasetId, analysisId, insights, find, columns: analysis.columnProfiles.edges.map((e) => e.node.columnName) };
}

async function rows(id: string, variables: { first?: number; after?: string } = {}, as = token) {
  const result = await api.runWithToken(AffectedRows, { id, ...variables }, as);
  return { result, page: result.data?.node ? nodeOf(result.data.node, 'Insight').affectedRows : undefined };
}

async function readAll(id: string, first: number) {
  const seen: { row: number | null; values: (string | null)[] }[] = [];
  const pages: number[] = [];
  let after: string | undefined;
  for (;;) {
    const { result, page } = await rows(id, { first, ...(after ? { after } : {}) });
    expect(result.errors).toBeUndefined();
    seen.push(...page!.edges.map((e) => e.node));
    pages.push(page!.edges.length);
    expect(page!.pageInfo.hasPreviousPage).toBe(after !== undefined);
    if (!page!.pageInfo.hasNextPage) return { seen, pages, totalCount: page!.totalCount };
    after = page!.pageInfo.endCursor!;
  }
}

/** The file's data rows (row r is rows[r - 1]) and the file's empty cells as null, as the API gives them. */
async function fileRows(file: string) {
  const { header, rows } = readCsv(await readFile(file, 'utf8'));
  return { header, rows: rows.map((cells) => cells.map((cell) => (cell === '' ? null : cell))) };
}

beforeAll(async () => {
  api = await createTestApi();
  http = await listen(api);
  profilers = new ProfilerProcesses();
  const signUp = async (name: string) =>
    (
      await api.runWithToken(
        SignUp,
        { input: { email: uniqueEmail('rows'), password: 'a long and unusual passphrase', fullName: name } },
        undefined,
      )
    ).data!.signUp.token;
  token = await signUp('Frances Allen');
  outsiderToken = await signUp('Eve Outsider');
  workspaceId = (await api.runWithToken(CreateWorkspace, { input: { name: 'Ships and flowers' } }, token)).data!.createWorkspace.id;
  // The outsider has a workspace of their own: signed in, a member somewhere, not of this one.
  await api.runWithToken(CreateWorkspace, { input: { name: 'Elsewhere' } }, outsiderToken);
  titanic = await analyse(titanicFile);
  iris = await analyse(irisFile);
}, 120_000);
afterAll(async () => {
  profilers?.close();
  await http?.close();
  await api?.close();
});

describe('Insight.affectedRows', () => {
  it('gives the missing ages of titanic.csv: evidence.count rows, the first ones the evidence examples, with their cells', async () => {
    const age = titanic.find('MISSING_VALUES', 'age');
    expect(age.evidence?.count).toBe(177);
    const { result, page } = await rows(age.id, { first: 5 });
    expect(result.errors).toBeUndefined();
    expect(page!.totalCount).toBe(age.evidence!.count);
    expect(page!.columns).toEqual(titanic.columns);
    expect(page!.edges).toHaveLength(5);
    expect(page!.edges.map((e) => e.node.row)).toEqual(age.evidence!.examples.map((e) => e.row));

    // The same rows, cell for cell, as the file has them.
    const file = await fileRows(titanicFile);
    const ageColumn = file.header.indexOf('age');
    const emptyAges = file.rows.flatMap((cells, i) => (cells[ageColumn] === null ? [i + 1] : []));
    expect(emptyAges).toHaveLength(177);
    expect(page!.edges.map((e) => e.node.row)).toEqual(emptyAges.slice(0, 5));
    for (const { node } of page!.edges) expect(node.values).toEqual(file.rows[node.row! - 1]);
    expect(page!.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: page!.edges.at(-1)!.cursor });
  });

  it('pages with after through every row exactly once, in file order, 20 by default', async () => {
    const age = titanic.find('MISSING_VALUES', 'age');
    const file = await fileRows(titanicFile);
    const ageColumn = file.header.indexOf('age');
    const emptyAges = file.rows.flatMap((cells, i) => (cells[ageColumn] === null ? [i + 1] : []));
    const all = await readAll(age.id, 50);
    expect(all.pages).toEqual([50, 50, 50, 27]);
    expect(all.totalCount).toBe(177);
    expect(all.seen.map((r) => r.row)).toEqual(emptyAges);

    const { page } = await rows(age.id);
    expect(page!.edges).toHaveLength(20);
    // Rows 21–120, then the last 57, then past the end: an empty page, not an error.
    const { page: next } = await rows(age.id, { first: 100, after: page!.pageInfo.endCursor! });
    const { page: last } = await rows(age.id, { first: 100, after: next!.pageInfo.endCursor! });
    expect([next!.edges.length, next!.pageInfo.hasNextPage, last!.edges.length, last!.pageInfo.hasNextPage]).toEqual([
      100,
      true,
      57,
      false,
    ]);
    const { page: beyond } = await rows(age.id, { first: 100, after: last!.pageInfo.endCursor! });
    expect(beyond).toMatchObject({ totalCount: 177, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('refuses a page over 100 rows, a negative one and a cursor it did not give, in the error model', async () => {
    const age = titanic.find('MISSING_VALUES', 'age');
    const over = await rows(age.id, { first: 101 });
    expect(over.result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/first must be at most 100/),
      extensions: { code: 'VALIDATION_FAILED' },
    });
    expect((await rows(age.id, { first: -1 })).result.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const forged = await rows(age.id, { after: Buffer.from('["affectedRow",0]').toString('base64url') });
    expect(forged.result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Invalid cursor/),
      extensions: { code: 'VALIDATION_FAILED' },
    });
    expect((await rows(age.id, { after: 'not a cursor' })).result.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  it('shows a non-member nothing: the insight is null through node(id:), and so is its analysis', async () => {
    const age = titanic.find('MISSING_VALUES', 'age');
    const { result } = await rows(age.id, { first: 5 }, outsiderToken);
    expect(result.errors).toBeUndefined();
    expect(result.data?.node).toBeNull();
    const through = await api.runWithToken(AnalysisAffectedRows, { id: titanic.analysisId }, outsiderToken);
    expect(through.errors).toBeUndefined();
    expect(through.data?.node).toBeNull();
    // Signed out: refused outright.
    const signedOut = await api.runWithToken(AffectedRows, { id: age.id, first: 5 }, undefined);
    expect(signedOut.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('is null for an insight that is not about rows', async () => {
    const withoutSql = titanic.insights.find((i) => i.code && i.code.sql.affectedRows === null);
    expect(withoutSql).toBeDefined();
    const { result, page } = await rows(withoutSql!.id);
    expect(result.errors).toBeUndefined();
    expect(page).toBeNull();
  });

  it("numbers no row for SQL that is not a row filter: iris.csv's one duplicate row, with its cells", async () => {
    const duplicates = iris.find('DUPLICATE_ROWS', null);
    expect(duplicates.code?.sql.affectedRows).not.toMatch(/^SELECT \* FROM dataset WHERE /);
    const { result, page } = await rows(duplicates.id);
    expect(result.errors).toBeUndefined();
    expect(page!.totalCount).toBe(duplicates.evidence!.count);
    expect(page!.totalCount).toBe(1);
    expect(page!.columns).toEqual(iris.columns);
    const file = await fileRows(irisFile);
    const [first, second] = duplicates.evidence!.examples.map((e) => e.row!);
    expect(file.rows[first! - 1]).toEqual(file.rows[second! - 1]);
    expect(page!.edges.map((e) => e.node)).toEqual([{ row: null, values: file.rows[second! - 1] }]);
  });

  it('reads every row-level insight of both files with totalCount equal to its exact evidence.count', async () => {
    // One request each: at most 5 insights' rows are read per request.
    for (const analysed of [titanic, iris]) {
      const rowLevel = analysed.insights.filter(
        (i) => i.code?.sql.affectedRows && !i.evidence?.approximate && ['ROWS', 'VALUES'].includes(i.evidence?.unit ?? ''),
      );
      expect(rowLevel.length).toBeGreaterThan(0);
      for (const insight of rowLevel) {
        const { result, page } = await rows(insight.id, { first: 1 });
        expect(result.errors, insight.evidence?.check).toBeUndefined();
        expect(page!.totalCount, insight.evidence!.check).toBe(insight.evidence!.count);
      }
    }
  });

  it('reads only the sampled rows of an analysis with a sample limit, as its evidence counted', async () => {
    const sampled = await analyse(titanicFile, { datasetId: titanic.datasetId, sampleLimit: 100 });
    const age = sampled.find('MISSING_VALUES', 'age');
    const all = await readAll(age.id, 100);
    expect(all.totalCount).toBe(age.evidence!.count);
    expect(all.seen.length).toBe(age.evidence!.count);
    expect(all.seen.every((r) => r.row! <= 100)).toBe(true);
    expect(all.seen.map((r) => r.row).slice(0, 5)).toEqual(age.evidence!.examples.map((e) => e.row));
  });

  it('reads at most 5 insights per request', async () => {
    const result = await api.runWithToken(AnalysisAffectedRows, { id: titanic.analysisId }, token);
    const withSql = titanic.insights.filter((i) => i.code?.sql.affectedRows).length;
    expect(withSql).toBeGreaterThan(5);
    expect(result.errors).toHaveLength(withSql - 5);
    for (const error of result.errors!) {
      expect(error).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringMatching(/at most 5 insights/) });
    }
  });

  it('stops a read at the time limit with QUERY_TOO_COMPLEX', async () => {
    const age = titanic.find('MISSING_VALUES', 'age');
    const id = decodeId(age.id);
    const stored = await api.db.prisma.insight.findUniqueOrThrow({ where: { id } });
    const code = stored.code as { sql: { affectedRows: string } };
    // A condition no machine evaluates in a second: 10^11 hashes on one thread.
    const endless = 'SELECT * FROM dataset WHERE (SELECT max(hash(i)) FROM range(100000000000) AS t(i)) > 0';
    const limit = affectedRowsSettings.timeLimitMs;
    await api.db.prisma.insight.update({ where: { id }, data: { code: { ...code, sql: { ...code.sql, affectedRows: endless } } } });
    affectedRowsSettings.timeLimitMs = 1000;
    try {
      const { result } = await rows(age.id);
      expect(result.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/time limit of 1 s/),
        extensions: { code: 'QUERY_TOO_COMPLEX' },
        path: ['node', 'affectedRows'],
      });
    } finally {
      affectedRowsSettings.timeLimitMs = limit;
      await api.db.prisma.insight.update({ where: { id }, data: { code: stored.code! } });
    }
  });

  it('answers NOT_FOUND when the dataset’s file is gone from storage', async () => {
    const duplicates = iris.find('DUPLICATE_ROWS', null);
    const dataset = await api.db.prisma.dataset.findUniqueOrThrow({ where: { id: decodeId(iris.datasetId) } });
    const stored = api.storage.localPath(dataset.filePath);
    await rename(stored, `${stored}.away`);
    try {
      const { result } = await rows(duplicates.id);
      expect(result.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/no longer in storage/),
        extensions: { code: 'NOT_FOUND' },
      });
      expect(result.errors?.[0]?.message).not.toContain(stored);
    } finally {
      await rename(`${stored}.away`, stored);
    }
    expect((await rows(duplicates.id)).page?.totalCount).toBe(1);
  });

  it('answers null for an insight id that never existed, as for the outsider', async () => {
    expect((await rows(encodeId('Insight', 2_000_000_000))).result.data?.node).toBeNull();
  });
});
