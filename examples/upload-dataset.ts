// A typed client for uploadDataset: the operation's types come from GraphQL
// Code Generator (examples/gql, from schema.graphql), the file goes as a
// multipart request (the GraphQL multipart request spec) and is streamed from
// disk, never read whole into memory.
//
//   DATAINSIGHT_TOKEN=dip_… npx tsx examples/upload-dataset.ts http://localhost:4000/graphql <workspace id> data.csv
import type { ResultOf } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { openAsBlob } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { graphql } from './gql/index.js';

export const UploadDatasetDocument = graphql(`
  mutation UploadDataset($workspaceId: ID!, $file: File!, $name: String) {
    uploadDataset(workspaceId: $workspaceId, file: $file, name: $name) {
      id
      name
      originalFilename
      format
      fileSize
      sha256
      rowCount
      columnCount
      columns {
        position
        name
        originalName
      }
      status
      uploadedAt
    }
  }
`);

export type UploadedDataset = ResultOf<typeof UploadDatasetDocument>['uploadDataset'];

export class UploadFailed extends Error {
  constructor(
    readonly status: number,
    readonly errors: { message: string; extensions?: { code?: string } }[],
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  }
}

export async function uploadDataset(options: {
  endpoint: string;
  token: string;
  workspaceId: string;
  filePath: string;
  name?: string;
}): Promise<UploadedDataset> {
  const form = new FormData();
  const variables = { workspaceId: options.workspaceId, file: null, name: options.name ?? null };
  form.append('operations', JSON.stringify({ query: print(UploadDatasetDocument), variables }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', await openAsBlob(options.filePath), path.basename(options.filePath));
  const response = await fetch(options.endpoint, { method: 'POST', headers: { authorization: `Bearer ${options.token}` }, body: form });
  const result = (await response.json()) as { data?: ResultOf<typeof UploadDatasetDocument>; errors?: UploadFailed['errors'] };
  if (result.errors?.length || !result.data) throw new UploadFailed(response.status, result.errors ?? []);
  return result.data.uploadDataset;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [endpoint, workspaceId, filePath] = process.argv.slice(2);
  const token = process.env['DATAINSIGHT_TOKEN'];
  if (!endpoint || !workspaceId || !filePath || !token) {
    console.error('usage: DATAINSIGHT_TOKEN=… npx tsx examples/upload-dataset.ts <endpoint> <workspace id> <file>');
    process.exit(2);
  }
  uploadDataset({ endpoint, token, workspaceId, filePath }).then(
    (dataset) => console.log(JSON.stringify(dataset, null, 2)),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
