// A column as the upload found it. Header cells are user data: empty and
// repeated names are kept as written (originalName) and given the predictable
// name the profiler uses (column_3, price_2), which is what analyses report.
import { z } from 'zod';
import { builder } from '../builder.js';

export const datasetColumnSchema = z.object({ position: z.number().int(), name: z.string(), originalName: z.string() });
export type DatasetColumnShape = z.infer<typeof datasetColumnSchema>;

export const DatasetColumn = builder.objectRef<DatasetColumnShape>('DatasetColumn').implement({
  description: 'A column of the uploaded file: where it is, what its header says, and the name analyses give it.',
  fields: (t) => ({
    position: t.exposeInt('position', { description: '0-based position in the file.' }),
    name: t.exposeString('name', { description: 'Unique, non-empty: the name analyses use.' }),
    originalName: t.exposeString('originalName', { description: 'The header cell exactly as written.' }),
  }),
});

/** The stored JSON read back through its schema (null for datasets uploaded before columns were recorded). */
export function datasetColumns(json: unknown): DatasetColumnShape[] | null {
  return json == null ? null : z.array(datasetColumnSchema).parse(json);
}
