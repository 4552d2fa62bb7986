import type { Analysis, AnalysisGoalType, AnalysisStatus, DatasetVersion } from '../../generated/prisma/client.js';
import { authorize, locate } from '../../auth/access.js';
import { removeFiles, storedFilesOf } from '../../datasets/remove-files.js';
import { type Sql, sql, trusted } from '../../db/sql.js';
import { unitOfWork } from '../../db/unit-of-work.js';
import { name } from '../../validation/fields.js';
import { builder } from '../builder.js';
import { loadPage, type RelationSpec } from '../loading/connections.js';
import { models } from '../loading/models.js';
import { loadRelated, loadVisibleNodes } from '../loading/records.js';
import { connectionOf, pageArgs } from '../pagination.js';
import { DatasetColumn, datasetColumns } from './dataset-column.js';
import { AnalysisGoalTypeEnum, AnalysisStatusEnum, DatasetFormatEnum, DatasetStatusEnum } from './enums.js';
import { AnalysisRef, DatasetRef, DatasetVersionRef, UserRef, WorkspaceRef } from './refs.js';

export type AnalysisFilterShape = { status?: AnalysisStatus | null; goalType?: AnalysisGoalType | null };

/** The conditions of an AnalysisFilter, on analyses aliased `t`. */
export const analysisFilterConditions = (filter: AnalysisFilterShape | null): Sql[] => [
  ...(filter?.status ? [sql`t.status = ${filter.status.toLowerCase()}::analysis_status`] : []),
  ...(filter?.goalType ? [sql`t.goal_type = ${filter.goalType.toLowerCase()}::analysis_goal_type`] : []),
];

/** Analyses newest first: the order of every list of analyses. */
export const analysesNewestFirst = {
  CREATED_AT_DESC: {
    keys: [
      { expression: 't.created_at', type: 'timestamptz' },
      { expression: 't.id', type: 'int' },
    ],
    direction: 'DESC',
  },
} as const;

const datasetAnalyses: RelationSpec<Analysis, AnalysisFilterShape | null> = {
  name: 'Dataset.analyses',
  from: trusted('analyses t'),
  model: models.Analysis,
  parentColumn: 't.dataset_id',
  orders: analysesNewestFirst,
  conditions: analysisFilterConditions,
};

const datasetVersions: RelationSpec<DatasetVersion> = {
  name: 'Dataset.versions',
  from: trusted('dataset_versions t'),
  model: models.DatasetVersion,
  parentColumn: 't.dataset_id',
  // The number is unique per dataset (the unique index on (dataset_id, version) serves the page, read backwards).
  orders: { VERSION_DESC: { keys: [{ expression: 't.version', type: 'int' }], direction: 'DESC' } },
};

export const Dataset = builder.node(DatasetRef, {
  description:
    'An uploaded file in a workspace, with what the upload found in it and the analyses run on it. A dataset may be uploaded again (uploadDatasetVersion): its file fields (fileSize, rowCount, columnCount, originalFilename, format, sha256, columns) describe its latest version, and every version is kept in `versions`.',
  id: { resolve: (dataset) => dataset.id },
  loadMany: loadVisibleNodes('Dataset'),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the workspace calls it (the file name without extension unless given at upload).' }),
    // file_path is a server-side storage location: never shown to clients.
    fileSize: t.expose('fileSize', { type: 'BigInt', description: 'Size of the uploaded file (the latest version’s) in bytes.' }),
    rowCount: t.exposeInt('rowCount', {
      nullable: true,
      description:
        'Data rows (the header is not one) of the latest version, counted at upload; null for datasets uploaded before they were counted.',
    }),
    columnCount: t.exposeInt('columnCount', {
      nullable: true,
      description: 'Columns found at upload in the latest version; null for datasets uploaded before they were counted.',
    }),
    status: t.expose('status', { type: DatasetStatusEnum, description: 'Where the dataset is, as its analyses move it.' }),
    originalFilename: t.exposeString('originalFilename', {
      nullable: true,
      description: 'The name the latest version’s file had on the uploader’s machine (sanitised; display only).',
    }),
    format: t.expose('fileFormat', {
      type: DatasetFormatEnum,
      nullable: true,
      description: 'Detected from the latest version’s content at upload; null for datasets uploaded before it was recorded.',
    }),
    sha256: t.exposeString('sha256', {
      nullable: true,
      description: 'SHA-256 of the latest version’s bytes, 64 hex digits (to spot the same file uploaded twice); null for older datasets.',
    }),
    columns: t.field({
      type: [DatasetColumn],
      nullable: true,
      description:
        'The columns found at upload in the latest version, in file order, with the names analyses use; null for datasets uploaded before they were recorded.',
      resolve: (dataset) => datasetColumns(dataset.columns),
    }),
    workspace: t.field({
      type: WorkspaceRef,
      description: 'The workspace it belongs to.',
      resolve: (dataset, _args, ctx) => loadRelated(ctx, 'Workspace', dataset.workspaceId),
    }),
    latestAnalysis: t.field({
      type: AnalysisRef,
      nullable: true,
      description: 'The newest analysis of this dataset, whatever its status; null when none was started.',
      resolve: async (dataset, _args, ctx, info) =>
        (await loadPage(ctx, datasetAnalyses, dataset.id, { first: 1 }, { filter: null, info, shape: 'object' })).edges[0]?.node ?? null,
    }),
    latestVersion: t.field({
      type: DatasetVersionRef,
      nullable: true,
      description:
        'The newest version, whose file the dataset’s file fields describe and new analyses read; null only for datasets recorded without versions (written directly, as the seed allows).',
      resolve: async (dataset, _args, ctx, info) =>
        (await loadPage(ctx, datasetVersions, dataset.id, { first: 1 }, { filter: null, info, shape: 'object' })).edges[0]?.node ?? null,
    }),
    uploader: t.field({
      type: UserRef,
      description: 'Who uploaded it (its first version; latestVersion.uploader uploaded the newest).',
      resolve: (dataset, _args, ctx) => loadRelated(ctx, 'User', dataset.uploadedBy),
    }),
    uploadedAt: t.expose('uploadedAt', {
      type: 'DateTime',
      description: 'When the upload that created it finished (latestVersion.uploadedAt: the newest).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the row was created (the same instant as uploadedAt).' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it was last renamed, changed status or got a new version.' }),
    versions: t.connection(
      {
        type: DatasetVersionRef,
        description: 'Every uploaded version of the file, newest first (version 1 is the upload that created the dataset).',
        validate: pageArgs,
        resolve: (dataset, args, ctx, info) => loadPage(ctx, datasetVersions, dataset.id, args, { filter: null, info }),
      },
      ...connectionOf('DatasetVersion', 'dataset versions'),
    ),
    analyses: t.connection(
      {
        type: AnalysisRef,
        description: 'Analyses of this dataset (of every version), newest first.',
        validate: pageArgs,
        args: { filter: t.arg({ type: AnalysisFilter, required: false, description: 'Only analyses matching every condition given.' }) },
        resolve: (dataset, { filter, ...args }, ctx, info) =>
          loadPage(ctx, datasetAnalyses, dataset.id, args, { filter: filter ?? null, info }),
      },
      ...connectionOf('Analysis', 'analyses'),
    ),
  }),
});

export const AnalysisFilter = builder.inputType('AnalysisFilter', {
  description: 'Narrows Dataset.analyses and DatasetVersion.analyses; a missing condition does not filter.',
  fields: (t) => ({
    status: t.field({ type: AnalysisStatusEnum, required: false, description: 'Only analyses with this status.' }),
    goalType: t.field({ type: AnalysisGoalTypeEnum, required: false, description: 'Only analyses for this goal.' }),
  }),
});

// The seed's DatasetUpdate: the name is the only field a user changes.
const UpdateDatasetInput = builder.inputType('UpdateDatasetInput', {
  description: 'What to change in a dataset; a missing field keeps its value.',
  fields: (t) => ({ name: t.string({ required: false, validate: { schema: name }, description: 'The new name (1–255 characters).' }) }),
});

builder.mutationFields((t) => ({
  updateDataset: t.field({
    type: DatasetRef,
    description: 'Renames a dataset. Owners and editors only.',
    args: {
      id: t.arg.globalID({ for: Dataset, description: 'The dataset to change.' }),
      input: t.arg({ type: UpdateDatasetInput, description: 'What to change.' }),
    },
    resolve: async (_root, { id, input }, ctx) => {
      const { workspaceId } = await authorize(ctx, 'editData', 'Dataset', locate.dataset(Number(id.id)));
      const dataset = await ctx.prisma.dataset.update({ where: { id: Number(id.id) }, data: { name: input.name ?? undefined } });
      await ctx.analyses.events.publishToWorkspace({ kind: 'DATASET_UPDATED', workspaceId, datasetId: dataset.id, analysisId: null });
      return dataset;
    },
  }),
  deleteDataset: t.globalID({
    description:
      'Deletes the dataset with its versions, its analyses and every version’s stored file; returns its ID. Owners and editors only.',
    args: { id: t.arg.globalID({ for: Dataset, description: 'The dataset to delete.' }) },
    resolve: async (_root, { id }, ctx) => {
      const datasetId = Number(id.id);
      const { workspaceId } = await authorize(ctx, 'editData', 'Dataset', locate.dataset(datasetId));
      const files = await unitOfWork(ctx.prisma, async (tx) => {
        // Locked as a new version locks it, so no version arrives between listing the files and the delete.
        await tx.$executeRaw`SELECT 1 FROM "datasets" WHERE "id" = ${datasetId} FOR UPDATE`;
        const paths = await storedFilesOf(tx, { id: datasetId });
        await tx.dataset.delete({ where: { id: datasetId } });
        return paths;
      });
      await removeFiles(ctx, files);
      await ctx.analyses.events.publishToWorkspace({ kind: 'DATASET_DELETED', workspaceId, datasetId: Number(id.id), analysisId: null });
      return { type: id.typename, id: id.id };
    },
  }),
}));
