// The error model (src/errors.ts) and README's "## Errors" table are the same
// list: every code with every HTTP status it comes with. And the errors built
// outside the masker (scalars, request-level refusals) reach clients with a
// code of the model, through the one function of src/graphql/errors.ts.
import { readFile } from 'node:fs/promises';
import { GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString, type GraphQLScalarType } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { AppError, errorCodes, errorModel, unexpectedErrorCode } from '../../src/errors.js';
import { createErrorMasker, refusal, toGraphQLError } from '../../src/graphql/errors.js';
import { schema } from '../../src/graphql/schema.js';
import { createLogger } from '../../src/logger.js';

async function readmeErrors() {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('\n## Errors');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 5));
  const rows = [...section.matchAll(/^\| `([A-Z_]+)` \|(.*)\|(.*)\|\s*$/gm)].map(([, code, when, http]) => ({
    code: code!,
    when: when!.trim(),
    http: http!.trim(),
  }));
  return { section, rows };
}

describe('the error model', () => {
  it('README lists exactly the codes of src/errors.ts, each with its HTTP statuses', async () => {
    const { section, rows } = await readmeErrors();
    const documented = rows.map((r) => r.code);
    expect(new Set(documented).size, 'a code listed twice').toBe(documented.length);
    expect([...documented].sort(), 'README table vs errorModel in src/errors.ts').toEqual([...errorCodes].sort());
    for (const row of rows) {
      expect(row.when, row.code).not.toBe('');
      const statuses = [...row.http.matchAll(/\b[1-5]\d\d\b/g)].map((m) => Number(m[0]));
      const declared = errorModel[row.code as keyof typeof errorModel].statuses;
      expect([...new Set(statuses)].sort(), `${row.code}: HTTP statuses in README vs src/errors.ts`).toEqual([...declared].sort());
    }
    // A bug's code is not a code of the model: no request should provoke it, but README says what it is.
    expect(documented).not.toContain(unexpectedErrorCode);
    expect(errorCodes).not.toContain(unexpectedErrorCode);
    expect(section).toContain(unexpectedErrorCode);
  });

  it('puts an AppError on the wire with its code, fields and, for a refused request, the HTTP status', () => {
    const fields = [{ path: ['file'], message: 'is too large' }];
    const error = toGraphQLError(new AppError('VALIDATION_FAILED', 'Too large', fields), { http: { status: 413 } });
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.message).toBe('Too large');
    expect(error.extensions).toEqual({ fields, code: 'VALIDATION_FAILED', http: { status: 413 } });
    // No originalError: graphql-yoga would count it as unexpected (HTTP 500 without data).
    expect(error.originalError).toBeUndefined();
    expect(refusal('QUERY_TOO_COMPLEX', 'Too many').extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('the masker passes those errors unchanged, and gives a bare AppError its code', () => {
    const mask = createErrorMasker(createLogger('error', () => {}));
    const refused = refusal('BAD_REQUEST', 'Invalid multipart request: no', { status: 400 });
    expect(mask(refused)).toBe(refused);
    const bare = mask(new AppError('UNAUTHENTICATED', 'Sign in to do this')) as GraphQLError;
    expect(bare.message).toBe('Sign in to do this');
    expect(bare.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });
});

describe('scalars', () => {
  // The API's scalars, behind a schema that takes them as arguments and returns a BigInt out of range.
  const scalar = (name: string) => schema.getType(name) as GraphQLScalarType;
  const testSchema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        at: { type: GraphQLString, args: { at: { type: scalar('DateTime') } }, resolve: (_, { at }) => (at as Date).toISOString() },
        count: { type: GraphQLString, args: { n: { type: scalar('BigInt') } }, resolve: (_, { n }) => String(n) },
        huge: { type: scalar('BigInt'), resolve: () => 2n ** 60n },
      },
    }),
  });
  const yoga = createYoga({
    schema: testSchema,
    maskedErrors: { maskError: createErrorMasker(createLogger('error', () => {})) },
    logging: false,
  });
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      ...((await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }),
    };
  };

  it('refuse a variable that does not fit with VALIDATION_FAILED, in graphql-js words', async () => {
    const at = await post('query($at: DateTime) { at(at: $at) }', { at: 'yesterday' });
    expect(at.errors).toEqual([
      expect.objectContaining({
        message: 'Variable "$at" got invalid value "yesterday"; DateTime must be an ISO 8601 string',
        extensions: { code: 'VALIDATION_FAILED' },
      }),
    ]);
    const n = await post('query($n: BigInt) { count(n: $n) }', { n: 1.5 });
    expect(n.errors).toEqual([
      expect.objectContaining({
        message: 'Variable "$n" got invalid value 1.5; BigInt must be a whole number',
        extensions: { code: 'VALIDATION_FAILED' },
      }),
    ]);
    expect((await post('query($at: DateTime) { at(at: $at) }', { at: '2024-05-01T10:00:00Z' })).data).toEqual({
      at: '2024-05-01T10:00:00.000Z',
    });
  });

  it('refuse a literal of the wrong kind as a document that does not fit the schema', async () => {
    const result = await post('{ count(n: "12") }');
    expect(result.errors).toEqual([
      expect.objectContaining({ message: 'BigInt must be a whole number', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    ]);
    expect((await post('{ count(n: 12) }')).data).toEqual({ count: '12' });
  });

  // Through graphql-js (mutations, subscriptions). graphql-jit, which runs the
  // server's queries, keeps only a serialize error's message: there it answers
  // "BigInt value exceeds 2^53" with VALIDATION_FAILED, unlogged, as before.
  it('treat a BigInt output past 2^53 as a bug: masked, and logged', async () => {
    const lines: string[] = [];
    const logged = createYoga({
      schema: testSchema,
      maskedErrors: { maskError: createErrorMasker(createLogger('error', (line) => lines.push(line))) },
      logging: false,
    });
    const response = await logged.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ huge }' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: unknown; errors: unknown[] };
    expect(body).toMatchObject({
      data: { huge: null },
      errors: [{ message: 'Unexpected error.', path: ['huge'], extensions: { code: unexpectedErrorCode } }],
    });
    expect(lines.some((line) => line.includes('BigInt value exceeds 2^53'))).toBe(true);
  });
});
