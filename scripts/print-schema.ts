// npm run schema: writes the schema, sorted, to schema.graphql.
import { writeFile } from 'node:fs/promises';
import { printedSchema } from '../src/graphql/schema.js';

await writeFile(new URL('../schema.graphql', import.meta.url), printedSchema());
console.log('wrote schema.graphql');
