// A real profile (titanic.csv through the DuckDB profiler), stored as the
// seed's column_profiles rows, reads back through GraphQL as typed fields.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileFile, type DatasetProfile } from '../../src/profiling/index.js';
import { graphql } from '../gql/index.js';
import { createTestApi, encodeId, nodeOf, type TestApi } from '../support/api.js';
import { createUser, createWorkspace } from '../support/fixtures.js';

const titanic = path.resolve(import.meta.dirname, '../../../shared/datasets/titanic.csv');

let api: TestApi;
let viewerId: number;
let analysisId: number;
let profile: DatasetProfile;
beforeAll(async () => {
  api = await createTestApi();
  const prisma = api.db.prisma;
  viewerId = (await createUser(prisma)).id;
  profile = await profileFile(titanic);
  const workspace = await createWorkspace(prisma, viewerId, 'Ships');
  const dataset = await prisma.dataset.create({
    data: {
      name: 'titanic.csv',
      filePath: 'x',
      fileSize: BigInt(profile.source.sizeBytes ?? 0),
      workspaceId: workspace.id,
      uploadedBy: viewerId,
    },
  });
  const analysis = await prisma.analysis.create({ data: { datasetId: dataset.id, goalType: 'EXPLORATORY' } });
  analysisId = analysis.id;
  await prisma.columnProfile.createMany({
    data: profile.columns.map((c) => ({
      analysisId,
      columnName: c.columnName,
      dataType: c.dataType,
      nullCount: c.nullCount,
      uniqueCount: c.uniqueCount,
      minValue: c.minValue,
      maxValue: c.maxValue,
      mean: c.mean,
      median: c.median,
      distributionData: c.distributionData,
    })),
  });
});
afterAll(async () => {
  await api?.close();
});

const Profiles = graphql(`
  query Profiles($id: ID!) {
    node(id: $id) {
      __typename
      ... on Analysis {
        columnProfiles(first: 20) {
          edges {
            node {
              columnName
              dataType
              nullCount
              mean
              distributionData
              distribution {
                version
                logicalType
                missing { count share tokens { token count } }
                numeric { stdDev skewness quantiles { p value label } }
                histogram { kind bins { lower upper count } }
                topValues { approximate values { value count share } }
                patterns { shapes { pattern share } }
                outliers { iqr { mild { lower upper count } } robustZ { threshold } }
                approximateFields
              }
            }
          }
        }
      }
    }
  }
`);

describe('typed distribution data', () => {
  it('exposes every column of titanic.csv with its distribution as typed fields, equal to what the profiler stored', async () => {
    const { node } = await api.ok(Profiles, { id: encodeId('Analysis', analysisId) }, viewerId);
    const columns = nodeOf(node, 'Analysis').columnProfiles.edges.map((e) => e.node);
    expect(columns.map((c) => c.columnName)).toEqual(profile.columns.map((c) => c.columnName));
    expect(columns).toHaveLength(11);

    const age = columns.find((c) => c.columnName === 'age')!;
    const stored = profile.columns.find((c) => c.columnName === 'age')!.distributionData;
    expect(age.nullCount).toBe(177);
    expect(age.distribution?.missing.count).toBe(177);
    expect(age.distribution?.numeric?.quantiles).toEqual(stored.numeric?.quantiles);
    expect(age.distribution?.histogram?.bins).toEqual(stored.histogram?.bins.map(({ lower, upper, count }) => ({ lower, upper, count })));
    // Every non-missing age falls in exactly one bin.
    expect(age.distribution?.histogram?.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(891 - 177);
    expect(age.distribution?.outliers?.iqr.mild).toEqual({
      lower: stored.outliers!.iqr.mild.lower,
      upper: stored.outliers!.iqr.mild.upper,
      count: stored.outliers!.iqr.mild.count,
    });

    const embarked = columns.find((c) => c.columnName === 'embarked')!;
    expect(embarked.distribution?.topValues.values[0]).toMatchObject({ value: 'S', count: 644 });
    expect(embarked.distribution?.missing.count).toBe(2);
  });

  it('keeps the raw JSON, and gives no typed view of data in another version', async () => {
    const first = await api.db.prisma.columnProfile.findFirstOrThrow({ where: { analysisId }, orderBy: { id: 'asc' } });
    const future = { ...(first.distributionData as object), version: 99 };
    await api.db.prisma.columnProfile.update({ where: { id: first.id }, data: { distributionData: future } });
    const { node } = await api.ok(Profiles, { id: encodeId('Analysis', analysisId) }, viewerId);
    const column = nodeOf(node, 'Analysis').columnProfiles.edges[0]!.node;
    expect(column.distribution).toBeNull();
    expect(column.distributionData).toMatchObject({ version: 99 });
  });
});
