// The schema builder and its plugins, nothing else (the Pothos complex-app shape).
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import ZodPlugin from '@pothos/plugin-zod';
import { Kind } from 'graphql';
import type { ZodError } from 'zod';
import type { UploadedFile } from '../datasets/uploads/uploaded-file.js';
import { AppError } from '../errors.js';
import type { GraphQLContext } from './context.js';
import { refusal } from './errors.js';
import { decodeGlobalID } from './global-ids.js';

export const pageSize = { default: 20, max: 100 } as const;

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  // Every connection carries a batched totalCount (src/graphql/loading/connections.ts).
  Connection: { totalCount: () => Promise<number> };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    BigInt: { Input: bigint; Output: bigint | number };
    File: { Input: UploadedFile; Output: never };
  };
}>({
  // Node types are plain Pothos objects over Prisma's model types, read by the
  // batch loaders in src/graphql/loading (plugin-prisma cannot limit a
  // relation page per parent; see README, "Loading").
  plugins: [RelayPlugin, ZodPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    decodeGlobalID,
    // The parts every connection and node shares, described once.
    nodeTypeOptions: { description: 'An object with a global ID: any of them can be fetched again with `node(id:)`.' },
    idFieldOptions: { description: 'The global ID: opaque, stable, the same in every request; pass it to `node(id:)` and to mutations.' },
    nodeQueryOptions: {
      description: 'The object with this global ID, when the viewer may see it; null otherwise (also for an ID that never existed).',
      args: { id: { description: 'A global ID, as any `id` field returns it.' } },
    },
    nodesQueryOptions: {
      description: 'The objects with these global IDs, in the same order; null in place of each one the viewer may not see.',
      args: { ids: { description: 'Global IDs (at most 100).' } },
    },
    pageInfoTypeOptions: { description: 'Where a page is in its list: cursors to move on, and whether there is more.' },
    hasNextPageFieldOptions: { description: 'true when items follow this page (paging forward with `first`/`after`).' },
    hasPreviousPageFieldOptions: { description: 'true when items precede this page (paging back with `last`/`before`).' },
    startCursorFieldOptions: { description: "The first item's cursor (pass it as `before` for the previous page); null on an empty page." },
    endCursorFieldOptions: { description: "The last item's cursor (pass it as `after` for the next page); null on an empty page." },
    firstArgOptions: {
      description: `Forward paging: how many items from the start or after \`after\` (default ${pageSize.default}, at most ${pageSize.max}).`,
    },
    afterArgOptions: { description: 'Forward paging: start after the item with this cursor (an endCursor or edge cursor).' },
    lastArgOptions: {
      description: `Backward paging: how many items from the end or before \`before\` (default ${pageSize.default}, at most ${pageSize.max}).`,
    },
    beforeArgOptions: { description: 'Backward paging: end before the item with this cursor (a startCursor or edge cursor).' },
    edgesFieldOptions: { description: 'The items of this page, in the list order, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Cursors and whether more pages exist.' },
    cursorFieldOptions: { description: "This item's place in the list, for `after` or `before`; opaque." },
    nodeFieldOptions: { description: 'The item.' },
  },
  zod: {
    validationError: (error: ZodError) =>
      new AppError(
        'VALIDATION_FAILED',
        `Invalid input: ${error.issues.map((i) => `${i.path.join('.') || 'input'} ${i.message}`).join('; ')}`,
        error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      ),
  },
});

builder.queryType({});
builder.mutationType({});

// Scalars refuse input with an error of the model (never a bare Error, which
// graphql-js would reword): a variable that does not fit is VALIDATION_FAILED,
// graphql-js prefixing the message with 'Variable "$x" got invalid value …; ';
// a literal in the document is GRAPHQL_VALIDATION_FAILED, the code graphql-yoga
// gives every document that does not fit the schema.
builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 string with time zone (UTC on output).',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value as string).toISOString()),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (typeof value !== 'string' || Number.isNaN(date.getTime()))
      throw refusal('VALIDATION_FAILED', 'DateTime must be an ISO 8601 string');
    return date;
  },
});

builder.scalarType('JSON', {
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
});

builder.scalarType('BigInt', {
  description: 'A whole number that may exceed 32 bits, as a JSON number (exact up to 2^53).',
  serialize: (value) => {
    const number = Number(value);
    // Not the client's fault: a bug, masked as INTERNAL_SERVER_ERROR and logged
    // (graphql-tools' executor turns any serialize error into a plain Error anyway).
    if (!Number.isSafeInteger(number)) throw new Error('BigInt value exceeds 2^53');
    return number;
  },
  parseValue: (value) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw refusal('VALIDATION_FAILED', 'BigInt must be a whole number');
    return BigInt(value);
  },
  parseLiteral: (node) => {
    if (node.kind !== Kind.INT) throw refusal('GRAPHQL_VALIDATION_FAILED', 'BigInt must be a whole number');
    return BigInt(node.value);
  },
});
