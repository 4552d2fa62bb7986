// The database the migrations build, read from PostgreSQL's own catalog (not
// Prisma's view of it), against the seed design written out by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const query = async <T = Record<string, unknown>>(sql: string): Promise<T[]> => (await db.pool.query(sql)).rows as T[];

// column: [type as format_type prints it, nullable, default]
const tstz = 'timestamp(6) with time zone';
const vc = (n: number) => `character varying(${n})`;
const serial = (table: string) => `nextval('${table}_id_seq'::regclass)`;
const now = 'CURRENT_TIMESTAMP';
const expectedColumns: Record<string, Record<string, [string, boolean, string | null]>> = {
  users: {
    id: ['integer', false, serial('users')],
    email: [vc(255), false, null],
    password_hash: [vc(255), false, null],
    full_name: [vc(255), false, null],
    is_active: ['boolean', false, 'true'],
    created_at: [tstz, false, now],
    updated_at: [tstz, false, now],
  },
  workspaces: {
    id: ['integer', false, serial('workspaces')],
    name: [vc(255), false, null],
    owner_id: ['integer', false, null],
    created_at: [tstz, false, now],
    updated_at: [tstz, false, now],
  },
  datasets: {
    id: ['integer', false, serial('datasets')],
    name: [vc(255), false, null],
    file_path: [vc(500), false, null],
    file_size: ['bigint', false, null],
    row_count: ['integer', true, null],
    column_count: ['integer', true, null],
    status: ['dataset_status', false, "'pending'::dataset_status"],
    original_filename: [vc(255), true, null],
    file_format: ['dataset_format', true, null],
    sha256: ['character(64)', true, null],
    columns: ['jsonb', true, null],
    workspace_id: ['integer', false, null],
    uploaded_by: ['integer', false, null],
    uploaded_at: [tstz, false, now],
    created_at: [tstz, false, now],
    updated_at: [tstz, false, now],
  },
  analyses: {
    id: ['integer', false, serial('analyses')],
    dataset_id: ['integer', false, null],
    goal_type: ['analysis_goal_type', false, null],
    status: ['analysis_status', false, "'pending'::analysis_status"],
    quality_score: ['double precision', true, null],
    started_at: [tstz, true, null],
    completed_at: [tstz, true, null],
    error_message: ['text', true, null],
    created_at: [tstz, false, now],
    updated_at: [tstz, false, now],
    options: ['jsonb', false, "'{}'::jsonb"],
    progress_phase: [vc(32), true, null],
    progress_percent: ['double precision', true, null],
    job_id: ['uuid', true, null],
    attempt_token: ['uuid', true, null],
    attempts: ['integer', false, '0'],
    worker_id: [vc(100), true, null],
    heartbeat_at: [tstz, true, null],
    cancelled_at: [tstz, true, null],
    score_breakdown: ['jsonb', true, null],
    dataset_facts: ['jsonb', true, null],
    dataset_version_id: ['integer', true, null],
  },
  dataset_versions: {
    id: ['integer', false, serial('dataset_versions')],
    dataset_id: ['integer', false, null],
    version: ['integer', false, null],
    file_path: [vc(500), false, null],
    file_size: ['bigint', false, null],
    sha256: ['character(64)', true, null],
    original_filename: [vc(255), true, null],
    file_format: ['dataset_format', true, null],
    row_count: ['integer', true, null],
    column_count: ['integer', true, null],
    columns: ['jsonb', true, null],
    uploaded_by: ['integer', false, null],
    uploaded_at: [tstz, false, now],
  },
  column_profiles: {
    id: ['integer', false, serial('column_profiles')],
    analysis_id: ['integer', false, null],
    column_name: [vc(255), false, null],
    data_type: [vc(50), false, null],
    null_count: ['integer', false, null],
    unique_count: ['integer', false, null],
    min_value: [vc(255), true, null],
    max_value: [vc(255), true, null],
    mean: ['double precision', true, null],
    median: ['double precision', true, null],
    distribution_data: ['jsonb', true, null],
  },
  workspace_members: {
    id: ['integer', false, serial('workspace_members')],
    workspace_id: ['integer', false, null],
    user_id: ['integer', false, null],
    role: ['workspace_role', false, null],
    created_at: [tstz, false, now],
    updated_at: [tstz, false, now],
  },
  sessions: {
    id: ['integer', false, serial('sessions')],
    user_id: ['integer', false, null],
    token_hash: [vc(64), false, null],
    created_at: [tstz, false, now],
    expires_at: [tstz, false, null],
    revoked_at: [tstz, true, null],
  },
  workspace_invitations: {
    id: ['integer', false, serial('workspace_invitations')],
    workspace_id: ['integer', false, null],
    email: [vc(255), false, null],
    role: ['workspace_role', false, null],
    invited_by: ['integer', true, null],
    created_at: [tstz, false, now],
  },
  sign_in_throttles: {
    key: [vc(320), false, null],
    failures: ['integer', false, null],
    window_started_at: [tstz, false, null],
    blocked_until: [tstz, true, null],
  },
  insights: {
    id: ['integer', false, serial('insights')],
    analysis_id: ['integer', false, null],
    severity: ['insight_severity', false, null],
    type: ['insight_type', false, null],
    description: ['text', false, null],
    recommendation: ['text', false, null],
    code_suggestion: ['text', true, null],
    created_at: [tstz, false, now],
    column_name: [vc(255), true, null],
    evidence: ['jsonb', true, null],
    cost: ['double precision', true, null],
    code: ['jsonb', true, null],
  },
};

describe('the migrated database matches the seed design', () => {
  it('has exactly the seed tables, the account tables, and Prisma’s migration history', async () => {
    const rows = await query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
    );
    expect(rows.map((r) => r.relname)).toEqual(
      [
        '_prisma_migrations',
        'analyses',
        'column_profiles',
        'datasets',
        'dataset_versions',
        'insights',
        'users',
        'workspaces',
        'workspace_members',
        'workspace_invitations',
        'sessions',
        'sign_in_throttles',
      ].sort(),
    );
  });

  it('has every column with its type, length, nullability and default', async () => {
    const rows = await query<{ table: string; column: string; type: string; nullable: boolean; default: string | null }>(`
      SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
             NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
         AND c.relname <> '_prisma_migrations'`);
    const actual: typeof expectedColumns = {};
    for (const r of rows) (actual[r.table] ??= {})[r.column] = [r.type, r.nullable, r.default];
    expect(actual).toEqual(expectedColumns);
  });

  it('has the seed enums as PostgreSQL enums with the seed values, in order', async () => {
    const rows = await query<{ name: string; values: string[] }>(`
      SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1`);
    expect(Object.fromEntries(rows.map((r) => [r.name, r.values]))).toEqual({
      dataset_status: ['pending', 'processing', 'completed', 'failed'],
      dataset_format: ['csv', 'json', 'parquet'],
      analysis_goal_type: ['ml_preparation', 'general_audit', 'data_quality', 'exploratory'],
      analysis_status: ['pending', 'running', 'completed', 'failed'],
      insight_severity: ['critical', 'high', 'medium', 'low', 'info'],
      insight_type: ['missing_data', 'outliers', 'duplicates', 'data_type_mismatch', 'pattern_violation', 'quality_issue'],
      workspace_role: ['owner', 'editor', 'viewer'],
    });
  });

  it('has every index the seed lists, unique where it says so', async () => {
    const rows = await query<{ table: string; columns: string[]; unique: boolean }>(`
      SELECT t.relname::text AS table, i.indisunique AS unique,
             array_agg(a.attname::text ORDER BY k.ord) AS columns
        FROM pg_index i
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE n.nspname = 'public' AND NOT i.indisprimary AND t.relname <> '_prisma_migrations'
       GROUP BY i.indexrelid, t.relname, i.indisunique`);
    const indexes = rows.map((r) => `${r.table}(${r.columns.join(',')})${r.unique ? ' unique' : ''}`).sort();
    expect(indexes).toEqual(
      [
        'users(email) unique',
        'workspaces(owner_id)',
        'datasets(workspace_id)',
        'datasets(uploaded_by)',
        'datasets(status)',
        'datasets(file_path) unique',
        'analyses(dataset_id)',
        'analyses(status)',
        'column_profiles(analysis_id)',
        'column_profiles(analysis_id,column_name)',
        'insights(analysis_id)',
        'insights(severity)',
        'workspace_members(workspace_id,user_id) unique',
        'workspace_members(user_id)',
        'sessions(token_hash) unique',
        'sessions(user_id)',
        // Beyond the seed: one per connection order, so a page reads only its own rows.
        'datasets(workspace_id,created_at,id)',
        'datasets(workspace_id,name,id)',
        'analyses(dataset_id,created_at,id)',
        'column_profiles(analysis_id,id)',
        'insights(analysis_id,severity,id)',
        'workspace_members(workspace_id,id)',
        'workspace_members(user_id,id)',
        'workspace_invitations(workspace_id,email) unique',
        'workspace_invitations(email)',
        // Beyond the seed (issue 18): a dataset's versions, one stored file each, and the analyses of a version.
        'dataset_versions(dataset_id,version) unique',
        'dataset_versions(file_path) unique',
        'dataset_versions(uploaded_by)',
        'analyses(dataset_version_id,created_at,id)',
      ].sort(),
    );
  });

  it('has the foreign keys with the cascades of the seed relationships', async () => {
    const rows = await query<{ from: string; to: string; on_delete: string; deferred: boolean }>(`
      SELECT format('%s.%s', c.conrelid::regclass, a.attname) AS from, c.confrelid::regclass::text AS to,
             c.confdeltype::text AS on_delete, c.condeferred AS deferred
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       WHERE c.contype = 'f'`);
    const keys = rows.map((r) => `${r.from} -> ${r.to} ${r.on_delete}${r.deferred ? ' deferred' : ''}`).sort();
    // c = CASCADE, a = NO ACTION, n = SET NULL
    expect(keys).toEqual(
      [
        'workspaces.owner_id -> users c',
        'datasets.workspace_id -> workspaces c',
        'datasets.uploaded_by -> users a deferred',
        'analyses.dataset_id -> datasets c',
        'column_profiles.analysis_id -> analyses c',
        'insights.analysis_id -> analyses c',
        'workspace_members.workspace_id -> workspaces c',
        'workspace_members.user_id -> users c',
        'sessions.user_id -> users c',
        'workspace_invitations.workspace_id -> workspaces c',
        'workspace_invitations.invited_by -> users n',
        'dataset_versions.dataset_id -> datasets c',
        'dataset_versions.uploaded_by -> users a deferred',
        // A version stays while its analyses exist (deleting the dataset takes both).
        'analyses.dataset_version_id -> dataset_versions a',
      ].sort(),
    );
  });

  it('checks quality_score is between 0 and 100, and that emails are stored lower-case', async () => {
    const rows = await query<{ name: string; definition: string }>(`
      SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE contype = 'c' AND connamespace = 'public'::regnamespace ORDER BY conname`);
    expect(rows).toEqual([
      {
        name: 'analyses_quality_score_range',
        definition: 'CHECK (((quality_score >= (0)::double precision) AND (quality_score <= (100)::double precision)))',
      },
      { name: 'users_email_lowercase', definition: 'CHECK (((email)::text = lower((email)::text)))' },
      { name: 'workspace_invitations_email_lowercase', definition: 'CHECK (((email)::text = lower((email)::text)))' },
    ]);
  });

  it('moves updated_at by trigger on every table that has it', async () => {
    const rows = await query<{ table: string }>(`
      SELECT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       WHERE NOT t.tgisinternal AND t.tgfoid = 'set_updated_at'::regproc ORDER BY 1`);
    const withUpdatedAt = Object.entries(expectedColumns)
      .filter(([, cols]) => 'updated_at' in cols)
      .map(([t]) => t)
      .sort();
    expect(rows.map((r) => r.table)).toEqual(withUpdatedAt);
  });
});
