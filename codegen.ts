// GraphQL Code Generator: typed documents for the operations the project
// issues (the test suite's, and the example clients'), from the checked-in
// schema.graphql.
// `npm run codegen` writes them; a test fails when they are stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

/** The type of the JSON scalar, declared in every generated file (README, "Codegen scalars"). */
export const jsonValueType = 'type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };';

/** Every custom scalar of the schema, as a client should type it (README, "Codegen scalars"). */
export const scalars = {
  DateTime: 'string', // ISO 8601, UTC on output
  BigInt: 'number', // whole numbers up to 2^53 (file sizes)
  JSON: 'JsonValue', // distributionData, evidence.facts, candidateShares: declare JsonValue once (below)
  File: 'Blob | null', // uploads: null in the variables, the file in a multipart part
};

const client = (documents: string[], options: { documentMode?: 'string' } = {}) => ({
  documents,
  preset: 'client' as const,
  presetConfig: { fragmentMasking: false },
  plugins: [{ add: { content: jsonValueType } }],
  config: {
    scalars,
    // Codegen fails on a scalar left out of `scalars` instead of typing it `any`.
    strictScalars: true,
    enumsAsTypes: true,
    useTypeImports: true,
    // NodeNext resolution needs explicit .js extensions in relative imports.
    emitLegacyCommonJSImports: false,
    ...options,
  },
});

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'tests/gql/': client(['tests/**/*.ts', '!tests/gql/**']),
    'examples/gql/': client(['examples/**/*.ts', '!examples/gql/**']),
    // The web app sends each document's text as it is: no GraphQL runtime in the browser bundle.
    'web/src/gql/': client(['web/src/**/*.{ts,tsx}', '!web/src/gql/**'], { documentMode: 'string' }),
  },
};

export default config;
