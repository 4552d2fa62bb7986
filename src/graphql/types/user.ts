import { requireViewer, visibleTo } from '../../auth/access.js';
import { builder } from '../builder.js';
import { pageArgs } from '../pagination.js';
import { batchedTotalCount, countsBy } from '../total-count.js';

builder.prismaNode('User', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), AND: [visibleTo.user(requireViewer(ctx))] }),
  fields: (t) => ({
    email: t.exposeString('email'),
    fullName: t.exposeString('fullName'),
    isActive: t.exposeBoolean('isActive'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    workspaces: t.relatedConnection(
      'workspaces',
      {
        description: "The user's workspaces, newest first.",
        cursor: 'id',
        validate: pageArgs,
        query: (_args, ctx) => ({ where: visibleTo.workspace(requireViewer(ctx)), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
      },
      {
        fields: (c) => ({
          totalCount: c.int({
            resolve: batchedTotalCount(
              'User.workspaces',
              async (ctx, ids) =>
                countsBy(
                  'ownerId',
                  await ctx.prisma.workspace.groupBy({
                    by: ['ownerId'],
                    where: { ownerId: { in: [...ids] }, AND: [visibleTo.workspace(requireViewer(ctx))] },
                    _count: { _all: true },
                  }),
                ),
              () => null,
            ),
          }),
        }),
      },
    ),
  }),
});

builder.queryField('viewer', (t) =>
  t.prismaField({
    type: 'User',
    description: 'The signed-in user.',
    resolve: (query, _root, _args, ctx) => ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: requireViewer(ctx).id } }),
  }),
);
