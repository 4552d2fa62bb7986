import type { Analysis, AnalysisGoalType, AnalysisStatus } from '../../generated/prisma/client.js';
import { authorize, locate } from '../../auth/access.js';
import { removeFiles } from '../../datasets/remove-files.js';
import { sql, trusted } from '../../db/sql.js';
import { name } from '../../validation/fields.js';
import { builder } from '../builder.js';
import { loadPage, type RelationSpec } from '../loading/connections.js';
import { models } from '../loading/models.js';
import { loadRelated, loadVisibleNodes } from '../loading/records.js';
import { pageArgs, withTotalCount } from '../pagination.js';
import { DatasetColumn, datasetColumns } from './dataset-column.js';
import { AnalysisGoalTypeEnum, AnalysisStatusEnum, DatasetFormatEnum, DatasetStatusEnum } from './enums.js';
import { AnalysisRef, DatasetRef, UserRef, WorkspaceRef } from './refs.js';

type AnalysisFilterShape = { status?: AnalysisStatus | null; goalType?: AnalysisGoalType | null };

const datasetAnalyses: RelationSpec<Analysis, AnalysisFilterShape | null> = {
  name: 'Dataset.analyses',
  from: trusted('analyses t'),
  model: models.Analysis,
  parentColumn: 't.dataset_id',
  orders: {
    CREATED_AT_DESC: {
      keys: [
        { expression: 't.created_at', type: 'timestamptz' },
        { expression: 't.id', type: 'int' },
      ],
      direction: 'DESC',
    },
  },
  conditions: (filter) => [
    ...(filter?.status ? [sql`t.status = ${filter.status.toLowerCase()}::analysis_status`] : []),
    ...(filter?.goalType ? [sql`t.goal_type = ${filter.goalType.toLowerCase()}::analysis_goal_type`] : []),
  ],
};

export const Dataset = builder.node(DatasetRef, {
  id: { resolve: (dataset) => dataset.id },
  loadMany: loadVisibleNodes('Dataset'),
  fields: (t) => ({
    name: t.exposeString('name'),
    // file_path is a server-side storage location: never shown to clients.
    fileSize: t.expose('fileSize', { type: 'BigInt', description: 'Size of the uploaded file in bytes.' }),
    rowCount: t.exposeInt('rowCount', { nullable: true }),
    columnCount: t.exposeInt('columnCount', { nullable: true }),
    status: t.expose('status', { type: DatasetStatusEnum }),
    originalFilename: t.exposeString('originalFilename', {
      nullable: true,
      description: 'The name the file had on the uploader’s machine (sanitised; display only).',
    }),
    format: t.expose('fileFormat', { type: DatasetFormatEnum, nullable: true, description: 'Detected from the content at upload.' }),
    sha256: t.exposeString('sha256', { nullable: true, description: 'SHA-256 of the uploaded bytes, hex.' }),
    columns: t.field({
      type: [DatasetColumn],
      nullable: true,
      description: 'The columns found at upload, in file order, with the names analyses use.',
      resolve: (dataset) => datasetColumns(dataset.columns),
    }),
    workspace: t.field({ type: WorkspaceRef, resolve: (dataset, _args, ctx) => loadRelated(ctx, 'Workspace', dataset.workspaceId) }),
    latestAnalysis: t.field({
      type: AnalysisRef,
      nullable: true,
      description: 'The newest analysis of this dataset, whatever its status.',
      resolve: async (dataset, _args, ctx, info) =>
        (await loadPage(ctx, datasetAnalyses, dataset.id, { first: 1 }, { filter: null, info, shape: 'object' })).edges[0]?.node ?? null,
    }),
    uploader: t.field({ type: UserRef, resolve: (dataset, _args, ctx) => loadRelated(ctx, 'User', dataset.uploadedBy) }),
    uploadedAt: t.expose('uploadedAt', { type: 'DateTime' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    analyses: t.connection({
      type: AnalysisRef,
      description: 'Analyses of this dataset, newest first.',
      validate: pageArgs,
      args: { filter: t.arg({ type: AnalysisFilter, required: false }) },
      resolve: (dataset, { filter, ...args }, ctx, info) => loadPage(ctx, datasetAnalyses, dataset.id, args, { filter: filter ?? null, info }),
    }, withTotalCount),
  }),
});

const AnalysisFilter = builder.inputType('AnalysisFilter', {
  fields: (t) => ({
    status: t.field({ type: AnalysisStatusEnum, required: false }),
    goalType: t.field({ type: AnalysisGoalTypeEnum, required: false }),
  }),
});

// The seed's DatasetUpdate: the name is the only field a user changes.
const UpdateDatasetInput = builder.inputType('UpdateDatasetInput', {
  fields: (t) => ({ name: t.string({ required: false, validate: { schema: name } }) }),
});

builder.mutationFields((t) => ({
  updateDataset: t.field({
    type: DatasetRef,
    description: 'Renames a dataset.',
    args: { id: t.arg.globalID({ for: Dataset }), input: t.arg({ type: UpdateDatasetInput }) },
    resolve: async (_root, { id, input }, ctx) => {
      await authorize(ctx, 'editData', 'Dataset', locate.dataset(Number(id.id)));
      return ctx.prisma.dataset.update({ where: { id: Number(id.id) }, data: { name: input.name ?? undefined } });
    },
  }),
  deleteDataset: t.globalID({
    description: 'Deletes the dataset with its analyses; returns its ID.',
    args: { id: t.arg.globalID({ for: Dataset }) },
    resolve: async (_root, { id }, ctx) => {
      await authorize(ctx, 'editData', 'Dataset', locate.dataset(Number(id.id)));
      const { filePath } = await ctx.prisma.dataset.delete({ where: { id: Number(id.id) }, select: { filePath: true } });
      await removeFiles(ctx, [filePath]);
      return { type: id.typename, id: id.id };
    },
  }),
}));
