// How each node type's table is read with plain SQL into exactly the object
// Prisma would return for it (camelCase fields, Date, bigint, enum names), so a
// resolver cannot tell a batch-loaded row from one a mutation got from Prisma.
import type {
  Analysis,
  ColumnProfile,
  Dataset,
  DatasetVersion,
  Insight,
  User,
  Workspace,
  WorkspaceInvitation,
  WorkspaceMember,
} from '../../generated/prisma/client.js';
import { type Sql, trusted } from '../../db/sql.js';

type Kind = 'plain' | 'enum' | 'bigint';

export type ModelTable<Row> = {
  /** Node type name, used for loader keys and messages. */
  name: string;
  table: Sql;
  /** The select list for alias `t` (every column of the model). */
  columns: Sql;
  /**
   * The select list for the columns these GraphQL fields read (always the id),
   * and a key naming that set. Fields that read other fields, or none, say so
   * in `reads`.
   */
  columnsFor: (graphqlFields: ReadonlySet<string>) => { columns: Sql; key: string };
  /** Turns a pg row (selected with `columns` or `columnsFor`) into the Prisma-shaped object, with the fields it selected. */
  toRow: (raw: Record<string, unknown>) => Row;
};

function modelTable<Row>(
  name: string,
  table: string,
  fields: Record<string, string | [string, Kind]>,
  /** GraphQL fields that read model fields of other names (a relation its foreign key). */
  reads: Record<string, string[]> = {},
): ModelTable<Row> {
  const entries = Object.entries(fields).map(([field, spec]) => {
    const [column, kind] = typeof spec === 'string' ? [spec, 'plain' as Kind] : spec;
    return { field, column, kind };
  });
  const selectList = (chosen: typeof entries) => trusted(chosen.map(({ field, column }) => `t."${column}" AS "${field}"`).join(', '));
  const columns = selectList(entries);
  const byFieldSet = new Map<string, { columns: Sql; key: string }>();
  const columnsFor = (graphqlFields: ReadonlySet<string>) => {
    const wanted = new Set(['id', ...[...graphqlFields].flatMap((f) => reads[f] ?? [f])]);
    const chosen = entries.filter((e) => wanted.has(e.field));
    const key = chosen.map((e) => e.field).join(',');
    let selection = byFieldSet.get(key);
    if (!selection) {
      selection = { columns: selectList(chosen), key };
      byFieldSet.set(key, selection);
    }
    return selection;
  };
  const enums = entries.filter((e) => e.kind === 'enum').map((e) => e.field);
  const bigints = entries.filter((e) => e.kind === 'bigint').map((e) => e.field);
  const toRow = (raw: Record<string, unknown>) => {
    // PostgreSQL stores the seed's lower-case enum values; Prisma's names are their upper case.
    for (const field of enums) if (raw[field] != null) raw[field] = (raw[field] as string).toUpperCase();
    for (const field of bigints) if (raw[field] != null) raw[field] = BigInt(raw[field] as string);
    return raw as Row;
  };
  return { name, table: trusted(`"${table}"`), columns, columnsFor, toRow };
}

export const models = {
  // The password hash is never read here: no field shows it.
  User: modelTable<Omit<User, 'passwordHash'>>('User', 'users', {
    id: 'id',
    email: 'email',
    fullName: 'full_name',
    isActive: 'is_active',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  }),
  Workspace: modelTable<Workspace>(
    'Workspace',
    'workspaces',
    {
      id: 'id',
      name: 'name',
      ownerId: 'owner_id',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
    },
    { owner: ['ownerId'] },
  ),
  WorkspaceMember: modelTable<WorkspaceMember>(
    'WorkspaceMember',
    'workspace_members',
    {
      id: 'id',
      workspaceId: 'workspace_id',
      userId: 'user_id',
      role: ['role', 'enum'],
      createdAt: 'created_at',
      updatedAt: 'updated_at',
    },
    { user: ['userId'], workspace: ['workspaceId'] },
  ),
  WorkspaceInvitation: modelTable<WorkspaceInvitation>('WorkspaceInvitation', 'workspace_invitations', {
    id: 'id',
    workspaceId: 'workspace_id',
    email: 'email',
    role: ['role', 'enum'],
    invitedBy: 'invited_by',
    createdAt: 'created_at',
  }),
  Dataset: modelTable<Dataset>(
    'Dataset',
    'datasets',
    {
      id: 'id',
      name: 'name',
      filePath: 'file_path',
      fileSize: ['file_size', 'bigint'],
      rowCount: 'row_count',
      columnCount: 'column_count',
      status: ['status', 'enum'],
      originalFilename: 'original_filename',
      fileFormat: ['file_format', 'enum'],
      sha256: 'sha256',
      columns: 'columns',
      workspaceId: 'workspace_id',
      uploadedBy: 'uploaded_by',
      uploadedAt: 'uploaded_at',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
    },
    { format: ['fileFormat'], workspace: ['workspaceId'], uploader: ['uploadedBy'] },
  ),
  DatasetVersion: modelTable<DatasetVersion>(
    'DatasetVersion',
    'dataset_versions',
    {
      id: 'id',
      datasetId: 'dataset_id',
      version: 'version',
      filePath: 'file_path',
      fileSize: ['file_size', 'bigint'],
      sha256: 'sha256',
      originalFilename: 'original_filename',
      fileFormat: ['file_format', 'enum'],
      rowCount: 'row_count',
      columnCount: 'column_count',
      columns: 'columns',
      uploadedBy: 'uploaded_by',
      uploadedAt: 'uploaded_at',
    },
    { format: ['fileFormat'], dataset: ['datasetId'], uploader: ['uploadedBy'] },
  ),
  Analysis: modelTable<Analysis>(
    'Analysis',
    'analyses',
    {
      id: 'id',
      datasetId: 'dataset_id',
      goalType: ['goal_type', 'enum'],
      status: ['status', 'enum'],
      qualityScore: 'quality_score',
      startedAt: 'started_at',
      completedAt: 'completed_at',
      errorMessage: 'error_message',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
      options: 'options',
      progressPhase: 'progress_phase',
      progressPercent: 'progress_percent',
      jobId: 'job_id',
      attemptToken: 'attempt_token',
      attempts: 'attempts',
      workerId: 'worker_id',
      heartbeatAt: 'heartbeat_at',
      cancelledAt: 'cancelled_at',
      scoreBreakdown: 'score_breakdown',
      datasetFacts: 'dataset_facts',
      datasetVersionId: 'dataset_version_id',
    },
    {
      dataset: ['datasetId'],
      datasetVersion: ['datasetVersionId'],
      targetColumn: ['options'],
      sampleLimit: ['options'],
      progress: ['progressPhase', 'progressPercent'],
      correlations: ['datasetFacts'],
      duplicateRows: ['datasetFacts'],
    },
  ),
  ColumnProfile: modelTable<ColumnProfile>(
    'ColumnProfile',
    'column_profiles',
    {
      id: 'id',
      analysisId: 'analysis_id',
      columnName: 'column_name',
      dataType: 'data_type',
      nullCount: 'null_count',
      uniqueCount: 'unique_count',
      minValue: 'min_value',
      maxValue: 'max_value',
      mean: 'mean',
      median: 'median',
      distributionData: 'distribution_data',
    },
    { analysis: ['analysisId'], distribution: ['distributionData'] },
  ),
  Insight: modelTable<Insight>(
    'Insight',
    'insights',
    {
      id: 'id',
      analysisId: 'analysis_id',
      severity: ['severity', 'enum'],
      type: ['type', 'enum'],
      description: 'description',
      recommendation: 'recommendation',
      codeSuggestion: 'code_suggestion',
      createdAt: 'created_at',
      columnName: 'column_name',
      evidence: 'evidence',
      code: 'code',
      cost: 'cost',
    },
    { analysis: ['analysisId'], affectedRows: ['analysisId', 'code'] },
  ),
};

export type ModelName = keyof typeof models;
