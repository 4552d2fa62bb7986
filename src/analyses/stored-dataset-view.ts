// What datasetViewSql needs of a completed analysis' profile, rebuilt from what
// is stored: the column names from its column_profiles rows (written in file
// order), and how the file is written (format, encoding, CSV delimiter and
// header) detected again from the stored file by the profiler's own detection
// (describeSource). A stored file is never rewritten, so the detection finds
// what the analysis found; the format kept at upload and the column count
// are checked against it all the same.
import { stat } from 'node:fs/promises';
import { AppError } from '../errors.js';
import type { DatasetFormat } from '../generated/prisma/client.js';
import type { DatasetViewProfile } from '../insights/index.js';
import { describeSource, ProfilingError } from '../profiling/index.js';

const fileGone = () =>
  new AppError('NOT_FOUND', 'The dataset’s file is no longer in storage, so its rows cannot be read; upload the file again.');

export async function storedDatasetView(
  localPath: string,
  stored: { fileFormat: DatasetFormat | null; columnNames: readonly string[] },
): Promise<DatasetViewProfile> {
  const info = await stat(localPath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (!info?.isFile()) throw fileGone();
  const { source, header } = await describeSource(localPath).catch((error: unknown) => {
    if (error instanceof ProfilingError && error.code === 'FILE_NOT_FOUND') throw fileGone();
    throw error;
  });
  const mismatch = (what: string) =>
    new AppError('CONFLICT', `The dataset’s file no longer reads as this analysis read it (${what}); run a new analysis of it.`);
  if (stored.fileFormat && stored.fileFormat.toLowerCase() !== source.format) {
    throw mismatch(`${source.format}, stored as ${stored.fileFormat.toLowerCase()}`);
  }
  if (stored.columnNames.length === 0) throw mismatch('no column profiles');
  if (header && header.length !== stored.columnNames.length) {
    throw mismatch(`${header.length} columns, ${stored.columnNames.length} profiled`);
  }
  return { source, columns: stored.columnNames.map((columnName) => ({ columnName })) };
}
