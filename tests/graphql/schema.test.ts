// The checked-in schema.graphql and the generated typed documents are what the
// code produces, and the schema shows every seed column but no secret.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import codegenConfig from '../../codegen.js';
import { printedSchema, schema } from '../../src/graphql/schema.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('schema.graphql', () => {
  it('is the schema the code builds (run `npm run schema` after changing it)', async () => {
    expect(await readFile(path.join(root, 'schema.graphql'), 'utf8')).toBe(printedSchema());
  });

  it('exposes every column of the seed models, camel-cased, and never password_hash or file_path', () => {
    const fields = (type: string) => {
      const t = schema.getType(type);
      if (!isObjectType(t)) throw new Error(`${type} is not an object type`);
      return Object.keys(t.getFields()).sort();
    };
    expect(fields('User')).toEqual(['createdAt', 'email', 'fullName', 'id', 'invitations', 'isActive', 'updatedAt', 'workspaces']);
    expect(fields('Workspace')).toEqual([
      'createdAt',
      'datasets',
      'id',
      'invitations',
      'members',
      'name',
      'owner',
      'updatedAt',
      'viewerRole',
    ]);
    expect(fields('WorkspaceMember')).toEqual(['createdAt', 'id', 'role', 'updatedAt', 'user', 'workspace']);
    expect(fields('Dataset')).toEqual(
      [
        ...[
          'analyses',
          'columnCount',
          'createdAt',
          'fileSize',
          'id',
          'name',
          'rowCount',
          'status',
          'updatedAt',
          'uploadedAt',
          'uploader',
          'workspace',
        ],
        // What the upload found, beyond the seed.
        ...['columns', 'format', 'latestAnalysis', 'originalFilename', 'sha256'],
        // Its uploads, kept as versions, and its metrics over its analyses.
        ...['history', 'latestVersion', 'versions'],
      ].sort(),
    );
    expect(fields('DatasetVersion')).toEqual(
      [
        'analyses',
        'columnCount',
        'columns',
        'dataset',
        'fileSize',
        'format',
        'id',
        'originalFilename',
        'rowCount',
        'sha256',
        'uploadedAt',
        'uploader',
        'version',
      ].sort(),
    );
    expect(fields('Analysis')).toEqual(
      [
        ...[
          'columnProfiles',
          'completedAt',
          'createdAt',
          'dataset',
          'errorMessage',
          'goalType',
          'id',
          'insights',
          'qualityScore',
          'startedAt',
          'status',
          'updatedAt',
        ],
        // How it runs and what its score is made of, beyond the seed.
        ...['attempts', 'cancelledAt', 'missingValueMarkers', 'progress', 'sampleLimit', 'scoreBreakdown', 'targetColumn'],
        // The profile's dataset-level facts.
        ...['correlations', 'duplicateRows'],
        // The dataset version it analysed.
        'datasetVersion',
      ].sort(),
    );
    expect(fields('ColumnProfile')).toEqual(
      [
        'analysis',
        'columnName',
        'dataType',
        'distribution',
        'distributionData',
        'id',
        'maxValue',
        'mean',
        'median',
        'minValue',
        'nullCount',
        'uniqueCount',
      ].sort(),
    );
    expect(fields('Insight')).toEqual(
      [
        ...['analysis', 'codeSuggestion', 'createdAt', 'description', 'id', 'recommendation', 'severity', 'type'],
        ...['affectedRows', 'code', 'columnName', 'cost', 'evidence'],
      ].sort(),
    );
    expect(printedSchema()).not.toMatch(/passwordHash|password_hash|filePath|tokenHash/i);
  });
});

describe('generated typed documents', () => {
  it('are up to date with schema.graphql and the documents in tests (run `npm run codegen`)', async () => {
    const outputs = await generate({ ...codegenConfig, cwd: root, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const onDisk = await readFile(path.resolve(root, output.filename), 'utf8');
      expect(onDisk, output.filename).toBe(output.content);
    }
  });
});
