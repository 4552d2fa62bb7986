// The cross-tenant matrix, generated from the schema: for every query field,
// every node type (and so every connection and relation on it) and every
// mutation, a second user holding the first user's global IDs gets nothing and
// changes nothing. A new field is covered without a new test; a new kind of
// argument the generator cannot fill fails here until the generator learns it.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.js';
import { createTestApi, encodeId, type TestApi } from '../support/api.js';
import { createWorkspace } from '../support/fixtures.js';

let api: TestApi;
let victim: { id: number; email: string };
let attacker: { id: number; email: string };
const attackerPassword = 'attacker password 123';
/** The victim's objects by GraphQL type: global IDs. */
const victimIds = new Map<string, string>();
/** Strings that must never reach the attacker. */
let secrets: string[];

beforeAll(async () => {
  api = await createTestApi();
  const prisma = api.db.prisma;
  victim = await prisma.user.create({ data: { email: 'victim@example.com', passwordHash: 'x', fullName: 'Victim Person' } });
  const { hashPassword } = await import('../../src/auth/passwords.js');
  attacker = await prisma.user.create({
    data: { email: 'attacker@example.com', passwordHash: await hashPassword(attackerPassword), fullName: 'Attacker' },
  });
  await createWorkspace(prisma, attacker.id, 'Attacker space');
  const workspace = await createWorkspace(prisma, victim.id, 'Victim secret workspace');
  const member = await prisma.workspaceMember.findFirstOrThrow({ where: { workspaceId: workspace.id } });
  const dataset = await prisma.dataset.create({
    data: { name: 'victim-secret.csv', filePath: 'p', fileSize: 1n, workspaceId: workspace.id, uploadedBy: victim.id },
  });
  const version = await prisma.datasetVersion.create({
    data: { datasetId: dataset.id, version: 1, filePath: 'p', fileSize: 1n, originalFilename: 'victim-secret.csv', uploadedBy: victim.id },
  });
  const analysis = await prisma.analysis.create({
    data: { datasetId: dataset.id, datasetVersionId: version.id, goalType: 'DATA_QUALITY', status: 'COMPLETED', qualityScore: 42 },
  });
  const insight = await prisma.insight.create({
    data: { analysisId: analysis.id, severity: 'HIGH', type: 'MISSING_DATA', description: 'victim secret insight', recommendation: 'r' },
  });
  const profile = await prisma.columnProfile.create({
    data: { analysisId: analysis.id, columnName: 'victim_secret_column', dataType: 'string', nullCount: 0, uniqueCount: 1 },
  });
  const invitation = await prisma.workspaceInvitation.create({
    data: { workspaceId: workspace.id, email: 'victims-friend@example.com', role: 'EDITOR', invitedBy: victim.id },
  });
  for (const [type, id] of [
    ['User', victim.id],
    ['WorkspaceInvitation', invitation.id],
    ['Workspace', workspace.id],
    ['WorkspaceMember', member.id],
    ['Dataset', dataset.id],
    ['DatasetVersion', version.id],
    ['Analysis', analysis.id],
    ['Insight', insight.id],
    ['ColumnProfile', profile.id],
  ] as const) {
    victimIds.set(type, encodeId(type, id));
  }
  secrets = [
    'victims-friend@example.com',
    victim.email,
    'Victim Person',
    'Victim secret workspace',
    'victim-secret.csv',
    'victim secret insight',
    'victim_secret_column',
  ];
});
afterAll(async () => {
  await api?.close();
});

/** Everything the victim owns, as the database holds it. */
async function victimSnapshot() {
  const { rows } = await api.db.pool.query(
    `SELECT jsonb_build_object(
       'user', (SELECT to_jsonb(u) FROM users u WHERE u.id = $1),
       'sessions', (SELECT jsonb_agg(s ORDER BY s.id) FROM sessions s WHERE s.user_id = $1),
       'workspaces', (SELECT jsonb_agg(w ORDER BY w.id) FROM workspaces w WHERE w.owner_id = $1),
       'members', (SELECT jsonb_agg(m ORDER BY m.id) FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id WHERE w.owner_id = $1),
       'invitations', (SELECT jsonb_agg(i ORDER BY i.id) FROM workspace_invitations i JOIN workspaces w ON w.id = i.workspace_id WHERE w.owner_id = $1),
       'datasets', (SELECT jsonb_agg(d ORDER BY d.id) FROM datasets d JOIN workspaces w ON w.id = d.workspace_id WHERE w.owner_id = $1),
       'versions', (SELECT jsonb_agg(v ORDER BY v.id) FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id JOIN workspaces w ON w.id = d.workspace_id WHERE w.owner_id = $1),
       'analyses', (SELECT jsonb_agg(a ORDER BY a.id) FROM analyses a JOIN datasets d ON d.id = a.dataset_id JOIN workspaces w ON w.id = d.workspace_id WHERE w.owner_id = $1),
       'insights', (SELECT jsonb_agg(i ORDER BY i.id) FROM insights i JOIN analyses a ON a.id = i.analysis_id JOIN datasets d ON d.id = a.dataset_id JOIN workspaces w ON w.id = d.workspace_id WHERE w.owner_id = $1),
       'profiles', (SELECT jsonb_agg(c ORDER BY c.id) FROM column_profiles c JOIN analyses a ON a.id = c.analysis_id JOIN datasets d ON d.id = a.dataset_id JOIN workspaces w ON w.id = d.workspace_id WHERE w.owner_id = $1)
     ) AS snapshot`,
    [victim.id],
  );
  return rows[0].snapshot;
}

/** A selection of every field of `type`, `depth` levels deep; connections ask for their first page. */
function selectionOf(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    const args = field.args.some((a) => a.name === 'first') ? '(first: 5)' : '';
    if (field.args.some((a) => isNonNullType(a.type)))
      throw new Error(`the matrix cannot select ${type.name}.${field.name}: it has required arguments`);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth > 0) parts.push(`${field.name}${args} { ${selectionOf(named, depth - 1)} }`);
  }
  return parts.join(' ') || '__typename';
}

const nodeTypes = () =>
  Object.values(schema.getTypeMap()).filter(
    (t): t is GraphQLObjectType => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node'),
  );

/** An argument value an honest client could send, with `id` in every ID position. */
function valueFor(name: string, type: GraphQLInputType, id: string): unknown {
  if (isNonNullType(type)) return valueFor(name, type.ofType, id);
  if (isListType(type)) return [valueFor(name, type.ofType, id)];
  if (isInputObjectType(type))
    return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, valueFor(f.name, f.type, id)]));
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isScalarType(type)) {
    if (type.name === 'ID') return id;
    // A file only travels as a multipart part; uploads aimed at another tenant are checked in tests/datasets/upload.test.ts.
    if (type.name === 'File') return null;
    if (type.name === 'Int') return 1;
    if (type.name === 'Boolean') return true;
    if (type.name === 'String') {
      if (/email/i.test(name)) return attacker.email;
      if (/password/i.test(name)) return attackerPassword;
      return 'Hijacked by attacker';
    }
  }
  throw new Error(`the matrix does not know how to fill argument ${name} of type ${String(type)}`);
}

const hasIdPosition = (type: GraphQLInputType): boolean => {
  const named = getNamedType(type);
  return named.name === 'ID' || (isInputObjectType(named) && Object.values(named.getFields()).some((f) => hasIdPosition(f.type)));
};

async function asAttacker(query: string, variables: Record<string, unknown>) {
  // A fresh session each time: logOut or a password change must not end the matrix early.
  const { token } = await api.accounts.startSession(attacker.id);
  const text = await (await api.post(query, variables, { token })).text();
  const result = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
  // Errors may echo the IDs the attacker sent; nothing else of the victim's may appear anywhere.
  const data = JSON.stringify(result.data ?? null);
  for (const id of victimIds.values()) expect(data, `${query} returned ${id}`).not.toContain(id);
  for (const secret of secrets) expect(text, `${query} leaked "${secret}"`).not.toContain(secret);
  return result;
}

const operation = (kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, selection: string) => {
  const variables = field.args.map((a: GraphQLArgument) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind} Matrix${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection ? ` { ${selection} }` : ''} }`;
};

describe('the cross-tenant matrix', () => {
  it('every query field and every node type give another tenant nothing', async () => {
    const before = await victimSnapshot();
    let checks = 0;
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      const named = getNamedType(field.type);
      if (field.args.length === 0) {
        const result = await asAttacker(operation('query', field, isObjectType(named) ? selectionOf(named, 3) : ''), {});
        expect(result.errors, `Query.${field.name}`).toBeUndefined();
        checks++;
        continue;
      }
      // node / nodes: every victim ID, with every field of every node type selected.
      for (const type of nodeTypes()) {
        const selection = `__typename ... on ${type.name} { ${selectionOf(type, 2)} }`;
        for (const id of victimIds.values()) {
          const variables = Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.name, a.type, id)]));
          const result = await asAttacker(operation('query', field, selection), variables);
          const value = result.data?.[field.name];
          const found = Array.isArray(value) ? value.some((v) => v !== null) : value != null;
          expect(found, `Query.${field.name} as ${type.name}`).toBe(false);
          checks++;
        }
      }
    }
    expect(checks).toBeGreaterThan(nodeTypes().length * victimIds.size);
    expect(await victimSnapshot()).toEqual(before);
  });

  it('every mutation, aimed at each of the other tenant’s objects, changes nothing of theirs', async () => {
    const before = await victimSnapshot();
    const attempted: string[] = [];
    // deleteAccount really deletes the attacker (it takes no ID of theirs): it goes last.
    const fields = Object.values(schema.getMutationType()!.getFields()).sort(
      (a, b) => Number(a.name === 'deleteAccount') - Number(b.name === 'deleteAccount'),
    );
    for (const field of fields) {
      const named = getNamedType(field.type);
      const selection = isObjectType(named) ? selectionOf(named, 1) : '';
      const targets = field.args.some((a) => hasIdPosition(a.type)) ? [...victimIds.values()] : [''];
      for (const id of targets) {
        const variables = Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.name, a.type, id)]));
        const result = await asAttacker(operation('mutation', field, selection), variables);
        if (id) {
          expect(result.data?.[field.name] ?? null, `Mutation.${field.name} on ${id}`).toBeNull();
          const takesFile = field.args.some((a) => getNamedType(a.type).name === 'File');
          if (!takesFile)
            expect(['NOT_FOUND', 'VALIDATION_FAILED'], `Mutation.${field.name} on ${id}`).toContain(result.errors?.[0]?.extensions?.code);
        }
      }
      attempted.push(field.name);
    }
    expect(attempted.sort()).toEqual(Object.keys(schema.getMutationType()!.getFields()).sort());
    expect(await victimSnapshot()).toEqual(before);
  });
});
