// The API's error model on the wire: a deliberate failure keeps its message and
// carries `extensions.code` (and `extensions.fields` for invalid input); any
// other error is a bug, logged in full and shown to clients as a bare
// INTERNAL_SERVER_ERROR.
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
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
    logger.error('unexpected error while executing a GraphQL operation', {
      error: original instanceof Error ? original : new Error(String(original)),
      path: graphQLError?.path,
    });
    const masked = new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    return graphQLError ? withCode(graphQLError, 'INTERNAL_SERVER_ERROR', 'Unexpected error.') : masked;
  };
}
