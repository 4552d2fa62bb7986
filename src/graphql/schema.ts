// Imports every node type (each registers itself with the builder) and builds the schema.
import { isIntrospectionType, isObjectType, isSpecifiedScalarType, printType } from 'graphql';
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
import './types/dataset-version.js';
import './types/dataset-upload.js';
import './types/dataset-history.js';
import './types/analysis.js';
import './types/analysis-runs.js';
import './types/column-profile.js';
import './types/insight.js';
import './types/insight-affected-rows.js';
import './types/analysis-comparison.js';
import './types/workspace-events.js';

// Unsorted: fields and enum values keep their declared order (see printedSchema).
export const schema = builder.toSchema({ sortSchema: false });

// The relay plugin resolves every node's `id` through an async wrapper: a
// promise per object, which on a large page costs more than the data. The
// same encoding, synchronously.
for (const typename of nodeTypes) {
  const type = schema.getType(typename);
  if (!isObjectType(type)) throw new Error(`${typename} is not an object type`);
  type.getFields().id!.resolve = (row: { id: number }) => encodeGlobalID(typename, row.id);
}

/**
 * The SDL checked in as schema.graphql: types sorted by name, so diffs show real
 * changes only; fields and enum values in their declared order, which is the
 * order introspection (GraphiQL, codegen) shows: severities from CRITICAL down.
 */
export const printedSchema = () =>
  Object.values(schema.getTypeMap())
    .filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((type) => printType(type))
    .join('\n\n') + '\n';
