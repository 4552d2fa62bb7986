// Every failure a client can provoke answers with one of the codes README's
// error table lists, never INTERNAL_SERVER_ERROR: every query and mutation of
// the schema, called signed out, as a stranger and as the owner, with hostile
// values for each argument (forged and foreign IDs, empty, huge and odd
// strings, out-of-range numbers), and a set of hostile documents.
import { readFile } from 'node:fs/promises';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isAbstractType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.js';
import { createTestApi, encodeId, type TestApi } from '../support/api.js';
import { createUser, seedGraph } from '../support/fixtures.js';

let api: TestApi;
let ownerToken: string;
let strangerToken: string;
let ownIds: Record<string, string>;
let documentedCodes: Set<string>;

beforeAll(async () => {
  api = await createTestApi();
  const owner = await seedGraph(api.db.prisma, { workspaces: 1, datasets: 1, analyses: 1, insights: 1, profiles: 1 });
  const stranger = await createUser(api.db.prisma, 'Stranger');
  ownerToken = await api.tokenFor(owner.id);
  strangerToken = await api.tokenFor(stranger.id);
  const prisma = api.db.prisma;
  const dataset = await prisma.dataset.findFirstOrThrow({ where: { uploadedBy: owner.id } });
  const analysis = await prisma.analysis.findFirstOrThrow({ where: { datasetId: dataset.id } });
  const member = await prisma.workspaceMember.findFirstOrThrow({ where: { userId: owner.id } });
  ownIds = {
    User: encodeId('User', owner.id),
    Workspace: encodeId('Workspace', dataset.workspaceId),
    WorkspaceMember: encodeId('WorkspaceMember', member.id),
    Dataset: encodeId('Dataset', dataset.id),
    Analysis: encodeId('Analysis', analysis.id),
  };
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const errors = readme.slice(readme.indexOf('\n## Errors'), readme.indexOf('\n## ', readme.indexOf('\n## Errors') + 5));
  documentedCodes = new Set([...errors.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]!));
});
afterAll(async () => {
  await api?.close();
});

const raw = (text: string) => Buffer.from(text).toString('base64');

/** Hostile values for an argument of this type (each a separate call). */
function hostileValues(type: GraphQLInputType, depth = 0): unknown[] {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner))
    return [
      [],
      ...hostileValues(inner.ofType, depth + 1)
        .slice(0, 3)
        .map((v) => [v, v]),
    ];
  if (isEnumType(inner)) return [inner.getValues()[0]!.value];
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields());
    // One object per hostile value of each field, the other fields at a plain value.
    const plain = Object.fromEntries(fields.map((f) => [f.name, hostileValues(f.type, depth + 1)[0]]));
    return depth > 1
      ? [plain]
      : [
          plain,
          ...fields.flatMap((f) =>
            hostileValues(f.type, depth + 1)
              .slice(1)
              .map((v) => ({ ...plain, [f.name]: v })),
          ),
        ];
  }
  if (isScalarType(inner)) {
    switch (inner.name) {
      case 'ID':
        return [
          ownIds.Workspace,
          ownIds.Dataset,
          ownIds.Analysis,
          raw('Workspace:1 OR 1=1'),
          raw('Dataset:99999999999999999999'),
          raw('Nope:1'),
          'not base64 ::',
        ];
      case 'String':
        return ['valid-looking@example.com', '', '   ', 'x'.repeat(20_000), 'nul\u0000byte', '\u{1F600}'.repeat(300), 'password'];
      case 'Int':
        return [1, -1, 0, 2_147_483_647];
      case 'Float':
        return [1.5, -1e308];
      case 'Boolean':
        return [true];
      case 'File':
        return ['not a file'];
      default:
        return [null, 'x', { a: 1 }];
    }
  }
  return [null];
}

/** A selection that asks for something of any output type. */
function selectionFor(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isObjectType(named) || isAbstractType(named) ? ' { __typename }' : '';
}

type Call = { label: string; query: string; variables: Record<string, unknown> };

function callsFor(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): Call[] {
  const args = field.args;
  const declare = (a: GraphQLArgument) => `$${a.name}: ${a.type.toString()}`;
  const query = `${operation}${args.length ? `(${args.map(declare).join(', ')})` : ''} { ${field.name}${
    args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''
  }${selectionFor(field)} }`;
  const base = Object.fromEntries(args.map((a) => [a.name, hostileValues(a.type)[0]]));
  const calls: Call[] = [{ label: `${field.name} plain`, query, variables: base }];
  for (const arg of args) {
    for (const value of hostileValues(arg.type).slice(1)) {
      calls.push({
        label: `${field.name}(${arg.name}: ${JSON.stringify(value)?.slice(0, 60)})`,
        query,
        variables: { ...base, [arg.name]: value },
      });
    }
  }
  // A required argument left out.
  const required = args.find((a) => isNonNullType(a.type));
  if (required) {
    const { [required.name]: _dropped, ...rest } = base;
    calls.push({ label: `${field.name} without ${required.name}`, query, variables: rest });
  }
  return calls;
}

const hostileDocuments: Call[] = [
  { label: 'deeply nested list', query: `{ nodes(ids: ${'['.repeat(2_500)}"x"${']'.repeat(2_500)}) { id } }`, variables: {} },
  {
    label: 'deeply nested variables',
    query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    variables: { ids: JSON.parse(`${'['.repeat(2_500)}"x"${']'.repeat(2_500)}`) },
  },
  {
    label: 'forged cursor',
    query: `{ viewer { workspaces(after: "${raw('["JOINED_DESC","1 OR 1=1"]')}") { totalCount } } }`,
    variables: {},
  },
  {
    label: 'cursor of another order',
    query: `{ viewer { workspaces(after: "${Buffer.from('["NAME_ASC","a","1"]').toString('base64url')}") { totalCount } } }`,
    variables: {},
  },
  {
    label: 'cursor with a huge number',
    query: `{ viewer { workspaces(after: "${Buffer.from('["JOINED_DESC","99999999999"]').toString('base64url')}") { totalCount } } }`,
    variables: {},
  },
  { label: 'first and last', query: '{ viewer { workspaces(first: 1, last: 1) { totalCount } } }', variables: {} },
  { label: 'page too large', query: '{ viewer { workspaces(first: 101) { totalCount } } }', variables: {} },
  { label: 'unknown field', query: '{ viewer { password } }', variables: {} },
  { label: 'syntax error', query: '{ viewer { ', variables: {} },
  { label: 'two operations, no operationName', query: 'query A { viewer { id } } query B { viewer { id } }', variables: {} },
  { label: 'int overflow literal', query: '{ viewer { workspaces(first: 2147483648) { totalCount } } }', variables: {} },
  { label: 'wrong variable type', query: 'query($n: Int) { viewer { workspaces(first: $n) { totalCount } } }', variables: { n: 'abc' } },
  { label: 'alias flood', query: `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`, variables: {} },
  {
    label: 'too deep',
    query: `{ viewer { ${'workspaces(first: 1) { edges { node { owner { '.repeat(5)}id${' } } } }'.repeat(5)} } }`,
    variables: {},
  },
  { label: 'subscription of a forged id', query: `subscription { analysisUpdated(id: "${raw('Analysis:01')}") { id } }`, variables: {} },
];

async function send(call: Call, token: string | undefined) {
  const response = await api.post(call.query, call.variables, { token });
  const text = await response.text();
  let body: { errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(text.startsWith('data:') || text.startsWith(':') ? (text.match(/^data: (.*)$/m)?.[1] ?? '{}') : text);
  } catch {
    throw new Error(`${call.label}: not JSON (${response.status}): ${text.slice(0, 200)}`);
  }
  return { status: response.status, errors: body.errors ?? [] };
}

describe('error codes', () => {
  it('README lists the codes this test accepts', () => {
    for (const code of [
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'VALIDATION_FAILED',
      'CONFLICT',
      'RATE_LIMITED',
      'QUERY_TOO_COMPLEX',
    ]) {
      expect(documentedCodes, code).toContain(code);
    }
    expect(documentedCodes).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('answers every call of every query and mutation, signed out, as a stranger and as the owner, with a documented code', async () => {
    const calls = [
      ...Object.values(schema.getQueryType()!.getFields()).flatMap((f) => callsFor('query', f)),
      ...Object.values(schema.getMutationType()!.getFields()).flatMap((f) => callsFor('mutation', f)),
      ...hostileDocuments,
    ];
    expect(calls.length).toBeGreaterThan(150);
    const undocumented: string[] = [];
    for (const [who, token] of [
      ['signed out', undefined],
      ['stranger', strangerToken],
      ['owner', ownerToken],
    ] as const) {
      for (const call of calls) {
        // The owner's own account stays as it is: the calls below would change its password or sign it out.
        if (who === 'owner' && /^(logOut|updateMe|deleteAccount)/.test(call.label)) continue;
        const { status, errors } = await send(call, token);
        expect(status, `${who}: ${call.label}`).toBeLessThan(500);
        for (const error of errors) {
          const code = error.extensions?.code ?? '(none)';
          if (!documentedCodes.has(code)) undocumented.push(`${who}: ${call.label} → ${code}: ${error.message.slice(0, 120)}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
    expect((await api.yoga.fetch('http://localhost/health')).status).toBe(200);
  });
});
