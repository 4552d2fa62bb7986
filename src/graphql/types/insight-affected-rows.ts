// Insight.affectedRows: the rows of the dataset's stored file that an
// insight's own SQL (code.sql.affectedRows) selects, a page at a time, read by
// src/analyses/affected-rows.ts. The insight is visible (node lookups and
// connections only load those of the viewer's workspaces); its analysis is
// loaded through the visibility filter again before any file is opened.
import os from 'node:os';
import { affectedRowsSettings, readAffectedRows, type AffectedRow } from '../../analyses/affected-rows.js';
import { analysisOptionsSchema } from '../../analyses/options.js';
import { storedDatasetView } from '../../analyses/stored-dataset-view.js';
import { queryRows, sql } from '../../db/sql.js';
import { AppError } from '../../errors.js';
import { codeSuggestionSchema } from '../../insights/index.js';
import type { Insight } from '../../generated/prisma/client.js';
import { builder, pageSize } from '../builder.js';
import type { GraphQLContext } from '../context.js';
import { loadRelated, recordLoader } from '../loading/records.js';
import { pageArgs } from '../pagination.js';
import { parsedOrNull } from '../zod-object-types.js';
import { InsightRef } from './refs.js';

/** Insights whose affected rows one request may read (each opens DuckDB and reads the file). */
export const affectedRowsPerRequest = 5;

type RowEdge = { cursor: string; node: AffectedRow };
type RowConnection = {
  columns: string[];
  totalCount: number;
  edges: RowEdge[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
};

// A cursor is the row's place in the result (1-based), opaque to clients.
const CURSOR_TAG = 'affectedRow';
const encodeCursor = (position: number) => Buffer.from(JSON.stringify([CURSOR_TAG, position])).toString('base64url');

function decodeCursor(cursor: string): number {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (!Array.isArray(decoded) || decoded.length !== 2 || decoded[0] !== CURSOR_TAG || !Number.isSafeInteger(decoded[1]) || decoded[1] < 1) {
    throw new AppError('VALIDATION_FAILED', 'Invalid cursor: pass a cursor Insight.affectedRows returned', [
      { path: ['after'], message: 'is not a cursor of Insight.affectedRows' },
    ]);
  }
  return decoded[1] as number;
}

const AffectedRowRef = builder.objectRef<AffectedRow>('InsightAffectedRow').implement({
  description: 'One row of the dataset that an insight is about, as the file has it.',
  fields: (t) => ({
    row: t.int({
      nullable: true,
      description:
        "The row's 1-based data row number in the file (the header is not a row), as in evidence examples; null when the insight's SQL returns rows that are not the file's own (the duplicate rows, one copy per repeat).",
      resolve: (row) => row.row,
    }),
    values: t.stringList({
      nullable: { list: false, items: true },
      description: "The row's cells as text, in the order of the connection's `columns`; null for an empty cell.",
      resolve: (row) => row.values,
    }),
  }),
});

const AffectedRowEdgeRef = builder.objectRef<RowEdge>('InsightAffectedRowEdge').implement({
  description: 'One of the rows an insight is about, with its cursor.',
  fields: (t) => ({
    cursor: t.exposeString('cursor', { description: "This row's place in the list, for `after`; opaque." }),
    node: t.field({ type: AffectedRowRef, description: 'The row.', resolve: (edge) => edge.node }),
  }),
});

const AffectedRowConnectionRef = builder.objectRef<RowConnection>('InsightAffectedRowConnection').implement({
  description:
    "A page of the rows an insight is about: what its SQL (code.sql.affectedRows) selects from the dataset's file, in file order (rows without a row number: in the order of their values).",
  fields: (t) => ({
    columns: t.exposeStringList('columns', {
      description: "The columns' names (as in the column profiles), the order of every row's values.",
    }),
    totalCount: t.exposeInt('totalCount', {
      description: "How many rows the insight's SQL selects in all, across pages (evidence.count for a check counted exactly).",
    }),
    pageInfo: t.field({
      type: builder.pageInfoRef(),
      description: 'Cursors and whether more pages exist.',
      resolve: (connection) => connection.pageInfo,
    }),
    edges: t.field({
      type: [AffectedRowEdgeRef],
      description: 'The rows of this page, in the list order, each with its cursor.',
      resolve: (connection) => connection.edges,
    }),
  }),
});

builder.objectField(InsightRef, 'affectedRows', (t) =>
  t.field({
    type: AffectedRowConnectionRef,
    nullable: true,
    description: `The rows of the dataset this insight is about, a page at a time: its SQL (code.sql.affectedRows) run over the stored file of the dataset version its analysis read (the first sampleLimit rows for a sampled analysis). Null when the insight is not about rows (no such SQL). At most ${affectedRowsPerRequest} insights' rows per request; a read longer than ${affectedRowsSettings.timeLimitMs / 1000} s is stopped (QUERY_TOO_COMPLEX); a file no longer in storage is NOT_FOUND.`,
    args: {
      first: t.arg.int({
        required: false,
        description: `How many rows from the start or after \`after\` (default ${pageSize.default}, at most ${pageSize.max}).`,
      }),
      after: t.arg.string({ required: false, description: 'Start after the row with this cursor (an endCursor or edge cursor).' }),
    },
    validate: pageArgs,
    resolve: (insight, args, ctx) => affectedRows(insight, args, ctx),
  }),
);

async function affectedRows(
  insight: Pick<Insight, 'id' | 'analysisId' | 'code'>,
  args: { first?: number | null; after?: string | null },
  ctx: GraphQLContext,
): Promise<RowConnection | null> {
  const statement = parsedOrNull(codeSuggestionSchema, insight.code)?.sql.affectedRows;
  if (!statement) return null;
  const limit = args.first ?? pageSize.default;
  const offset = args.after ? decodeCursor(args.after) : 0;
  countRead(ctx);

  // The insight was loaded visible; its analysis is checked again before a file is opened.
  const analysis = await recordLoader(ctx, 'Analysis', 'visible').load(insight.analysisId);
  if (!analysis) throw new AppError('NOT_FOUND', 'Insight not found');
  // The file the analysis read: its version's (the dataset's current file may be a newer version's).
  const file =
    analysis.datasetVersionId === null
      ? await loadRelated(ctx, 'Dataset', analysis.datasetId)
      : await loadRelated(ctx, 'DatasetVersion', analysis.datasetVersionId);
  const profiles = await queryRows<{ columnName: string }>(
    ctx.pool,
    sql`SELECT column_name AS "columnName" FROM column_profiles WHERE analysis_id = ${analysis.id} ORDER BY id`,
  );
  // A path to read for the length of the read: the stored file itself, or (object storage) a copy
  // downloaded for it, shared by this request's other reads of the same file and removed after.
  const page = await ctx.storage.withLocalFile(file.filePath, async (filePath) => {
    const view = await storedDatasetView(filePath, { fileFormat: file.fileFormat, columnNames: profiles.map((p) => p.columnName) });
    return readAffectedRows({
      filePath,
      view,
      sql: statement,
      rowLimit: analysisOptionsSchema.parse(analysis.options).sampleLimit ?? null,
      offset,
      limit,
      tempDirectory: ctx.uploadReader.tempDirectory ?? os.tmpdir(),
    });
  });
  const edges = page.rows.map((node, i) => ({ cursor: encodeCursor(offset + i + 1), node }));
  return {
    columns: page.columns,
    totalCount: page.totalCount,
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

function countRead(ctx: GraphQLContext): void {
  const key = 'Insight.affectedRows:reads';
  const reads = ((ctx.loaders.get(key) as number | undefined) ?? 0) + 1;
  ctx.loaders.set(key, reads);
  if (reads > affectedRowsPerRequest) {
    throw new AppError(
      'QUERY_TOO_COMPLEX',
      `Insight.affectedRows is read for at most ${affectedRowsPerRequest} insights per request; ask for the others in another request.`,
    );
  }
}
