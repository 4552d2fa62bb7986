// Deleting one's own account through HTTP (README, "Deleting a user"): the
// password is required and throttled like a sign-in; the account goes with the
// workspaces it created, everything in them and their stored files, and every
// session ends; it is refused with CONFLICT, deleting nothing, while the user's
// uploads remain in a workspace someone else created.
import { readdir, rm, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadDataset } from '../../examples/upload-dataset.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { graphql } from '../gql/index.js';
import { createTestApi, decodeId, encodeId, nodeOf, type TestApi } from '../support/api.js';
import { createWorkspace, uniqueEmail } from '../support/fixtures.js';
import { listen, type HttpServer } from '../support/http-server.js';

let api: TestApi;
let http: HttpServer;
let dir: string;
let csv: string;

beforeAll(async () => {
  api = await createTestApi({ auth: { maxFailedSignIns: 3 } });
  http = await listen(api);
  dir = await mkdtemp(path.join(os.tmpdir(), 'delete-account-test-'));
  csv = path.join(dir, 'measurements.csv');
  await writeFile(csv, 'id,height,city\n1,1.71,Oslo\n2,1.64,Bergen\n3,1.80,Oslo\n');
});
afterAll(async () => {
  await http?.close();
  await api?.close();
  await rm(dir, { recursive: true, force: true });
});

const DeleteAccount = graphql(`
  mutation DeleteAccount($password: String!) { deleteAccount(password: $password) }
`);
const SignedInAs = graphql(`
  query SignedInAs { viewer { id email } }
`);
const TeamWorkspace = graphql(`
  query TeamWorkspace($id: ID!) {
    node(id: $id) {
      __typename
      ... on Workspace {
        name
        members { totalCount edges { node { role user { email } } } }
        datasets { totalCount edges { node { name uploader { email } } } }
      }
    }
  }
`);
const DeleteOwnUpload = graphql(`
  mutation DeleteOwnUpload($id: ID!) { deleteDataset(id: $id) }
`);

const password = 'correct horse battery staple';

type Person = { id: number; email: string; token: string };

/** A user with a real password and a signed-in session. */
async function person(label: string): Promise<Person> {
  const user = await api.db.prisma.user.create({
    data: { email: uniqueEmail(label), passwordHash: await hashPassword(password), fullName: label },
  });
  const { token } = await api.accounts.startSession(user.id);
  return { id: user.id, email: user.email, token };
}

async function join(workspaceId: number, who: Person, role: 'OWNER' | 'EDITOR' | 'VIEWER') {
  await api.db.prisma.workspaceMember.create({ data: { workspaceId, userId: who.id, role } });
}

/** Uploads the CSV as `who` over real HTTP; returns the dataset's database id. */
async function upload(who: Person, workspaceId: number, name: string): Promise<number> {
  const dataset = await uploadDataset({
    endpoint: http.url,
    token: who.token,
    workspaceId: encodeId('Workspace', workspaceId),
    filePath: csv,
    name,
  });
  return decodeId(dataset.id);
}

/** A completed analysis of a dataset, with a column profile and an insight. */
async function analyse(datasetId: number) {
  return api.db.prisma.analysis.create({
    data: {
      datasetId,
      goalType: 'DATA_QUALITY',
      status: 'COMPLETED',
      qualityScore: 90,
      columnProfiles: { create: { columnName: 'height', dataType: 'decimal', nullCount: 0, uniqueCount: 3 } },
      insights: { create: { severity: 'LOW', type: 'OUTLIERS', description: 'One tall person', recommendation: 'Check it' } },
    },
  });
}

/** Every file in the storage folder. */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(api.storage.root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(api.storage.root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

async function filesOf(datasetIds: number[]): Promise<string[]> {
  const rows = await api.db.prisma.dataset.findMany({ where: { id: { in: datasetIds } }, select: { filePath: true } });
  expect(rows).toHaveLength(datasetIds.length);
  return rows.map((r) => r.filePath);
}

const deleteAccount = (who: Person | undefined, pass = password) => api.runWithToken(DeleteAccount, { password: pass }, who?.token);
const signedInAs = async (token: string) => {
  const result = await api.runWithToken(SignedInAs, {}, token);
  return result.data?.viewer.email ?? result.errors?.[0]?.extensions?.code;
};
const workspaceSeenBy = async (who: Person, workspaceId: number) => {
  const { data } = await api.runWithToken(TeamWorkspace, { id: encodeId('Workspace', workspaceId) }, who.token);
  return data?.node ? nodeOf(data.node, 'Workspace') : null;
};
const exists = async (table: 'users' | 'workspaces' | 'datasets' | 'analyses' | 'insights' | 'column_profiles', id: number) =>
  (await api.db.pool.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).rowCount === 1;

describe('deleting one’s own account', () => {
  it('refuses a wrong password and deletes nothing', async () => {
    const ada = await person('ada');
    const lab = await createWorkspace(api.db.prisma, ada.id, 'Lab');
    const dataset = await upload(ada, lab.id, 'heights');
    const [file] = await filesOf([dataset]);

    const wrong = await deleteAccount(ada, 'not my password');
    expect(wrong.data?.deleteAccount ?? null).toBeNull();
    expect(wrong.errors?.[0]).toMatchObject({
      message: 'The current password is incorrect',
      extensions: { code: 'VALIDATION_FAILED', fields: [{ path: ['password'], message: 'is incorrect' }] },
    });

    expect(await signedInAs(ada.token)).toBe(ada.email);
    expect((await workspaceSeenBy(ada, lab.id))?.datasets.edges.map((e) => e.node.name)).toEqual(['heights']);
    expect(await storedFiles()).toContain(file);
  });

  it('counts wrong passwords as failed sign-ins, so it cannot be used to guess one', async () => {
    const guessed = await person('guessed');
    // maxFailedSignIns is 3 here: three guesses are answered, then the account's email is locked out.
    for (let i = 0; i < 3; i++)
      expect((await deleteAccount(guessed, `guess ${i}`)).errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const locked = await deleteAccount(guessed, password);
    expect(locked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(locked.errors?.[0]?.message).toMatch(/^Too many wrong passwords\. Try again in \d+ minutes?\.$/);
    // The same budget as signing in: the right password does not get through there either.
    await expect(api.accounts.logIn({ email: guessed.email, password }, undefined)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(await exists('users', guessed.id)).toBe(true);
    expect(await signedInAs(guessed.token)).toBe(guessed.email);
  });

  it('deletes the account with the workspaces it created, their datasets, analyses and files, and ends every session', async () => {
    const ada = await person('ada');
    const bob = await person('bob');
    const otherSession = (await api.accounts.startSession(ada.id)).token;
    const lab = await createWorkspace(api.db.prisma, ada.id, 'Ada’s lab');
    const sandbox = await createWorkspace(api.db.prisma, ada.id, 'Sandbox');
    await join(lab.id, bob, 'EDITOR');
    const heights = await upload(ada, lab.id, 'heights');
    const weights = await upload(ada, sandbox.id, 'weights');
    // Uploaded by a teammate into Ada's workspace: it goes with the workspace.
    const bobs = await upload(bob, lab.id, 'bob’s cities');
    const analysis = await analyse(heights);
    const [profile] = await api.db.prisma.columnProfile.findMany({ where: { analysisId: analysis.id } });
    const [insight] = await api.db.prisma.insight.findMany({ where: { analysisId: analysis.id } });
    const files = await filesOf([heights, weights, bobs]);
    // Someone else's data elsewhere, which must stay.
    const bobsOwn = await createWorkspace(api.db.prisma, bob.id, 'Bob’s own');
    const kept = await upload(bob, bobsOwn.id, 'kept');
    const [keptFile] = await filesOf([kept]);
    expect(await storedFiles()).toEqual(expect.arrayContaining([...files, keptFile]));

    const result = await deleteAccount(ada);
    expect(result).toEqual({ data: { deleteAccount: encodeId('User', ada.id) } });

    // Every session has ended: the tokens are refused, and the password no longer signs in.
    expect(await signedInAs(ada.token)).toBe('UNAUTHENTICATED');
    expect(await signedInAs(otherSession)).toBe('UNAUTHENTICATED');
    await expect(api.accounts.logIn({ email: ada.email, password }, undefined)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await api.db.prisma.session.count({ where: { userId: ada.id } })).toBe(0);

    // The workspaces Ada created are gone, for her teammate too, with everything in them.
    expect(await exists('users', ada.id)).toBe(false);
    expect(await workspaceSeenBy(bob, lab.id)).toBeNull();
    for (const [table, id] of [
      ['workspaces', lab.id],
      ['workspaces', sandbox.id],
      ['datasets', heights],
      ['datasets', weights],
      ['datasets', bobs],
      ['analyses', analysis.id],
      ['column_profiles', profile!.id],
      ['insights', insight!.id],
    ] as const) {
      expect(await exists(table, id), `${table} ${id}`).toBe(false);
    }
    // Their stored files are removed from disk; other datasets' files are not.
    const left = await storedFiles();
    for (const file of files) expect(left).not.toContain(file);
    expect(left).toContain(keptFile);
    expect((await workspaceSeenBy(bob, bobsOwn.id))?.datasets.edges.map((e) => e.node.name)).toEqual(['kept']);
  });

  it('keeps the workspaces of others the user was a member of, without them, and the invitations they sent', async () => {
    const carl = await person('carl');
    const dora = await person('dora');
    const team = await createWorkspace(api.db.prisma, dora.id, 'Team');
    const readers = await createWorkspace(api.db.prisma, dora.id, 'Readers');
    await join(team.id, carl, 'OWNER');
    await join(readers.id, carl, 'VIEWER');
    const report = await upload(dora, team.id, 'report');
    const invitation = await api.db.prisma.workspaceInvitation.create({
      data: { workspaceId: team.id, email: 'newcomer@example.com', role: 'EDITOR', invitedBy: carl.id },
    });

    expect((await deleteAccount(carl)).data?.deleteAccount).toBe(encodeId('User', carl.id));

    for (const workspace of [team, readers]) {
      const seen = await workspaceSeenBy(dora, workspace.id);
      expect(seen?.members.edges.map((e) => [e.node.user.email, e.node.role])).toEqual([[dora.email, 'OWNER']]);
    }
    expect((await workspaceSeenBy(dora, team.id))?.datasets.edges.map((e) => e.node.name)).toEqual(['report']);
    expect(await storedFiles()).toEqual(expect.arrayContaining(await filesOf([report])));
    // The invitation Carl sent still stands, from no one now.
    expect(await api.db.prisma.workspaceInvitation.findUnique({ where: { id: invitation.id } })).toMatchObject({
      email: 'newcomer@example.com',
      invitedBy: null,
    });
  });

  it('refuses with CONFLICT while the user’s uploads remain in a workspace someone else created, and deletes once they are gone', async () => {
    const owner = await person('owner');
    const eve = await person('eve');
    const shared = await createWorkspace(api.db.prisma, owner.id, 'Shared');
    await join(shared.id, eve, 'EDITOR');
    const first = await upload(eve, shared.id, 'first');
    const second = await upload(eve, shared.id, 'second');
    await analyse(first);
    const evesOwn = await createWorkspace(api.db.prisma, eve.id, 'Eve’s own');
    const own = await upload(eve, evesOwn.id, 'own');
    const sharedFiles = await filesOf([first, second]);
    const [ownFile] = await filesOf([own]);

    const refused = await deleteAccount(eve);
    expect(refused.data?.deleteAccount ?? null).toBeNull();
    expect(refused.errors?.[0]).toMatchObject({
      message:
        'You uploaded 2 datasets to workspaces you did not create: delete them (or ask the workspace owners to) before deleting your account',
      extensions: { code: 'CONFLICT' },
    });
    // Nothing is deleted: Eve is still signed in, her own workspace and everyone's data are intact.
    expect(await signedInAs(eve.token)).toBe(eve.email);
    expect((await workspaceSeenBy(eve, evesOwn.id))?.datasets.edges.map((e) => e.node.name)).toEqual(['own']);
    expect((await workspaceSeenBy(owner, shared.id))?.datasets.edges.map((e) => [e.node.name, e.node.uploader.email])).toEqual([
      ['second', eve.email],
      ['first', eve.email],
    ]);
    expect(await api.db.prisma.analysis.count({ where: { datasetId: first } })).toBe(1);
    expect(await storedFiles()).toEqual(expect.arrayContaining([...sharedFiles, ownFile]));

    // After deleting one of the two, the refusal counts the one left.
    expect((await api.runWithToken(DeleteOwnUpload, { id: encodeId('Dataset', first) }, eve.token)).errors).toBeUndefined();
    expect((await deleteAccount(eve)).errors?.[0]?.message).toMatch(/^You uploaded 1 dataset to workspaces you did not create: delete it /);
    expect((await api.runWithToken(DeleteOwnUpload, { id: encodeId('Dataset', second) }, eve.token)).errors).toBeUndefined();

    expect((await deleteAccount(eve)).data?.deleteAccount).toBe(encodeId('User', eve.id));
    expect(await signedInAs(eve.token)).toBe('UNAUTHENTICATED');
    expect(await exists('workspaces', evesOwn.id)).toBe(false);
    expect(await storedFiles()).not.toContain(ownFile);
    const stays = await workspaceSeenBy(owner, shared.id);
    expect(stays?.members.edges.map((e) => e.node.user.email)).toEqual([owner.email]);
    expect(stays?.datasets.totalCount).toBe(0);
  });

  it('refuses with CONFLICT while the user is the only owner left of a workspace someone else created', async () => {
    const founder = await person('founder');
    const heir = await person('heir');
    const helper = await person('helper');
    const club = await createWorkspace(api.db.prisma, founder.id, 'Club');
    await join(club.id, heir, 'OWNER');
    await join(club.id, helper, 'VIEWER');
    // The founder has left: the heir is the club's only owner.
    await api.db.prisma.workspaceMember.deleteMany({ where: { workspaceId: club.id, userId: founder.id } });

    const refused = await deleteAccount(heir);
    expect(refused.errors?.[0]).toMatchObject({
      message:
        'You are the only owner of 1 workspace someone else created ("Club"): make another member an owner, or delete the workspace, before deleting your account',
      extensions: { code: 'CONFLICT' },
    });
    expect(await signedInAs(heir.token)).toBe(heir.email);
    expect((await workspaceSeenBy(helper, club.id))?.members.totalCount).toBe(2);

    await api.db.prisma.workspaceMember.updateMany({ where: { workspaceId: club.id, userId: helper.id }, data: { role: 'OWNER' } });
    expect((await deleteAccount(heir)).data?.deleteAccount).toBe(encodeId('User', heir.id));
    expect((await workspaceSeenBy(helper, club.id))?.members.edges.map((e) => [e.node.user.email, e.node.role])).toEqual([
      [helper.email, 'OWNER'],
    ]);
  });

  it('needs a signed-in user', async () => {
    const users = await api.db.prisma.user.count();
    for (const token of [undefined, 'dip_forged']) {
      const result = await api.runWithToken(DeleteAccount, { password }, token);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await api.db.prisma.user.count()).toBe(users);
  });
});
