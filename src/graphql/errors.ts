// The API's error model on the wire: a deliberate failure keeps its message and
// carries `extensions.code` (and `extensions.fields` for invalid input); a
// database that cannot be reached is UNAVAILABLE, worth retrying; any other
// error is a bug, logged in full and shown to clients as a bare
// INTERNAL_SERVER_ERROR.
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { isTransientConnectionError } from '../db/transient.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

function withCode(error: GraphQLError, code: string, message: string, extra: Record<string, unknown> = {}) {
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...extra, code },
  });
}

/** What `Retry-After` tells a client when the database is away. */
const unavailableRetryAfterSeconds = 5;

export function createErrorMasker(logger: Logger) {
  return (error: unknown): Error => {
    const graphQLError = error instanceof GraphQLError ? error : undefined;
    const original = graphQLError?.originalError ?? (graphQLError ? undefined : error);
    if (graphQLError && original instanceof AppError) {
      const fields = original.fieldProblems.length ? { fields: original.fieldProblems } : {};
      return withCode(graphQLError, original.code, original.message, fields);
    }
    if (graphQLError && original instanceof PothosValidationError) {
      return withCode(graphQLError, 'VALIDATION_FAILED', original.message);
    }
    // Parse, validation and variable errors: written for clients already. A
    // variable that does not fit its type is invalid input like any other.
    if (graphQLError && (!original || original instanceof GraphQLError)) {
      return graphQLError.extensions?.code ? graphQLError : withCode(graphQLError, 'VALIDATION_FAILED', graphQLError.message, graphQLError.extensions);
    }
    if (isTransientConnectionError(original)) {
      logger.warn('database unavailable for a request', { error: (original as Error).message, path: graphQLError?.path });
      // The whole request failed (its token could not be checked) or a root
      // field did: HTTP says so too. A deeper field fails alone, in a 200.
      const whole = !graphQLError?.path || graphQLError.path.length === 1;
      const http = { headers: { 'Retry-After': String(unavailableRetryAfterSeconds) }, ...(whole ? { status: 503 } : {}) };
      return withCode(graphQLError ?? new GraphQLError(''), 'UNAVAILABLE', 'The database is unavailable; retry in a few seconds.', { http });
    }
    logger.error('unexpected error while executing a GraphQL operation', {
      error: original instanceof Error ? original : new Error(String(original)),
      path: graphQLError?.path,
    });
    const masked = new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    return graphQLError ? withCode(graphQLError, 'INTERNAL_SERVER_ERROR', 'Unexpected error.') : masked;
  };
}
