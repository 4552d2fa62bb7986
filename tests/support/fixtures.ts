// Seeded data for graph tests, written straight through Prisma.
import type { Db } from '../../src/db/client.js';

let sequence = 0;
export const uniqueEmail = (label = 'user') => `${label}-${process.pid}-${++sequence}@example.com`;

/** A workspace owned by `ownerId`, with the owner as its OWNER member (as createWorkspace makes it). */
export async function createWorkspace(prisma: Db, ownerId: number, name = 'Workspace') {
  return prisma.workspace.create({ data: { name, ownerId, members: { create: { userId: ownerId, role: 'OWNER' } } } });
}

export async function createUser(prisma: Db, fullName = 'Ada Lovelace') {
  return prisma.user.create({ data: { email: uniqueEmail(), passwordHash: 'not-a-real-hash', fullName } });
}

export type GraphShape = { workspaces: number; datasets: number; analyses: number; insights: number; profiles: number };

const severities = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'] as const;
const types = ['MISSING_DATA', 'OUTLIERS', 'DUPLICATES', 'DATA_TYPE_MISMATCH', 'PATTERN_VIOLATION', 'QUALITY_ISSUE'] as const;
const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

/** A user owning `shape.workspaces` workspaces, each filled to the given shape, in a handful of statements. */
export async function seedGraph(prisma: Db, shape: GraphShape) {
  const user = await createUser(prisma);
  // Stored file paths are unique: each seeding gets its own folder.
  const folder = `seed-${process.pid}-${++sequence}`;
  const workspaces = await prisma.workspace.createManyAndReturn({
    data: times(shape.workspaces, (w) => ({ name: `Workspace ${w}`, ownerId: user.id })),
  });
  await prisma.workspaceMember.createMany({
    data: workspaces.map((w) => ({ workspaceId: w.id, userId: user.id, role: 'OWNER' as const })),
  });
  const datasets = await prisma.dataset.createManyAndReturn({
    data: workspaces.flatMap((workspace, w) =>
      times(shape.datasets, (d) => ({
        name: `dataset-${w}-${d}.csv`,
        filePath: `${folder}/w${w}/d${d}`,
        fileSize: BigInt(1000 + d),
        workspaceId: workspace.id,
        uploadedBy: user.id,
      })),
    ),
  });
  const analyses = await prisma.analysis.createManyAndReturn({
    data: datasets.flatMap((dataset) =>
      times(shape.analyses, () => ({
        datasetId: dataset.id,
        goalType: 'GENERAL_AUDIT' as const,
        status: 'COMPLETED' as const,
        qualityScore: 80,
      })),
    ),
  });
  await prisma.insight.createMany({
    data: analyses.flatMap((analysis) =>
      times(shape.insights, (i) => ({
        analysisId: analysis.id,
        severity: severities[i % severities.length]!,
        type: types[i % types.length]!,
        description: `Insight ${i}`,
        recommendation: 'Fix it',
      })),
    ),
  });
  await prisma.columnProfile.createMany({
    data: analyses.flatMap((analysis) =>
      times(shape.profiles, (i) => ({
        analysisId: analysis.id,
        columnName: `column_${i}`,
        dataType: 'integer',
        nullCount: i,
        uniqueCount: 10 * i,
      })),
    ),
  });
  return user;
}
