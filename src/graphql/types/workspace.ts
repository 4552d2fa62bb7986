import type { DatasetStatus, Prisma } from '../../generated/prisma/client.js';
import { changeableBy, requireViewer, visibleTo } from '../../auth/access.js';
import { name } from '../../validation/fields.js';
import { builder } from '../builder.js';
import { pageArgs } from '../pagination.js';
import { batchedTotalCount, countsBy } from '../total-count.js';
import { DatasetStatusEnum } from './enums.js';

export const Workspace = builder.prismaNode('Workspace', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), AND: [visibleTo.workspace(requireViewer(ctx))] }),
  fields: (t) => ({
    name: t.exposeString('name'),
    owner: t.relation('owner'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    datasets: t.relatedConnection(
      'datasets',
      {
        cursor: 'id',
        validate: pageArgs,
        args: {
          filter: t.arg({ type: DatasetFilter, required: false }),
          orderBy: t.arg({ type: DatasetOrder, required: false, defaultValue: 'CREATED_AT_DESC' }),
        },
        query: ({ filter, orderBy }) => ({ where: datasetWhere(filter), orderBy: datasetOrders[orderBy ?? 'CREATED_AT_DESC'] }),
      },
      {
        fields: (c) => ({
          totalCount: c.int({
            resolve: batchedTotalCount(
              'Workspace.datasets',
              async (ctx, ids, args: { filter?: DatasetFilterShape | null }) =>
                countsBy(
                  'workspaceId',
                  await ctx.prisma.dataset.groupBy({
                    by: ['workspaceId'],
                    where: { workspaceId: { in: [...ids] }, AND: [datasetWhere(args.filter)] },
                    _count: { _all: true },
                  }),
                ),
              (args) => args.filter,
            ),
          }),
        }),
      },
    ),
  }),
});

type DatasetFilterShape = { status?: DatasetStatus | null; nameContains?: string | null };

const datasetWhere = (filter: DatasetFilterShape | null | undefined): Prisma.DatasetWhereInput => ({
  status: filter?.status ?? undefined,
  name: filter?.nameContains ? { contains: filter.nameContains, mode: 'insensitive' } : undefined,
});

const DatasetFilter = builder.inputType('DatasetFilter', {
  fields: (t) => ({
    status: t.field({ type: DatasetStatusEnum, required: false }),
    nameContains: t.string({ required: false, description: 'Case-insensitive substring of the name.' }),
  }),
});

const datasetOrderNames = ['CREATED_AT_DESC', 'CREATED_AT_ASC', 'NAME_ASC', 'NAME_DESC'] as const;
// Every order ends on id so that pages are stable when the first key ties.
const datasetOrders: Record<(typeof datasetOrderNames)[number], Prisma.DatasetOrderByWithRelationInput[]> = {
  CREATED_AT_DESC: [{ createdAt: 'desc' }, { id: 'desc' }],
  CREATED_AT_ASC: [{ createdAt: 'asc' }, { id: 'asc' }],
  NAME_ASC: [{ name: 'asc' }, { id: 'asc' }],
  NAME_DESC: [{ name: 'desc' }, { id: 'desc' }],
};

const DatasetOrder = builder.enumType('DatasetOrder', { values: datasetOrderNames });

// The seed's WorkspaceCreate / WorkspaceUpdate.
const CreateWorkspaceInput = builder.inputType('CreateWorkspaceInput', {
  fields: (t) => ({ name: t.string({ validate: { schema: name } }) }),
});
const UpdateWorkspaceInput = builder.inputType('UpdateWorkspaceInput', {
  fields: (t) => ({ name: t.string({ required: false, validate: { schema: name } }) }),
});

builder.mutationFields((t) => ({
  createWorkspace: t.prismaField({
    type: 'Workspace',
    args: { input: t.arg({ type: CreateWorkspaceInput }) },
    resolve: (query, _root, { input }, ctx) =>
      ctx.prisma.workspace.create({ ...query, data: { name: input.name, ownerId: requireViewer(ctx).id } }),
  }),
  updateWorkspace: t.prismaField({
    type: 'Workspace',
    args: { id: t.arg.globalID({ for: Workspace }), input: t.arg({ type: UpdateWorkspaceInput }) },
    resolve: (query, _root, { id, input }, ctx) =>
      ctx.prisma.workspace.update({
        ...query,
        where: { id: Number(id.id), AND: [changeableBy.workspace(requireViewer(ctx))] },
        data: { name: input.name ?? undefined },
      }),
  }),
  deleteWorkspace: t.globalID({
    description: 'Deletes the workspace with its datasets and their analyses; returns its ID.',
    args: { id: t.arg.globalID({ for: Workspace }) },
    resolve: async (_root, { id }, ctx) => {
      await ctx.prisma.workspace.delete({ where: { id: Number(id.id), AND: [changeableBy.workspace(requireViewer(ctx))] } });
      return { type: id.typename, id: id.id };
    },
  }),
}));
