// The seed's "Testing Strategy": models, defaults, relations, enums, timestamps,
// constraints, cascades and transactions, against real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitOfWork } from '../../src/db/unit-of-work.js';
import { AppError } from '../../src/errors.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

let seq = 0;
const newUser = (overrides: { email?: string } = {}) =>
  db.prisma.user.create({
    data: { email: overrides.email ?? `user${++seq}@example.com`, passwordHash: 'scrypt$hash', fullName: 'Test User' },
  });

async function chain() {
  const user = await newUser();
  const workspace = await db.prisma.workspace.create({ data: { name: 'Research', ownerId: user.id } });
  const dataset = await db.prisma.dataset.create({
    data: { name: 'titanic.csv', filePath: `ab/cd/file-${workspace.id}`, fileSize: 61194n, workspaceId: workspace.id, uploadedBy: user.id },
  });
  const analysis = await db.prisma.analysis.create({ data: { datasetId: dataset.id, goalType: 'DATA_QUALITY' } });
  const profile = await db.prisma.columnProfile.create({
    data: { analysisId: analysis.id, columnName: 'age', dataType: 'decimal', nullCount: 177, uniqueCount: 88 },
  });
  const insight = await db.prisma.insight.create({
    data: {
      analysisId: analysis.id,
      severity: 'HIGH',
      type: 'MISSING_DATA',
      description: 'age is missing in 177 of 891 rows (19.9%)',
      recommendation: 'Impute age by passenger class',
    },
  });
  return { user, workspace, dataset, analysis, profile, insight };
}

const rowCount = async (table: string, id: number) => {
  const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM "${table}" WHERE id = $1`, [id]);
  return rows[0].n as number;
};

describe('model creation and defaults', () => {
  it('gives a new user an id, timestamps and is_active = true', async () => {
    const before = Date.now();
    const user = await newUser();
    expect(user.id).toBeGreaterThan(0);
    expect(user.isActive).toBe(true);
    expect(user.createdAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    expect(user.updatedAt.getTime()).toBe(user.createdAt.getTime());
  });

  it('starts datasets and analyses PENDING with no results yet', async () => {
    const { dataset, analysis } = await chain();
    expect(dataset.status).toBe('PENDING');
    expect(dataset.rowCount).toBeNull();
    expect(dataset.uploadedAt).toBeInstanceOf(Date);
    expect(analysis.status).toBe('PENDING');
    expect(analysis.qualityScore).toBeNull();
    expect(analysis.startedAt).toBeNull();
  });

  it('stores enums as the seed lower-case values', async () => {
    const { analysis, insight } = await chain();
    const { rows } = await db.pool.query(
      `SELECT a.goal_type::text AS goal, a.status::text AS status, i.severity::text AS severity, i.type::text AS type
         FROM analyses a JOIN insights i ON i.analysis_id = a.id WHERE a.id = $1 AND i.id = $2`,
      [analysis.id, insight.id],
    );
    expect(rows[0]).toEqual({ goal: 'data_quality', status: 'pending', severity: 'high', type: 'missing_data' });
  });
});

describe('relationships', () => {
  it('loads the whole graph from a user down to insights and column profiles', async () => {
    const { user, profile, insight } = await chain();
    const loaded = await db.prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      include: {
        workspaces: {
          include: { datasets: { include: { uploader: true, analyses: { include: { columnProfiles: true, insights: true } } } } },
        },
      },
    });
    const dataset = loaded.workspaces[0]!.datasets[0]!;
    expect(dataset.uploader.email).toBe(user.email);
    expect(dataset.analyses[0]!.columnProfiles.map((p) => p.id)).toEqual([profile.id]);
    expect(dataset.analyses[0]!.insights.map((i) => i.id)).toEqual([insight.id]);
  });
});

describe('constraints enforced by the database itself', () => {
  it('rejects a value outside an enum', async () => {
    const { analysis } = await chain();
    await expect(db.pool.query(`UPDATE analyses SET status = 'exploding' WHERE id = $1`, [analysis.id])).rejects.toThrow(
      /invalid input value for enum analysis_status/,
    );
    await expect(
      db.pool.query(
        `INSERT INTO insights (analysis_id, severity, type, description, recommendation) VALUES ($1, 'urgent', 'outliers', 'd', 'r')`,
        [analysis.id],
      ),
    ).rejects.toThrow(/invalid input value for enum insight_severity/);
  });

  it('keeps quality_score between 0 and 100', async () => {
    const { analysis } = await chain();
    for (const score of [0, 55.5, 100]) {
      const updated = await db.prisma.analysis.update({ where: { id: analysis.id }, data: { qualityScore: score } });
      expect(updated.qualityScore).toBe(score);
    }
    await expect(db.pool.query(`UPDATE analyses SET quality_score = 100.01 WHERE id = $1`, [analysis.id])).rejects.toThrow(
      /analyses_quality_score_range/,
    );
    const error = await db.prisma.analysis.update({ where: { id: analysis.id }, data: { qualityScore: -1 } }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Quality score must be between 0 and 100' });
    const stored = await db.prisma.analysis.findUniqueOrThrow({ where: { id: analysis.id } });
    expect(stored.qualityScore).toBe(100);
  });

  it('refuses a second user with the same email, as "Email already exists"', async () => {
    await newUser({ email: 'taken@example.com' });
    const error = await newUser({ email: 'taken@example.com' }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'Email already exists' });
    expect(await db.prisma.user.count({ where: { email: 'taken@example.com' } })).toBe(1);
  });

  it('reports a missing parent as not found, without database text', async () => {
    const error = await db.prisma.workspace.create({ data: { name: 'Orphan', ownerId: 987654 } }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).not.toMatch(/constraint|fkey|violat|SQL/i);
    const missing = await db.prisma.workspace.update({ where: { id: 987654 }, data: { name: 'x' } }).catch((e) => e);
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'Workspace not found' });
  });
});

describe('timestamp automation', () => {
  it('moves updated_at on every update, through Prisma and through plain SQL', async () => {
    const { workspace } = await chain();
    await new Promise((r) => setTimeout(r, 20));
    const renamed = await db.prisma.workspace.update({ where: { id: workspace.id }, data: { name: 'Renamed' } });
    expect(renamed.updatedAt.getTime()).toBeGreaterThan(workspace.updatedAt.getTime());
    expect(renamed.createdAt.getTime()).toBe(workspace.createdAt.getTime());
    await new Promise((r) => setTimeout(r, 20));
    await db.pool.query(`UPDATE workspaces SET name = 'Again' WHERE id = $1`, [workspace.id]);
    const again = await db.prisma.workspace.findUniqueOrThrow({ where: { id: workspace.id } });
    expect(again.updatedAt.getTime()).toBeGreaterThan(renamed.updatedAt.getTime());
  });
});

describe('cascade deletes', () => {
  it('deleting a workspace deletes its datasets, their analyses, column profiles and insights (the seed example)', async () => {
    const { user, workspace, dataset, analysis, profile, insight } = await chain();
    await db.prisma.workspace.delete({ where: { id: workspace.id } });
    expect(await rowCount('datasets', dataset.id)).toBe(0);
    expect(await rowCount('analyses', analysis.id)).toBe(0);
    expect(await rowCount('column_profiles', profile.id)).toBe(0);
    expect(await rowCount('insights', insight.id)).toBe(0);
    expect(await rowCount('users', user.id)).toBe(1);
  });

  it('deleting a user deletes the whole chain below their workspaces', async () => {
    const { user, workspace, dataset, analysis, insight } = await chain();
    await db.prisma.user.delete({ where: { id: user.id } });
    for (const [table, id] of [
      ['workspaces', workspace.id],
      ['datasets', dataset.id],
      ['analyses', analysis.id],
      ['insights', insight.id],
    ] as const) {
      expect(await rowCount(table, id)).toBe(0);
    }
  });

  it('refuses to delete a user whose uploads live in a workspace they do not own, and keeps everything', async () => {
    const owner = await newUser();
    const uploader = await newUser();
    const workspace = await db.prisma.workspace.create({ data: { name: 'Shared', ownerId: owner.id } });
    const dataset = await db.prisma.dataset.create({
      data: { name: 'x.csv', filePath: `p-${workspace.id}`, fileSize: 1n, workspaceId: workspace.id, uploadedBy: uploader.id },
    });
    const error = await db.prisma.user.delete({ where: { id: uploader.id } }).catch((e) => e);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(error.message).toMatch(/still has datasets uploaded/);
    expect(await rowCount('users', uploader.id)).toBe(1);
    expect(await rowCount('datasets', dataset.id)).toBe(1);
  });
});

describe('units of work', () => {
  it('commits nothing when any step fails', async () => {
    const email = 'rollback@example.com';
    const failure = unitOfWork(db.prisma, async (tx) => {
      const user = await tx.user.create({ data: { email, passwordHash: 'h', fullName: 'Roll Back' } });
      await tx.workspace.create({ data: { name: 'Half', ownerId: user.id } });
      throw new Error('step three failed');
    });
    await expect(failure).rejects.toThrow('step three failed');
    expect(await db.prisma.user.count({ where: { email } })).toBe(0);
    expect(await db.prisma.workspace.count({ where: { name: 'Half' } })).toBe(0);
  });

  it('commits every step together when all succeed', async () => {
    const email = 'commit@example.com';
    const workspace = await unitOfWork(db.prisma, async (tx) => {
      const user = await tx.user.create({ data: { email, passwordHash: 'h', fullName: 'Commit' } });
      return tx.workspace.create({ data: { name: 'Whole', ownerId: user.id } });
    });
    const stored = await db.prisma.workspace.findUniqueOrThrow({ where: { id: workspace.id }, include: { owner: true } });
    expect(stored.owner.email).toBe(email);
  });
});
