// What each role may do in a workspace, through HTTP: OWNER everything, EDITOR
// datasets and analyses, VIEWER reading; and outsiders see nothing.
import { beforeEach, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createTestApi, decodeId, encodeId, nodeOf, type TestApi } from '../support/api.js';
import { createUser, createWorkspace } from '../support/fixtures.js';

let api: TestApi;
const users = {} as Record<'owner' | 'editor' | 'viewer' | 'outsider', { id: number; email: string }>;
let workspace: string;
let dataset: string;
let analysis: string;
const memberIds = {} as Record<'owner' | 'editor' | 'viewer', string>;

beforeAll(async () => {
  api = await createTestApi();
  for (const name of ['owner', 'editor', 'viewer', 'outsider'] as const) users[name] = await createUser(api.db.prisma, name);
});
afterAll(async () => {
  await api?.close();
});

// A fresh workspace for every test: owner, editor and viewer, one dataset with one analysis.
beforeEach(async () => {
  const prisma = api.db.prisma;
  const w = await createWorkspace(prisma, users.owner.id, 'Team space');
  const editor = await prisma.workspaceMember.create({ data: { workspaceId: w.id, userId: users.editor.id, role: 'EDITOR' } });
  const viewer = await prisma.workspaceMember.create({ data: { workspaceId: w.id, userId: users.viewer.id, role: 'VIEWER' } });
  const owner = await prisma.workspaceMember.findFirstOrThrow({ where: { workspaceId: w.id, userId: users.owner.id } });
  const d = await prisma.dataset.create({
    data: { name: 'data.csv', filePath: `roles/${w.id}`, fileSize: 1n, workspaceId: w.id, uploadedBy: users.editor.id },
  });
  const a = await prisma.analysis.create({ data: { datasetId: d.id, goalType: 'DATA_QUALITY' } });
  workspace = encodeId('Workspace', w.id);
  dataset = encodeId('Dataset', d.id);
  analysis = encodeId('Analysis', a.id);
  memberIds.owner = encodeId('WorkspaceMember', owner.id);
  memberIds.editor = encodeId('WorkspaceMember', editor.id);
  memberIds.viewer = encodeId('WorkspaceMember', viewer.id);
});

const WorkspaceView = graphql(`
  query WorkspaceView($id: ID!) {
    node(id: $id) {
      __typename
      ... on Workspace {
        name
        viewerRole
        members { totalCount edges { node { role user { email } } } }
        datasets { edges { node { name uploader { email } } } }
      }
    }
  }
`);
const RenameWorkspace = graphql(`
  mutation RenameWorkspace($id: ID!, $name: String!) { updateWorkspace(id: $id, input: { name: $name }) { name } }
`);
const RemoveWorkspace = graphql(`
  mutation RemoveWorkspace($id: ID!) { deleteWorkspace(id: $id) }
`);
const RenameDataset = graphql(`
  mutation RenameDataset($id: ID!, $name: String!) { updateDataset(id: $id, input: { name: $name }) { name } }
`);
const RemoveDataset = graphql(`
  mutation RemoveDataset($id: ID!) { deleteDataset(id: $id) }
`);
const RemoveAnalysis = graphql(`
  mutation RemoveAnalysis($id: ID!) { deleteAnalysis(id: $id) }
`);
const Invite = graphql(`
  mutation Invite($input: InviteWorkspaceMemberInput!) { inviteWorkspaceMember(input: $input) { id email role workspaceName invitedByName } }
`);
const Accept = graphql(`
  mutation Accept($id: ID!) { acceptWorkspaceInvitation(id: $id) { id role user { email } } }
`);
const Decline = graphql(`
  mutation Decline($id: ID!) { removeWorkspaceInvitation(id: $id) }
`);
const Invitations = graphql(`
  query Invitations($workspace: ID!) {
    viewer { invitations { id email role workspaceName } }
    node(id: $workspace) { __typename ... on Workspace { invitations { id email } } }
  }
`);
const ChangeRole = graphql(`
  mutation ChangeRole($id: ID!, $role: WorkspaceRole!) { updateWorkspaceMember(id: $id, input: { role: $role }) { role } }
`);
const RemoveMember = graphql(`
  mutation RemoveMember($id: ID!) { removeWorkspaceMember(id: $id) }
`);

const code = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code ?? 'OK';

describe('seeing a workspace', () => {
  it('shows members their role, the members and the data; outsiders get nothing', async () => {
    for (const role of ['owner', 'editor', 'viewer'] as const) {
      const { node } = await api.ok(WorkspaceView, { id: workspace }, users[role].id);
      const seen = nodeOf(node, 'Workspace');
      expect(seen.viewerRole).toBe(role.toUpperCase());
      expect(seen.members.totalCount).toBe(3);
      expect(seen.datasets.edges[0]!.node.uploader.email).toBe(users.editor.email);
    }
    expect(await api.run(WorkspaceView, { id: workspace }, users.outsider.id)).toEqual({ data: { node: null } });
  });
});

describe('what each role may change', () => {
  it('lets a viewer change nothing (FORBIDDEN) and an outsider find nothing (NOT_FOUND)', async () => {
    for (const [who, expected] of [
      ['viewer', 'FORBIDDEN'],
      ['outsider', 'NOT_FOUND'],
    ] as const) {
      const id = users[who].id;
      expect(code(await api.run(RenameWorkspace, { id: workspace, name: 'x' }, id))).toBe(expected);
      expect(code(await api.run(RemoveWorkspace, { id: workspace }, id))).toBe(expected);
      expect(code(await api.run(RenameDataset, { id: dataset, name: 'x' }, id))).toBe(expected);
      expect(code(await api.run(RemoveDataset, { id: dataset }, id))).toBe(expected);
      expect(code(await api.run(RemoveAnalysis, { id: analysis }, id))).toBe(expected);
      expect(code(await api.run(Invite, { input: { workspaceId: workspace, email: users.outsider.email, role: 'OWNER' } }, id))).toBe(
        expected,
      );
      expect(code(await api.run(ChangeRole, { id: memberIds.viewer, role: 'OWNER' }, id))).toBe(expected);
    }
    const stored = await api.db.prisma.workspace.findUniqueOrThrow({
      where: { id: decodeId(workspace) },
      include: { datasets: { include: { analyses: true } }, members: true },
    });
    expect(stored.name).toBe('Team space');
    expect(stored.datasets[0]!.name).toBe('data.csv');
    expect(stored.datasets[0]!.analyses).toHaveLength(1);
    expect(stored.members.find((m) => m.userId === users.viewer.id)!.role).toBe('VIEWER');
  });

  it('lets an editor change datasets and analyses, but not the workspace or its members', async () => {
    const id = users.editor.id;
    expect((await api.ok(RenameDataset, { id: dataset, name: 'renamed.csv' }, id)).updateDataset.name).toBe('renamed.csv');
    expect(await api.ok(RemoveAnalysis, { id: analysis }, id)).toEqual({ deleteAnalysis: analysis });
    expect(code(await api.run(RenameWorkspace, { id: workspace, name: 'x' }, id))).toBe('FORBIDDEN');
    expect(code(await api.run(RemoveWorkspace, { id: workspace }, id))).toBe('FORBIDDEN');
    expect(code(await api.run(Invite, { input: { workspaceId: workspace, email: users.outsider.email, role: 'VIEWER' } }, id))).toBe(
      'FORBIDDEN',
    );
    expect(code(await api.run(ChangeRole, { id: memberIds.editor, role: 'OWNER' }, id))).toBe('FORBIDDEN');
    expect(await api.ok(RemoveDataset, { id: dataset }, id)).toEqual({ deleteDataset: dataset });
  });

  it('lets an owner manage members: invite by email, the invitee accepts, change roles, remove', async () => {
    const id = users.owner.id;
    const invited = (
      await api.ok(Invite, { input: { workspaceId: workspace, email: users.outsider.email.toUpperCase(), role: 'VIEWER' } }, id)
    ).inviteWorkspaceMember;
    expect(invited).toMatchObject({ email: users.outsider.email, role: 'VIEWER', workspaceName: 'Team space', invitedByName: 'owner' });
    // Not a member until they accept.
    expect(await api.run(WorkspaceView, { id: workspace }, users.outsider.id)).toEqual({ data: { node: null } });
    const joined = (await api.ok(Accept, { id: invited.id }, users.outsider.id)).acceptWorkspaceInvitation;
    expect(joined).toMatchObject({ role: 'VIEWER', user: { email: users.outsider.email } });
    expect(nodeOf((await api.ok(WorkspaceView, { id: workspace }, users.outsider.id)).node, 'Workspace').viewerRole).toBe('VIEWER');
    // Used up, and a member cannot be invited again.
    expect(code(await api.run(Accept, { id: invited.id }, users.outsider.id))).toBe('NOT_FOUND');
    expect(code(await api.run(Invite, { input: { workspaceId: workspace, email: users.outsider.email, role: 'EDITOR' } }, id))).toBe(
      'CONFLICT',
    );

    expect((await api.ok(ChangeRole, { id: joined.id, role: 'EDITOR' }, id)).updateWorkspaceMember.role).toBe('EDITOR');
    expect(await api.ok(RemoveMember, { id: joined.id }, id)).toEqual({ removeWorkspaceMember: joined.id });
    expect(await api.run(WorkspaceView, { id: workspace }, users.outsider.id)).toEqual({ data: { node: null } });

    expect((await api.ok(RenameWorkspace, { id: workspace, name: 'Renamed' }, id)).updateWorkspace.name).toBe('Renamed');
    expect(await api.ok(RemoveWorkspace, { id: workspace }, id)).toEqual({ deleteWorkspace: workspace });
  });

  it('lets any member leave, but never the last owner', async () => {
    expect(await api.ok(RemoveMember, { id: memberIds.viewer }, users.viewer.id)).toEqual({ removeWorkspaceMember: memberIds.viewer });
    expect(code(await api.run(RemoveMember, { id: memberIds.editor }, users.viewer.id))).toBe('NOT_FOUND');

    const leave = await api.run(RemoveMember, { id: memberIds.owner }, users.owner.id);
    expect(leave.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/at least one owner/) });
    expect(code(await api.run(ChangeRole, { id: memberIds.owner, role: 'EDITOR' }, users.owner.id))).toBe('CONFLICT');
    expect(await api.db.prisma.workspaceMember.count({ where: { workspaceId: decodeId(workspace), role: 'OWNER' } })).toBe(1);

    await api.ok(ChangeRole, { id: memberIds.editor, role: 'OWNER' }, users.owner.id);
    expect(await api.ok(RemoveMember, { id: memberIds.owner }, users.owner.id)).toEqual({ removeWorkspaceMember: memberIds.owner });
    expect(await api.run(WorkspaceView, { id: workspace }, users.owner.id)).toEqual({ data: { node: null } });
  });

  it('never lets two owners demote each other into a workspace without owners', async () => {
    await api.ok(ChangeRole, { id: memberIds.editor, role: 'OWNER' }, users.owner.id);
    const results = await Promise.all([
      api.run(ChangeRole, { id: memberIds.owner, role: 'VIEWER' }, users.editor.id),
      api.run(ChangeRole, { id: memberIds.editor, role: 'VIEWER' }, users.owner.id),
    ]);
    expect(results.map(code).sort()).toEqual(['CONFLICT', 'OK']);
    expect(await api.db.prisma.workspaceMember.count({ where: { workspaceId: decodeId(workspace), role: 'OWNER' } })).toBe(1);
  });
});

describe('creating a workspace', () => {
  it('makes the creator its owner member', async () => {
    const Create = graphql(`
      mutation CreateOwned { createWorkspace(input: { name: "Mine" }) { viewerRole members { edges { node { role user { email } } } } } }
    `);
    const { createWorkspace } = await api.ok(Create, {}, users.viewer.id);
    expect(createWorkspace.viewerRole).toBe('OWNER');
    expect(createWorkspace.members.edges.map((e) => [e.node.role, e.node.user.email])).toEqual([['OWNER', users.viewer.email]]);
  });
});

describe('invitations', () => {
  const invite = (email: string, role: 'VIEWER' | 'EDITOR' = 'EDITOR') =>
    api.run(Invite, { input: { workspaceId: workspace, email, role } }, users.owner.id);

  it('answer an owner the same whether or not the email has an account', async () => {
    const known = await invite(users.outsider.email);
    const unknown = await invite('nobody-here-yet@example.com');
    const shape = (result: typeof known) => {
      const { id: _id, email: _email, ...rest } = result.data!.inviteWorkspaceMember;
      return { errors: result.errors, rest };
    };
    expect(shape(known)).toEqual(shape(unknown));
    expect(Object.keys(known.data!.inviteWorkspaceMember).sort()).toEqual(Object.keys(unknown.data!.inviteWorkspaceMember).sort());
  });

  it('are seen by the owners and the invited person only, and wait for someone who signs up later', async () => {
    const email = `later-${Date.now()}@example.com`;
    const { inviteWorkspaceMember: pending } = (await invite(email, 'VIEWER')).data!;
    const seenBy = async (userId: number) => await api.ok(Invitations, { workspace }, userId);
    expect(nodeOf((await seenBy(users.owner.id)).node, 'Workspace').invitations.map((i) => i.email)).toContain(email);
    for (const who of ['editor', 'viewer'] as const)
      expect(nodeOf((await seenBy(users[who].id)).node, 'Workspace').invitations).toEqual([]);
    expect(
      await api.run(graphql(`query InvitationNode($id: ID!) { node(id: $id) { id } }`), { id: pending.id }, users.outsider.id),
    ).toEqual({ data: { node: null } });

    // They sign up with that email (in another letter case) and find it waiting.
    const signUp = await api.post('mutation($i: SignUpInput!) { signUp(input: $i) { token } }', {
      i: { email: email.toUpperCase(), password: 'correct horse battery staple', fullName: 'Later' },
    });
    const token = ((await signUp.json()) as { data: { signUp: { token: string } } }).data.signUp.token;
    const mine = await api.runWithToken(Invitations, { workspace }, token);
    expect(mine.data?.viewer.invitations).toEqual([{ id: pending.id, email, role: 'VIEWER', workspaceName: 'Team space' }]);
    // Not a member yet: the workspace itself stays out of sight until they accept.
    expect(mine.data?.node).toBeNull();
    // Only they can accept it.
    expect(code(await api.run(Accept, { id: pending.id }, users.owner.id))).toBe('FORBIDDEN');
    expect(code(await api.run(Accept, { id: pending.id }, users.outsider.id))).toBe('NOT_FOUND');
    const joined = await api.runWithToken(Accept, { id: pending.id }, token);
    expect(joined.data?.acceptWorkspaceInvitation).toMatchObject({ role: 'VIEWER', user: { email } });
  });

  it('can be declined by the invited person or withdrawn by an owner, and by no one else', async () => {
    const { inviteWorkspaceMember: first } = (await invite(users.outsider.email)).data!;
    expect(code(await api.run(Decline, { id: first.id }, users.editor.id))).toBe('NOT_FOUND');
    expect(await api.ok(Decline, { id: first.id }, users.outsider.id)).toEqual({ removeWorkspaceInvitation: first.id });
    const { inviteWorkspaceMember: second } = (await invite(users.outsider.email)).data!;
    expect(await api.ok(Decline, { id: second.id }, users.owner.id)).toEqual({ removeWorkspaceInvitation: second.id });
    expect(await api.db.prisma.workspaceInvitation.count({ where: { workspaceId: decodeId(workspace) } })).toBe(0);
    expect(await api.db.prisma.workspaceMember.count({ where: { workspaceId: decodeId(workspace), userId: users.outsider.id } })).toBe(0);
  });
});
