import { requireViewer, visibleSql } from '../../auth/access.js';
import { sql, trusted } from '../../db/sql.js';
import type { Workspace, WorkspaceRole } from '../../generated/prisma/client.js';
import { builder } from '../builder.js';
import { loadPage, type RelationSpec } from '../loading/connections.js';
import { models } from '../loading/models.js';
import { loadRelated, loadVisibleNodes } from '../loading/records.js';
import { connectionOf, pageArgs } from '../pagination.js';
import { WorkspaceRoleEnum } from './enums.js';
import { UserRef, WorkspaceRef } from './refs.js';

// A user's workspaces are the ones they are a member of (and the viewer can
// see too); the connection pages over memberships, newest first, and each edge
// carries the user's role there.
const userWorkspaces: RelationSpec<Workspace, null, { role: WorkspaceRole }> = {
  name: 'User.workspaces',
  from: trusted('workspace_members m JOIN workspaces t ON t.id = m.workspace_id'),
  model: models.Workspace,
  edgeColumns: sql`m.role AS "memberRole"`,
  parentColumn: 'm.user_id',
  orders: { JOINED_DESC: { keys: [{ expression: 'm.id', type: 'int' }], direction: 'DESC' } },
  conditions: (_filter, ctx) => [visibleSql.Workspace(requireViewer(ctx))],
  toEdge: (raw) => ({ role: (raw.memberRole as string).toUpperCase() as WorkspaceRole }),
};

const [workspacesConnection, workspacesEdge] = connectionOf('UserWorkspace', "the user's workspaces");

export const User = builder.node(UserRef, {
  description: 'A person with an account. Others see users they share a workspace with.',
  id: { resolve: (user) => user.id },
  loadMany: loadVisibleNodes('User'),
  fields: (t) => ({
    email: t.exposeString('email', { description: 'The address they sign in with, lower case.' }),
    fullName: t.exposeString('fullName', { description: 'Their name as they gave it.' }),
    isActive: t.exposeBoolean('isActive', { description: 'false when the account is disabled: it cannot sign in.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When they signed up.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When their account last changed.' }),
    workspaces: t.connection(
      {
        type: WorkspaceRef,
        description: 'Workspaces this user is a member of (those the viewer can see too), most recently joined first.',
        validate: pageArgs,
        resolve: (user, args, ctx, info) => loadPage(ctx, userWorkspaces, user.id, args, { filter: null, info }),
      },
      workspacesConnection,
      {
        ...workspacesEdge,
        fields: (edge) => ({
          role: edge.field({
            type: WorkspaceRoleEnum,
            description: "The user's role in this workspace.",
            resolve: (edge) => (edge as unknown as { role: WorkspaceRole }).role,
          }),
        }),
      },
    ),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: UserRef,
    description: 'The signed-in user (UNAUTHENTICATED without a valid token): the start of every page of the app.',
    resolve: (_root, _args, ctx) => loadRelated(ctx, 'User', requireViewer(ctx).id),
  }),
);
