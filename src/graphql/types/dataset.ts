import type { AnalysisGoalType, AnalysisStatus, Prisma } from '../../generated/prisma/client.js';
import { authorize, locate, requireViewer, visibleTo } from '../../auth/access.js';
import { removeFiles } from '../../datasets/remove-files.js';
import { name } from '../../validation/fields.js';
import { builder } from '../builder.js';
import { pageArgs } from '../pagination.js';
import { countsBy, totalCountOptions } from '../total-count.js';
import { AnalysisGoalTypeEnum, AnalysisStatusEnum, DatasetFormatEnum, DatasetStatusEnum } from './enums.js';
import { Analysis } from './analysis.js';
import { DatasetColumn, datasetColumns } from './dataset-column.js';

export const Dataset = builder.prismaNode('Dataset', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), AND: [visibleTo.dataset(requireViewer(ctx))] }),
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
      select: { columns: true },
      resolve: (dataset) => datasetColumns(dataset.columns),
    }),
    workspace: t.relation('workspace'),
    latestAnalysis: t.field({
      type: Analysis,
      nullable: true,
      description: 'The newest analysis of this dataset, whatever its status.',
      select: (_args, _ctx, nestedSelection) => ({
        analyses: nestedSelection({ take: 1, orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }] }),
      }),
      resolve: (dataset) => dataset.analyses[0] ?? null,
    }),
    uploader: t.relation('uploader'),
    uploadedAt: t.expose('uploadedAt', { type: 'DateTime' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    analyses: t.relatedConnection(
      'analyses',
      {
        description: 'Analyses of this dataset, newest first.',
        cursor: 'id',
        validate: pageArgs,
        args: { filter: t.arg({ type: AnalysisFilter, required: false }) },
        query: ({ filter }) => ({ where: analysisWhere(filter), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
      },
      totalCountOptions(
        'Dataset.analyses',
        async (ctx, ids, args: { filter?: AnalysisFilterShape | null }) =>
          countsBy(
            'datasetId',
            await ctx.prisma.analysis.groupBy({
              by: ['datasetId'],
              where: { datasetId: { in: [...ids] }, AND: [analysisWhere(args.filter)] },
              _count: { _all: true },
            }),
          ),
        (args) => args.filter,
      ),
    ),
  }),
});

type AnalysisFilterShape = { status?: AnalysisStatus | null; goalType?: AnalysisGoalType | null };

const analysisWhere = (filter: AnalysisFilterShape | null | undefined): Prisma.AnalysisWhereInput => ({
  status: filter?.status ?? undefined,
  goalType: filter?.goalType ?? undefined,
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
  updateDataset: t.prismaField({
    type: 'Dataset',
    description: 'Renames a dataset.',
    args: { id: t.arg.globalID({ for: Dataset }), input: t.arg({ type: UpdateDatasetInput }) },
    resolve: async (query, _root, { id, input }, ctx) => {
      await authorize(ctx, 'editData', 'Dataset', locate.dataset(Number(id.id)));
      return ctx.prisma.dataset.update({ ...query, where: { id: Number(id.id) }, data: { name: input.name ?? undefined } });
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
