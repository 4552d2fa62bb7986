// The API's error model on the wire: a deliberate failure keeps its message and
// carries `extensions.code` (and `extensions.fields` for invalid input); a
// database that cannot be reached is UNAVAILABLE, worth retrying; any other
// error is a bug, logged in full and shown to clients as a bare
// INTERNAL_SERVER_ERROR.
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { isTransientConnectionError } from '../db/transient.js';
import { AppError, unexpectedErrorCode, type ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';

function withCode(error: GraphQLError | undefined, code: string, message: string, extra: Record<string, unknown> = {}) {
  return new GraphQLError(message, {
    nodes: error?.nodes,
    source: error?.source,
    positions: error?.positions,
    path: error?.path,
    extensions: { ...extra, code },
  });
}

/** How an error that refuses the whole request sets the HTTP response (graphql-yoga reads `extensions.http`). */
export type HttpRefusal = { status?: number; headers?: Record<string, string> };

/**
 * The one way an AppError goes on the wire: its message, `extensions.code`,
 * `extensions.fields` when it names failing fields, and `http` when it refuses
 * the whole request (before anything executes: request parsing, uploads,
 * limits). `at` is the error it stands for, whose locations and path it keeps.
 * The result has no originalError on purpose: graphql-yoga counts an error
 * with one as unexpected (HTTP 500 when there is no data).
 */
export function toGraphQLError(error: AppError, { at, http }: { at?: GraphQLError; http?: HttpRefusal } = {}): GraphQLError {
  return withCode(at, error.code, error.message, {
    ...(error.fieldProblems.length ? { fields: error.fieldProblems } : {}),
    ...(http ? { http } : {}),
  });
}

/** toGraphQLError of a new AppError: for code that refuses a request rather than throws. */
export const refusal = (code: ErrorCode, message: string, http?: HttpRefusal) => toGraphQLError(new AppError(code, message), { http });

/** What `Retry-After` tells a client when the database is away. */
const unavailableRetryAfterSeconds = 5;

export function createErrorMasker(logger: Logger) {
  return (error: unknown): Error => {
    const graphQLError = error instanceof GraphQLError ? error : undefined;
    const original = graphQLError?.originalError ?? (graphQLError ? undefined : error);
    // Thrown while executing (wrapped by graphql-js), or bare from request-level code.
    if (original instanceof AppError) return toGraphQLError(original, { at: graphQLError });
    if (graphQLError && original instanceof PothosValidationError) {
      return toGraphQLError(new AppError('VALIDATION_FAILED', original.message), { at: graphQLError });
    }
    // Parse, validation and variable errors: written for clients already. A
    // variable that does not fit its type is invalid input like any other. An
    // error of toGraphQLError is one of these too, and passes unchanged.
    if (graphQLError && (!original || original instanceof GraphQLError)) {
      return graphQLError.extensions?.code
        ? graphQLError
        : withCode(graphQLError, 'VALIDATION_FAILED', graphQLError.message, graphQLError.extensions);
    }
    if (isTransientConnectionError(original)) {
      logger.warn('database unavailable for a request', { error: (original as Error).message, path: graphQLError?.path });
      // The whole request failed (its token could not be checked) or a root
      // field did: HTTP says so too. A deeper field fails alone, in a 200.
      const whole = !graphQLError?.path || graphQLError.path.length === 1;
      const http = { headers: { 'Retry-After': String(unavailableRetryAfterSeconds) }, ...(whole ? { status: 503 } : {}) };
      return toGraphQLError(new AppError('UNAVAILABLE', 'The database is unavailable; retry in a few seconds.'), {
        at: graphQLError,
        http,
      });
    }
    logger.error('unexpected error while executing a GraphQL operation', {
      error: original instanceof Error ? original : new Error(String(original)),
      path: graphQLError?.path,
    });
    return withCode(graphQLError, unexpectedErrorCode, 'Unexpected error.');
  };
}
