// Joining a workspace by invitation. An owner invites an email with a role; the
// answer is the same whether or not that email has an account, so inviting
// tells no one who has signed up. The invitation waits for that person (now or
// after they sign up) to accept it, which makes them a member, or to decline.
import { authorize, locate, requireViewer } from '../../auth/access.js';
import { unitOfWork } from '../../db/unit-of-work.js';
import { AppError } from '../../errors.js';
import type { WorkspaceRole } from '../../generated/prisma/client.js';
import { email } from '../../validation/fields.js';
import { builder } from '../builder.js';
import { loadRelated, loadVisibleNodes, membershipRole, recordLoader } from '../loading/records.js';
import { WorkspaceRoleEnum } from './enums.js';
import { UserRef, WorkspaceInvitationRef, WorkspaceMemberRef, WorkspaceRef } from './refs.js';
import { Workspace } from './workspace.js';

/** Invitations are few; a list this long is already more than anyone reads. */
const listLimit = 100;

export const WorkspaceInvitation = builder.node(WorkspaceInvitationRef, {
  description:
    "An invitation to a workspace, waiting for the invited person to accept or decline it. Seen by the workspace's owners and by the person invited.",
  id: { resolve: (invitation) => invitation.id },
  loadMany: loadVisibleNodes('WorkspaceInvitation'),
  fields: (t) => ({
    email: t.exposeString('email', { description: 'Who is invited (lower case).' }),
    role: t.expose('role', { type: WorkspaceRoleEnum, description: 'The role they get on accepting.' }),
    // Names only: the invited person is not a member yet and sees nothing of the workspace itself.
    workspaceName: t.string({
      description: 'The name of the workspace they are invited to (they cannot open it before accepting).',
      resolve: async (invitation, _args, ctx) => (await loadRelated(ctx, 'Workspace', invitation.workspaceId)).name,
    }),
    invitedByName: t.string({
      nullable: true,
      description: 'The full name of the owner who invited them (null once that account is gone).',
      resolve: async (invitation, _args, ctx) =>
        invitation.invitedBy ? (await loadRelated(ctx, 'User', invitation.invitedBy)).fullName : null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was sent (or last changed by inviting again).' }),
  }),
});

builder.objectField(WorkspaceRef, 'invitations', (t) =>
  t.field({
    type: [WorkspaceInvitationRef],
    description: `Invitations not yet answered, newest first (at most ${listLimit}). Owners only: empty for other members.`,
    resolve: async (workspace, _args, ctx) => {
      if ((await membershipRole(ctx, workspace.id)) !== 'OWNER') return [];
      return ctx.prisma.workspaceInvitation.findMany({ where: { workspaceId: workspace.id }, orderBy: { id: 'desc' }, take: listLimit });
    },
  }),
);

builder.objectField(UserRef, 'invitations', (t) =>
  t.field({
    type: [WorkspaceInvitationRef],
    description: `Invitations waiting for this user's email, newest first (at most ${listLimit}). Only the user themselves sees them: empty for anyone else.`,
    resolve: (user, _args, ctx) =>
      user.id !== requireViewer(ctx).id
        ? []
        : ctx.prisma.workspaceInvitation.findMany({ where: { email: user.email }, orderBy: { id: 'desc' }, take: listLimit }),
  }),
);

const InviteWorkspaceMemberInput = builder.inputType('InviteWorkspaceMemberInput', {
  description: 'Whom to invite to which workspace, with which role.',
  fields: (t) => ({
    workspaceId: t.globalID({ for: Workspace, description: 'The workspace (the viewer must own it).' }),
    email: t.string({ description: 'Whom to invite; they need not have signed up yet.', validate: { schema: email } }),
    role: t.field({ type: WorkspaceRoleEnum, description: 'The role they get on accepting.' }),
  }),
});

/** The invitation the viewer may see (an owner's, or one to their own email), or NOT_FOUND. */
async function visibleInvitation(ctx: Parameters<typeof recordLoader>[0], id: number) {
  const invitation = await recordLoader(ctx, 'WorkspaceInvitation', 'visible').load(id);
  if (!invitation) throw new AppError('NOT_FOUND', 'Workspace invitation not found');
  return invitation;
}

builder.mutationFields((t) => ({
  inviteWorkspaceMember: t.field({
    type: WorkspaceInvitationRef,
    description:
      'Owners only: invites an email to the workspace with a role. Answers the same whether or not the email has an account; inviting it again changes the role.',
    args: { input: t.arg({ type: InviteWorkspaceMemberInput, description: 'The invitation.' }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = requireViewer(ctx);
      const workspaceId = Number(input.workspaceId.id);
      await authorize(ctx, 'manageWorkspace', 'Workspace', locate.workspace(workspaceId));
      // Members are the owner's to see anyway, so saying so leaks nothing.
      const member = await ctx.prisma.workspaceMember.findFirst({
        where: { workspaceId, user: { email: input.email } },
        select: { id: true },
      });
      if (member) throw new AppError('CONFLICT', 'This user is already a member of the workspace');
      const role = input.role as WorkspaceRole;
      return ctx.prisma.workspaceInvitation.upsert({
        where: { workspaceId_email: { workspaceId, email: input.email } },
        create: { workspaceId, email: input.email, role, invitedBy: viewer.id },
        update: { role, invitedBy: viewer.id },
      });
    },
  }),
  acceptWorkspaceInvitation: t.field({
    type: WorkspaceMemberRef,
    description: 'The invited person joins the workspace with the role of the invitation, which is used up. Only the person invited may.',
    args: { id: t.arg.globalID({ for: WorkspaceInvitation, description: 'The invitation (from User.invitations).' }) },
    resolve: async (_root, { id }, ctx) => {
      const viewer = requireViewer(ctx);
      const invitation = await visibleInvitation(ctx, Number(id.id));
      const me = await loadRelated(ctx, 'User', viewer.id);
      if (invitation.email !== me.email) throw new AppError('FORBIDDEN', 'Only the person invited can accept this invitation');
      return unitOfWork(ctx.prisma, async (tx) => {
        // Deleted first: of two accepts at once, one finds it gone.
        const { count } = await tx.workspaceInvitation.deleteMany({ where: { id: invitation.id, email: me.email } });
        if (!count) throw new AppError('NOT_FOUND', 'Workspace invitation not found');
        return tx.workspaceMember.create({ data: { workspaceId: invitation.workspaceId, userId: viewer.id, role: invitation.role } });
      });
    },
  }),
  removeWorkspaceInvitation: t.globalID({
    description: 'The invited person declines, or an owner withdraws the invitation; returns its ID.',
    args: { id: t.arg.globalID({ for: WorkspaceInvitation, description: 'The invitation.' }) },
    resolve: async (_root, { id }, ctx) => {
      requireViewer(ctx);
      const invitation = await visibleInvitation(ctx, Number(id.id));
      await ctx.prisma.workspaceInvitation.deleteMany({ where: { id: invitation.id } });
      return { type: id.typename, id: id.id };
    },
  }),
}));
