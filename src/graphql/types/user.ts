import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import { requireViewer, visibleTo } from '../../auth/access.js';
import type { WorkspaceRole } from '../../generated/prisma/client.js';
import { builder } from '../builder.js';
import { pageArgs } from '../pagination.js';
import { countsBy, totalCountOptions } from '../total-count.js';
import { WorkspaceRoleEnum } from './enums.js';
import { Workspace } from './workspace.js';

// A user's workspaces are the ones they are a member of; the connection pages
// over memberships, and each edge carries the user's role there.
const membershipConnection = prismaConnectionHelpers(builder, 'WorkspaceMember', {
  cursor: 'id',
  select: (nodeSelection) => ({ role: true, workspace: nodeSelection({ select: { id: true } }) }),
  resolveNode: (membership) => membership.workspace,
});

export const User = builder.prismaNode('User', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), AND: [visibleTo.user(requireViewer(ctx))] }),
  fields: (t) => ({
    email: t.exposeString('email'),
    fullName: t.exposeString('fullName'),
    isActive: t.exposeBoolean('isActive'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    workspaces: t.connection(
      {
        type: Workspace,
        description: 'Workspaces this user is a member of (those the viewer can see too), most recently joined first.',
        validate: pageArgs,
        select: (args, ctx, nestedSelection) => ({
          memberships: {
            ...membershipConnection.getQuery(args, ctx, nestedSelection),
            where: { workspace: visibleTo.workspace(requireViewer(ctx)) },
            orderBy: { id: 'desc' },
          },
        }),
        // The result keeps `parent` and `args`, which totalCount batches on. The
        // nodes are typed { id } but carry every field the query selected
        // (nodeSelection folds them in), hence the cast.
        resolve: (user, args, ctx) => membershipConnection.resolve(user.memberships, args, ctx, user) as never,
      },
      {
        name: 'UserWorkspacesConnection',
        ...totalCountOptions('User.workspaces', async (ctx, ids) =>
          countsBy(
            'userId',
            await ctx.prisma.workspaceMember.groupBy({
              by: ['userId'],
              where: { userId: { in: [...ids] }, workspace: visibleTo.workspace(requireViewer(ctx)) },
              _count: { _all: true },
            }),
          ),
        ),
      },
      {
        name: 'UserWorkspacesConnectionEdge',
        fields: (edge) => ({
          role: edge.field({ type: WorkspaceRoleEnum, description: "The user's role in this workspace.", resolve: (edge) => (edge as { role: WorkspaceRole }).role }),
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
