// The first read of an uploaded file: the same reader the analysis uses, so a
// file accepted here can be analysed, and a file it cannot read is refused now
// with the reader's own explanation (what was found, and where).
import { AppError } from '../../errors.js';
import { inspectFile, ProfilingError, type FileInspection, type ProfileOptions } from '../../profiling/index.js';

/** DuckDB's budget for the read: the same settings as the analyses' profiler (PROFILER_*). */
export type ReaderOptions = Pick<ProfileOptions, 'memoryLimit' | 'threads' | 'tempDirectory' | 'maxColumns'>;

const refusedCodes = new Set<ProfilingError['code']>(['EMPTY_FILE', 'NOT_TABULAR', 'RAGGED_ROWS', 'ENCODING', 'MALFORMED', 'TOO_WIDE']);

export async function inspectUpload(localPath: string, reader: ReaderOptions = {}): Promise<FileInspection> {
  try {
    return await inspectFile(localPath, reader);
  } catch (error) {
    if (error instanceof ProfilingError && refusedCodes.has(error.code)) {
      throw new AppError('VALIDATION_FAILED', `The file cannot be used as a dataset: ${error.message}`, [
        { path: ['file'], message: error.message },
      ]);
    }
    throw error;
  }
}
