// Imports every node type (each registers itself with the builder) and builds the schema.
import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';
import './types/enums.js';
import './types/refs.js';
import './types/user.js';
import './types/workspace.js';
import './types/workspace-member.js';
import './types/account.js';
import './types/dataset.js';
import './types/dataset-upload.js';
import './types/analysis.js';
import './types/analysis-runs.js';
import './types/column-profile.js';
import './types/insight.js';

export const schema = builder.toSchema();

/** The SDL checked in as schema.graphql: sorted, so diffs show real changes only. */
export const printedSchema = () => printSchema(lexicographicSortSchema(schema)) + '\n';
