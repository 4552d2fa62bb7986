import type { DatasetStatus, Prisma } from '../../generated/prisma/client.js';
import { authorize, locate, requireViewer, visibleTo } from '../../auth/access.js';
import { removeFiles } from '../../datasets/remove-files.js';
import { unitOfWork } from '../../db/unit-of-work.js';
import { name } from '../../validation/fields.js';
import { builder } from '../builder.js';
import { pageArgs } from '../pagination.js';
import { countsBy, totalCountOptions } from '../total-count.js';
import { DatasetStatusEnum, WorkspaceRoleEnum } from './enums.js';

export const Workspace = builder.prismaNode('Workspace', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), AND: [visibleTo.workspace(requireViewer(ctx))] }),
  fields: (t) => ({
    name: t.exposeString('name'),
    owner: t.relation('owner', { description: 'The user who created the workspace.' }),
    viewerRole: t.field({
      type: WorkspaceRoleEnum,
      description: "The signed-in user's role in this workspace.",
      select: (_args, ctx) => ({ members: { where: { userId: requireViewer(ctx).id }, select: { role: true } } }),
      // Visible workspaces are exactly those the viewer is a member of.
      resolve: (workspace) => workspace.members[0]!.role,
    }),
    members: t.relatedConnection(
      'members',
      {
        description: 'Who may use the workspace, earliest first.',
        cursor: 'id',
        validate: pageArgs,
        query: () => ({ orderBy: { id: 'asc' } }),
      },
      totalCountOptions(
        'Workspace.members',
        async (ctx, ids) =>
          countsBy(
            'workspaceId',
            await ctx.prisma.workspaceMember.groupBy({ by: ['workspaceId'], where: { workspaceId: { in: [...ids] } }, _count: { _all: true } }),
          ),
      ),
    ),
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
      totalCountOptions(
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
    resolve: (query, _root, { input }, ctx) => {
      const { id: userId } = requireViewer(ctx);
      // The creator is the workspace's owner (owner_id) and its first OWNER member.
      return ctx.prisma.workspace.create({
        ...query,
        data: { name: input.name, ownerId: userId, members: { create: { userId, role: 'OWNER' } } },
      });
    },
  }),
  updateWorkspace: t.prismaField({
    type: 'Workspace',
    args: { id: t.arg.globalID({ for: Workspace }), input: t.arg({ type: UpdateWorkspaceInput }) },
    resolve: async (query, _root, { id, input }, ctx) => {
      await authorize(ctx, 'manageWorkspace', 'Workspace', locate.workspace(Number(id.id)));
      return ctx.prisma.workspace.update({ ...query, where: { id: Number(id.id) }, data: { name: input.name ?? undefined } });
    },
  }),
  deleteWorkspace: t.globalID({
    description: 'Deletes the workspace with its datasets and their analyses; returns its ID.',
    args: { id: t.arg.globalID({ for: Workspace }) },
    resolve: async (_root, { id }, ctx) => {
      await authorize(ctx, 'manageWorkspace', 'Workspace', locate.workspace(Number(id.id)));
      const files = await unitOfWork(ctx.prisma, async (tx) => {
        const datasets = await tx.dataset.findMany({ where: { workspaceId: Number(id.id) }, select: { filePath: true } });
        await tx.workspace.delete({ where: { id: Number(id.id) } });
        return datasets.map((d) => d.filePath);
      });
      await removeFiles(ctx, files);
      return { type: id.typename, id: id.id };
    },
  }),
}));
