// A version of a dataset: one uploaded file, with what its upload found in it
// and the analyses run on it.
import type { Analysis } from '../../generated/prisma/client.js';
import { trusted } from '../../db/sql.js';
import { builder } from '../builder.js';
import { loadPage, type RelationSpec } from '../loading/connections.js';
import { models } from '../loading/models.js';
import { loadRelated, loadVisibleNodes } from '../loading/records.js';
import { connectionOf, pageArgs } from '../pagination.js';
import { DatasetColumn, datasetColumns } from './dataset-column.js';
import { AnalysisFilter, type AnalysisFilterShape, analysesNewestFirst, analysisFilterConditions } from './dataset.js';
import { DatasetFormatEnum } from './enums.js';
import { AnalysisRef, DatasetRef, DatasetVersionRef, UserRef } from './refs.js';

const versionAnalyses: RelationSpec<Analysis, AnalysisFilterShape | null> = {
  name: 'DatasetVersion.analyses',
  from: trusted('analyses t'),
  model: models.Analysis,
  parentColumn: 't.dataset_version_id',
  orders: analysesNewestFirst,
  conditions: analysisFilterConditions,
};

export const DatasetVersion = builder.node(DatasetVersionRef, {
  description:
    'One uploaded file of a dataset: version 1 is the upload that created it, each uploadDatasetVersion adds the next. Its file stays stored, with its analyses, until the dataset is deleted.',
  id: { resolve: (version) => version.id },
  loadMany: loadVisibleNodes('DatasetVersion'),
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'Its number: 1, 2, … in upload order within its dataset.' }),
    fileSize: t.expose('fileSize', { type: 'BigInt', description: 'Size of the uploaded file in bytes.' }),
    sha256: t.exposeString('sha256', {
      nullable: true,
      description:
        'SHA-256 of the uploaded bytes, 64 hex digits (the same file uploaded again has the same hash); null for a version 1 of a dataset uploaded before hashes were recorded.',
    }),
    originalFilename: t.exposeString('originalFilename', {
      nullable: true,
      description:
        'The name the file had on the uploader’s machine (sanitised; display only); null for datasets uploaded before it was recorded.',
    }),
    format: t.expose('fileFormat', {
      type: DatasetFormatEnum,
      nullable: true,
      description: 'Detected from the content at upload; null for datasets uploaded before it was recorded.',
    }),
    rowCount: t.exposeInt('rowCount', {
      nullable: true,
      description: 'Data rows (the header is not one), counted at upload; null for datasets uploaded before they were counted.',
    }),
    columnCount: t.exposeInt('columnCount', {
      nullable: true,
      description: 'Columns found at upload; null for datasets uploaded before they were counted.',
    }),
    columns: t.field({
      type: [DatasetColumn],
      nullable: true,
      description:
        'The columns found at upload, in file order, with the names analyses use; null for datasets uploaded before they were recorded.',
      resolve: (version) => datasetColumns(version.columns),
    }),
    uploader: t.field({
      type: UserRef,
      description: 'Who uploaded this version.',
      resolve: (version, _args, ctx) => loadRelated(ctx, 'User', version.uploadedBy),
    }),
    uploadedAt: t.expose('uploadedAt', { type: 'DateTime', description: 'When its upload finished.' }),
    dataset: t.field({
      type: DatasetRef,
      description: 'The dataset it is a version of.',
      resolve: (version, _args, ctx) => loadRelated(ctx, 'Dataset', version.datasetId),
    }),
    analyses: t.connection(
      {
        type: AnalysisRef,
        description: 'Analyses of this version’s file, newest first.',
        validate: pageArgs,
        args: { filter: t.arg({ type: AnalysisFilter, required: false, description: 'Only analyses matching every condition given.' }) },
        resolve: (version, { filter, ...args }, ctx, info) =>
          loadPage(ctx, versionAnalyses, version.id, args, { filter: filter ?? null, info }),
      },
      // Its own connection type names: Dataset.analyses already has AnalysisConnection.
      ...connectionOf('DatasetVersionAnalysis', 'analyses of a dataset version'),
    ),
  }),
});
