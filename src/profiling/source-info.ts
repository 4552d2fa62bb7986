/**
 * How a file is written (format, encoding, CSV delimiter and header), found exactly as profileFile and
 * inspectFile find it (same detection, same dialect sniffing) from the file's first MiB, without reading the
 * rest or starting DuckDB. What the `dataset` view over a stored file needs beside the column names.
 */
import { resolveProfileOptions } from './options.js';
import { sniffCsvDialect } from './reader/csv-dialect.js';
import { detectFile } from './reader/file-format.js';
import type { SourceFileInfo } from './types.js';

export interface SourceDescription {
  source: SourceFileInfo;
  /** CSV: the header's cells as written (generated names without a header); null for JSON and Parquet (their readers know). */
  header: string[] | null;
}

export async function describeSource(path: string): Promise<SourceDescription> {
  const file = await detectFile(path);
  const source: SourceFileInfo = {
    path,
    format: file.format,
    sizeBytes: file.sizeBytes,
    encoding: file.encoding,
    delimiter: null,
    hasHeader: null,
  };
  if (file.format !== 'csv') return { source, header: null };
  const dialect = sniffCsvDialect(file.headText, file.headIsWholeFile, resolveProfileOptions().inferenceSampleRows);
  return { source: { ...source, delimiter: dialect.delimiter, hasHeader: dialect.hasHeader }, header: dialect.header };
}
