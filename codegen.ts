// GraphQL Code Generator: typed documents for the operations the project
// issues (the test suite's, today), from the checked-in schema.graphql.
// `npm run codegen` writes them; a test fails when they are stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['tests/**/*.ts', '!tests/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'tests/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: 'string', JSON: 'unknown', BigInt: 'number' },
        enumsAsTypes: true,
        useTypeImports: true,
        // NodeNext resolution needs explicit .js extensions in relative imports.
        emitLegacyCommonJSImports: false,
      },
    },
  },
};

export default config;
