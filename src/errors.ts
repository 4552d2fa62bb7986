// The one error model of the API. Every deliberate failure is an AppError with
// a code a client can switch on; anything else is a bug, masked for clients and
// logged in full (as INTERNAL_SERVER_ERROR, see unexpectedErrorCode).
//
// `errorModel` declares every code a client can receive, once: when it is sent
// and every HTTP status it can come with. README's "## Errors" table lists
// exactly these codes and statuses (tests/graphql/error-model.test.ts). An
// AppError reaches the wire through one function, toGraphQLError in
// src/graphql/errors.ts (the masker uses it for errors thrown while executing;
// request-level code, before anything executes, calls it with the HTTP status).
export const errorModel = {
  UNAUTHENTICATED: {
    when: 'no signed-in caller (no token, or an expired or revoked one), or a sign-in with a wrong email or password',
    statuses: [200, 401],
    sentBy: 'api',
  },
  FORBIDDEN: { when: 'signed in, but the role does not allow this', statuses: [200], sentBy: 'api' },
  NOT_FOUND: { when: 'no such object, or one the caller may not see', statuses: [200], sentBy: 'api' },
  VALIDATION_FAILED: {
    when: 'bad input: an argument, a variable that does not fit its type, an uploaded file refused, a request body too large, or over the depth, alias or directive limit',
    statuses: [200, 400, 413],
    sentBy: 'api',
  },
  CONFLICT: { when: 'the change clashes with existing data', statuses: [200], sentBy: 'api' },
  RATE_LIMITED: { when: 'too many failed sign-ins, password checks or sign-ups', statuses: [200], sentBy: 'api' },
  UNAVAILABLE: {
    when: 'the database or the file storage (an S3 bucket) cannot be reached; retry after `Retry-After` seconds',
    statuses: [200, 503],
    sentBy: 'api',
  },
  BAD_REQUEST: {
    when: 'the HTTP request is malformed: a broken multipart upload, a body that is not a JSON object, no query, an unknown parameter, a batch, a mutation over GET, a method other than GET or POST',
    statuses: [200, 400, 405],
    sentBy: 'api and graphql-yoga',
  },
  QUERY_TOO_COMPLEX: {
    when: 'refused by a limit: before it ran (nodes, `nodes(ids)` length, bracket nesting, response size), or stopped at a field’s own (Insight.affectedRows: its time limit, insights per request)',
    statuses: [200],
    sentBy: 'api',
  },
  GRAPHQL_PARSE_FAILED: { when: 'the document is not GraphQL, or over the token limit', statuses: [200, 400], sentBy: 'graphql-yoga' },
  GRAPHQL_VALIDATION_FAILED: {
    when: 'the document does not fit the schema: an unknown field, a literal of the wrong type',
    statuses: [200, 400],
    sentBy: 'api and graphql-yoga',
  },
  OPERATION_RESOLUTION_FAILURE: {
    when: 'the document has several operations and the request names none of them',
    statuses: [400],
    sentBy: 'graphql-yoga',
  },
} as const satisfies Record<string, { when: string; statuses: readonly number[]; sentBy: 'api' | 'graphql-yoga' | 'api and graphql-yoga' }>;

export type ErrorCode = keyof typeof errorModel;
export const errorCodes = Object.keys(errorModel) as ErrorCode[];

/**
 * What a client sees for a bug (any error that is not an AppError): the
 * message "Unexpected error." and this code. Not part of the model on
 * purpose: no request should ever provoke it (tests/graphql/error-codes.test.ts).
 */
export const unexpectedErrorCode = 'INTERNAL_SERVER_ERROR';

export type FieldProblem = { path: string[]; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For VALIDATION_FAILED: every failing field with its path and reason. */
    readonly fieldProblems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}
