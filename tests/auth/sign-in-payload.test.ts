// The payload of signUp and logIn is read as the session it starts: a client
// that asks for the new user's workspaces alongside the token gets both, even
// though the request itself carried no token (it used to lose the token to
// UNAUTHENTICATED on the non-null user).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => {
  await api?.close();
});

const SignUpWithWorkspaces = graphql(`
  mutation SignUpWithWorkspaces($input: SignUpInput!) {
    signUp(input: $input) { token user { email workspaces(first: 5) { totalCount edges { role node { name viewerRole } } } } }
  }
`);
const LogInWithWorkspaces = graphql(`
  mutation LogInWithWorkspaces($input: LogInInput!) {
    logIn(input: $input) { token user { workspaces(first: 5) { totalCount edges { role node { name viewerRole } } } } }
  }
`);
const CreateFirstWorkspace = graphql(`
  mutation CreateFirstWorkspace($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }
`);
const WhoAmI = graphql(`
  query WhoAmI { viewer { email } }
`);

const password = 'a sturdy passphrase of mine';

describe('signing in answers with the token and the user read as that user', () => {
  it('signUp without a token returns the token and the new user’s (empty) workspaces', async () => {
    const result = await api.runWithToken(
      SignUpWithWorkspaces,
      { input: { email: 'payload@example.com', password, fullName: 'Pay Load' } },
      undefined,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.signUp.token).toMatch(/\S{20,}/);
    expect(result.data!.signUp.user).toEqual({ email: 'payload@example.com', workspaces: { totalCount: 0, edges: [] } });
    expect((await api.runWithToken(WhoAmI, {}, result.data!.signUp.token)).data?.viewer.email).toBe('payload@example.com');
  });

  it('logIn, even with another user’s token on the request, reads the workspaces of the user who signed in', async () => {
    const signedUp = await api.runWithToken(
      SignUpWithWorkspaces,
      { input: { email: 'owner@example.com', password, fullName: 'Own Er' } },
      undefined,
    );
    const ownerToken = signedUp.data!.signUp.token;
    const created = await api.runWithToken(CreateFirstWorkspace, { input: { name: 'Owned' } }, ownerToken);
    expect(created.errors).toBeUndefined();
    const other = await api.runWithToken(
      SignUpWithWorkspaces,
      { input: { email: 'other@example.com', password, fullName: 'Oth Er' } },
      undefined,
    );

    const loggedIn = await api.runWithToken(
      LogInWithWorkspaces,
      { input: { email: 'owner@example.com', password } },
      other.data!.signUp.token,
    );
    expect(loggedIn.errors).toBeUndefined();
    expect(loggedIn.data!.logIn.token).toMatch(/\S{20,}/);
    expect(loggedIn.data!.logIn.user.workspaces).toEqual({
      totalCount: 1,
      edges: [{ role: 'OWNER', node: { name: 'Owned', viewerRole: 'OWNER' } }],
    });
  });
});
