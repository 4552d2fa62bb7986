// Accounts (the seed's UserCreate / UserUpdate): sign-up, sign-in, sign-out,
// changes to one's own account and its deletion.
import { requireViewer } from '../../auth/access.js';
import { removeFiles } from '../../datasets/remove-files.js';
import { email, name, password } from '../../validation/fields.js';
import { builder } from '../builder.js';
import type { GraphQLContext } from '../context.js';
import { actAs, loadRelated } from '../loading/records.js';
import { UserRef } from './refs.js';
import './user.js';

type AuthPayloadShape = { token: string; expiresAt: Date; userId: number };

const AuthPayload = builder.objectRef<AuthPayloadShape>('AuthPayload').implement({
  description: 'A new session. Send the token as `Authorization: Bearer <token>`.',
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Shown once; the server keeps only a keyed hash of it.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the token stops working; sign in again after it.' }),
    user: t.field({
      type: UserRef,
      description: 'The signed-in user (the rest of the operation runs as them, whatever token the request carried).',
      // The payload's user is the session's own, whatever token the request carried.
      resolve: (payload, _args, ctx) => loadRelated(ctx, 'User', payload.userId),
    }),
  }),
});

/**
 * The rest of the operation (the payload's `user { workspaces … }` first of
 * all) runs as the session just started, which is what its token grants:
 * otherwise a sign-up without a token would lose the token to UNAUTHENTICATED.
 */
async function actAsSignedIn(ctx: GraphQLContext, payload: AuthPayloadShape): Promise<AuthPayloadShape> {
  actAs(ctx, await ctx.accounts.authenticate(payload.token));
  return payload;
}

const SignUpInput = builder.inputType('SignUpInput', {
  description: 'A new account.',
  fields: (t) => ({
    email: t.string({
      validate: { schema: email },
      description: 'The address to sign in with (stored lower case; one account per address).',
    }),
    password: t.string({
      validate: { schema: password },
      description: '8–1024 characters, not a common password and not the email itself.',
    }),
    fullName: t.string({ validate: { schema: name }, description: 'The name others in a workspace see (1–255 characters).' }),
  }),
});

const LogInInput = builder.inputType('LogInInput', {
  description: 'The credentials of an account.',
  fields: (t) => ({
    email: t.string({ validate: { schema: email }, description: 'The address signed up with (any case).' }),
    // Any length: the rules for new passwords may change after this one was set.
    password: t.string({ description: 'The account’s password.' }),
  }),
});

const UpdateMeInput = builder.inputType('UpdateMeInput', {
  description: 'What to change in the signed-in account; a missing field keeps its value.',
  fields: (t) => ({
    email: t.string({
      required: false,
      validate: { schema: email },
      description: 'A new sign-in address (CONFLICT when another account has it).',
    }),
    fullName: t.string({ required: false, validate: { schema: name }, description: 'A new name (1–255 characters).' }),
    currentPassword: t.string({ required: false, description: 'Required with newPassword.' }),
    newPassword: t.string({ required: false, validate: { schema: password }, description: 'Ends every other session.' }),
  }),
});

builder.mutationFields((t) => ({
  signUp: t.field({
    type: AuthPayload,
    description:
      'Creates an account and signs it in. Needs no token. CONFLICT when the email already has an account; sign-ups per client address are limited (RATE_LIMITED).',
    args: { input: t.arg({ type: SignUpInput, description: 'The new account.' }) },
    resolve: async (_root, { input }, ctx) => actAsSignedIn(ctx, await ctx.accounts.signUp(input, ctx.clientAddress)),
  }),
  logIn: t.field({
    type: AuthPayload,
    description:
      'Signs in: a new session and its token. Needs no token. A wrong email or password is UNAUTHENTICATED (the same for both); repeated failures are RATE_LIMITED.',
    args: { input: t.arg({ type: LogInInput, description: 'The credentials.' }) },
    resolve: async (_root, { input }, ctx) => actAsSignedIn(ctx, await ctx.accounts.logIn(input, ctx.clientAddress)),
  }),
  logOut: t.boolean({
    description: 'Ends the session of the token this request carries.',
    resolve: async (_root, _args, ctx) => {
      await ctx.accounts.logOut(requireViewer(ctx).sessionId);
      return true;
    },
  }),
  updateMe: t.field({
    type: UserRef,
    description: "Changes the signed-in user's email, name or password; returns the user.",
    args: { input: t.arg({ type: UpdateMeInput, description: 'What to change.' }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = requireViewer(ctx);
      await ctx.accounts.updateMe(viewer, input, ctx.clientAddress);
      return ctx.prisma.user.findUniqueOrThrow({ where: { id: viewer.id }, omit: { passwordHash: true } });
    },
  }),
  deleteAccount: t.globalID({
    description:
      "Deletes the signed-in user's account for good; returns its ID. With it go every workspace the user created " +
      '(even one they have since left; its other members lose it too) with its members, invitations, datasets (and their ' +
      "files) and analyses, the user's memberships of other workspaces, and every session of theirs, this one included. " +
      'Invitations they sent stay, without an inviter. Needs the password: a wrong one is VALIDATION_FAILED and counts ' +
      'as a failed sign-in (RATE_LIMITED past the limit). CONFLICT, deleting nothing, while datasets the user uploaded ' +
      'remain in workspaces they did not create (delete them first, or ask those owners to), or while they are the only ' +
      'owner of a workspace someone else created.',
    args: { password: t.arg.string({ description: "The account's current password." }) },
    resolve: async (_root, args, ctx) => {
      const viewer = requireViewer(ctx);
      const { filePaths, workspaceIds } = await ctx.accounts.deleteAccount(viewer, args.password, ctx.clientAddress);
      await removeFiles(ctx, filePaths);
      for (const workspaceId of workspaceIds) {
        await ctx.analyses.events.publishToWorkspace({ kind: 'WORKSPACE_DELETED', workspaceId, datasetId: null, analysisId: null });
      }
      return { type: 'User', id: String(viewer.id) };
    },
  }),
}));
