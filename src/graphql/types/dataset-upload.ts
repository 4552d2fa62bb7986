// Uploading a dataset, or a new version of one: the file arrives as a part of
// a multipart request (src/datasets/uploads/streaming-uploads.ts has already
// streamed it into storage), is read once to find its format, rows and
// columns, and becomes a PENDING dataset (its version 1) or the dataset's next
// version. A refused file is removed with the response.
import { GraphQLError } from 'graphql';
import { authorize, locate, requireViewer } from '../../auth/access.js';
import { datasetNameFrom } from '../../datasets/uploads/display-name.js';
import { inspectUpload } from '../../datasets/uploads/inspect-upload.js';
import { UploadedFile } from '../../datasets/uploads/uploaded-file.js';
import { addVersion, createDataset, type VersionFile } from '../../datasets/versions.js';
import { name } from '../../validation/fields.js';
import type { GraphQLContext } from '../context.js';
import { builder } from '../builder.js';
import type { DatasetColumnShape } from './dataset-column.js';
import { Dataset } from './dataset.js';
import { DatasetRef, DatasetVersionRef } from './refs.js';
import { Workspace } from './workspace.js';

builder.scalarType('File', {
  description: 'A file sent as a part of a multipart request (the GraphQL multipart request spec). Input only.',
  serialize: () => {
    throw new GraphQLError('File is an input-only scalar');
  },
  parseValue: (value) => {
    if (value instanceof UploadedFile) return value;
    throw new GraphQLError('File must be sent as a file part of a multipart/form-data request');
  },
  parseLiteral: () => {
    throw new GraphQLError('File must be sent as a file part of a multipart/form-data request');
  },
});

const formats = { csv: 'CSV', json: 'JSON', parquet: 'PARQUET' } as const;

/** The one way an upload is read: what the stored file is (refused with VALIDATION_FAILED when it cannot be a dataset). */
async function inspected(ctx: GraphQLContext, file: UploadedFile): Promise<VersionFile> {
  // With object storage, the local copy the upload kept (dropped with the response).
  const inspection = await ctx.storage.withLocalFile(file.stored.path, (localPath) => inspectUpload(localPath, ctx.uploadReader));
  const columns: DatasetColumnShape[] = inspection.columns.map(({ position, name, originalName }) => ({ position, name, originalName }));
  return {
    filePath: file.stored.path,
    fileSize: file.stored.size,
    sha256: file.stored.sha256,
    originalFilename: file.filename,
    fileFormat: formats[inspection.source.format],
    rowCount: inspection.rowCount,
    columnCount: inspection.columns.length,
    columns,
  };
}

const fileArg = 'The file, as a multipart part (at most MAX_UPLOAD_BYTES, 1 GiB by default).';

builder.mutationFields((t) => ({
  uploadDataset: t.field({
    type: DatasetRef,
    description:
      'Uploads a file (CSV/TSV with any common delimiter, JSON lines, a JSON array of objects, or Parquet) into a workspace as a new PENDING dataset, its version 1. Owners and editors only.',
    args: {
      workspaceId: t.arg.globalID({ for: Workspace, description: 'The workspace to upload into.' }),
      file: t.arg({ type: 'File', description: fileArg }),
      name: t.arg.string({ required: false, description: 'Defaults to the file name without its extension.', validate: { schema: name } }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = requireViewer(ctx);
      const { workspaceId } = await authorize(ctx, 'editData', 'Workspace', locate.workspace(Number(args.workspaceId.id)));
      const { file } = args;
      const dataset = await createDataset(ctx.prisma, {
        name: args.name ?? datasetNameFrom(file.filename),
        workspaceId,
        uploadedBy: viewer.id,
        file: await inspected(ctx, file),
      });
      file.claim();
      await ctx.analyses.events.publishToWorkspace({ kind: 'DATASET_CREATED', workspaceId, datasetId: dataset.id, analysisId: null });
      return dataset;
    },
  }),
  uploadDatasetVersion: t.field({
    type: DatasetVersionRef,
    description:
      'Uploads a new version of a dataset’s file (read, limited and refused exactly as uploadDataset’s): it becomes the latest version, whose file the dataset’s fields describe and new analyses read; earlier versions and their analyses are kept. Owners and editors only.',
    args: {
      datasetId: t.arg.globalID({ for: Dataset, description: 'The dataset the file is a new version of.' }),
      file: t.arg({ type: 'File', description: fileArg }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = requireViewer(ctx);
      const datasetId = Number(args.datasetId.id);
      const { workspaceId } = await authorize(ctx, 'editData', 'Dataset', locate.dataset(datasetId));
      const { file } = args;
      const version = await addVersion(ctx.prisma, datasetId, viewer.id, await inspected(ctx, file));
      file.claim();
      await ctx.analyses.events.publishToWorkspace({ kind: 'DATASET_UPDATED', workspaceId, datasetId, analysisId: null });
      return version;
    },
  }),
}));
