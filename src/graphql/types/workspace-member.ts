// Workspace membership: who may use a workspace and with which role. Owners
// manage members (people join by invitation: workspace-invitation.ts); anyone
// may leave; a workspace always keeps an owner.
import { authorize, locate, requireViewer, visibleTo } from '../../auth/access.js';
import type { Db } from '../../db/client.js';
import { unitOfWork, type TransactionClient } from '../../db/unit-of-work.js';
import { AppError } from '../../errors.js';
import type { WorkspaceRole } from '../../generated/prisma/client.js';
import { builder } from '../builder.js';
import { WorkspaceRoleEnum } from './enums.js';
import { loadRelated, loadVisibleNodes } from '../loading/records.js';
import { UserRef, WorkspaceMemberRef, WorkspaceRef } from './refs.js';

export const WorkspaceMember = builder.node(WorkspaceMemberRef, {
  description: "A user's membership of a workspace, with their role there.",
  id: { resolve: (member) => member.id },
  loadMany: loadVisibleNodes('WorkspaceMember'),
  fields: (t) => ({
    role: t.expose('role', { type: WorkspaceRoleEnum, description: 'What the member may do in the workspace.' }),
    user: t.field({
      type: UserRef,
      description: 'Who the member is.',
      resolve: (member, _args, ctx) => loadRelated(ctx, 'User', member.userId),
    }),
    workspace: t.field({
      type: WorkspaceRef,
      description: 'The workspace.',
      resolve: (member, _args, ctx) => loadRelated(ctx, 'Workspace', member.workspaceId),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the member joined.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the role last changed.' }),
  }),
});

/**
 * Runs a change to a workspace's members with the workspace row locked, so two
 * owners demoting each other at once cannot leave it without an owner.
 */
async function changeMembers<T>(ctx: { prisma: Db }, workspaceId: number, change: (tx: TransactionClient) => Promise<T>): Promise<T> {
  return unitOfWork(ctx.prisma, async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "workspaces" WHERE "id" = ${workspaceId} FOR UPDATE`;
    const result = await change(tx);
    const owners = await tx.workspaceMember.count({ where: { workspaceId, role: 'OWNER' } });
    if (owners === 0) {
      throw new AppError('CONFLICT', 'A workspace needs at least one owner: make another member an owner first, or delete the workspace');
    }
    return result;
  });
}

const UpdateWorkspaceMemberInput = builder.inputType('UpdateWorkspaceMemberInput', {
  description: "A member's new role.",
  fields: (t) => ({ role: t.field({ type: WorkspaceRoleEnum, description: 'The role to give (the last OWNER cannot be demoted).' }) }),
});

builder.mutationFields((t) => ({
  updateWorkspaceMember: t.field({
    type: WorkspaceMemberRef,
    description: "Owners only: changes a member's role.",
    args: {
      id: t.arg.globalID({ for: WorkspaceMember, description: 'The membership to change.' }),
      input: t.arg({ type: UpdateWorkspaceMemberInput, description: 'The new role.' }),
    },
    resolve: async (_root, { id, input }, ctx) => {
      const memberId = Number(id.id);
      const { workspaceId } = await authorize(ctx, 'manageWorkspace', 'Workspace member', locate.workspaceMember(memberId));
      return changeMembers(ctx, workspaceId, (tx) =>
        tx.workspaceMember.update({ where: { id: memberId }, data: { role: input.role as WorkspaceRole } }),
      );
    },
  }),
  removeWorkspaceMember: t.globalID({
    description: 'Owners remove anyone; every member may remove themselves (leave). The last owner cannot go.',
    args: { id: t.arg.globalID({ for: WorkspaceMember, description: 'The membership to end.' }) },
    resolve: async (_root, { id }, ctx) => {
      const memberId = Number(id.id);
      const viewer = requireViewer(ctx);
      const member = await ctx.prisma.workspaceMember.findFirst({ where: { id: memberId, AND: [visibleTo.workspaceMember(viewer)] } });
      if (!member) throw new AppError('NOT_FOUND', 'Workspace member not found');
      if (member.userId !== viewer.id) await authorize(ctx, 'manageWorkspace', 'Workspace member', locate.workspaceMember(memberId));
      await changeMembers(ctx, member.workspaceId, (tx) => tx.workspaceMember.delete({ where: { id: memberId } }));
      return { type: id.typename, id: id.id };
    },
  }),
}));
