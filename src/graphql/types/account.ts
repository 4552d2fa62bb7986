// Accounts (the seed's UserCreate / UserUpdate): sign-up, sign-in, sign-out
// and changes to one's own account.
import { requireViewer } from '../../auth/access.js';
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
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    user: t.field({
      type: UserRef,
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
  fields: (t) => ({
    email: t.string({ validate: { schema: email } }),
    password: t.string({ validate: { schema: password } }),
    fullName: t.string({ validate: { schema: name } }),
  }),
});

const LogInInput = builder.inputType('LogInInput', {
  fields: (t) => ({
    email: t.string({ validate: { schema: email } }),
    // Any length: the rules for new passwords may change after this one was set.
    password: t.string(),
  }),
});

const UpdateMeInput = builder.inputType('UpdateMeInput', {
  fields: (t) => ({
    email: t.string({ required: false, validate: { schema: email } }),
    fullName: t.string({ required: false, validate: { schema: name } }),
    currentPassword: t.string({ required: false, description: 'Required with newPassword.' }),
    newPassword: t.string({ required: false, validate: { schema: password }, description: 'Ends every other session.' }),
  }),
});

builder.mutationFields((t) => ({
  signUp: t.field({
    type: AuthPayload,
    args: { input: t.arg({ type: SignUpInput }) },
    resolve: async (_root, { input }, ctx) => actAsSignedIn(ctx, await ctx.accounts.signUp(input, ctx.clientAddress)),
  }),
  logIn: t.field({
    type: AuthPayload,
    args: { input: t.arg({ type: LogInInput }) },
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
    args: { input: t.arg({ type: UpdateMeInput }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = requireViewer(ctx);
      await ctx.accounts.updateMe(viewer, input, ctx.clientAddress);
      return ctx.prisma.user.findUniqueOrThrow({ where: { id: viewer.id }, omit: { passwordHash: true } });
    },
  }),
}));
