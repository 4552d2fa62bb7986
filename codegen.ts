// GraphQL Code Generator: typed documents for the operations the project
// issues (the test suite's, and the example clients'), from the checked-in
// schema.graphql.
// `npm run codegen` writes them; a test fails when they are stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const client = (documents: string[]) => ({
  documents,
  preset: 'client' as const,
  presetConfig: { fragmentMasking: false },
  config: {
    // File variables are sent as multipart parts; in the variables they are placeholders.
    scalars: { DateTime: 'string', JSON: 'unknown', BigInt: 'number', File: 'Blob | null' },
    enumsAsTypes: true,
    useTypeImports: true,
    // NodeNext resolution needs explicit .js extensions in relative imports.
    emitLegacyCommonJSImports: false,
  },
});

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'tests/gql/': client(['tests/**/*.ts', '!tests/gql/**']),
    'examples/gql/': client(['examples/**/*.ts', '!examples/gql/**']),
  },
};

export default config;
