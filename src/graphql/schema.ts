// Imports every node type (each registers itself with the builder) and builds the schema.
import { isObjectType, lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';
import { encodeGlobalID, nodeTypes } from './global-ids.js';
import './types/enums.js';
import './types/refs.js';
import './types/user.js';
import './types/workspace.js';
import './types/workspace-member.js';
import './types/workspace-invitation.js';
import './types/account.js';
import './types/dataset.js';
import './types/dataset-upload.js';
import './types/analysis.js';
import './types/analysis-runs.js';
import './types/column-profile.js';
import './types/insight.js';

export const schema = builder.toSchema();

// The relay plugin resolves every node's `id` through an async wrapper: a
// promise per object, which on a large page costs more than the data. The
// same encoding, synchronously.
for (const typename of nodeTypes) {
  const type = schema.getType(typename);
  if (!isObjectType(type)) throw new Error(`${typename} is not an object type`);
  type.getFields().id!.resolve = (row: { id: number }) => encodeGlobalID(typename, row.id);
}

/** The SDL checked in as schema.graphql: sorted, so diffs show real changes only. */
export const printedSchema = () => printSchema(lexicographicSortSchema(schema)) + '\n';
