/**
 * inspectFile: the cheap first read of a file, done when it is uploaded. It reads the file exactly as
 * profileFile will (same detection, same dialect, same strict reader), so a file it accepts is one the
 * profiler can read, and a file it refuses fails here with the profiler's own error. It counts rows and
 * names columns; it computes no statistics.
 */
import { DuckDBSession } from './engine/duckdb-session.js';
import { ProfilingError } from './errors.js';
import { safeColumnNames } from './inference/column-plan.js';
import { resolveProfileOptions } from './options.js';
import { detectFile } from './reader/file-format.js';
import { openSourceRelation, refuseTooWide, sourceFileInfo, translateReadError } from './reader/source-relation.js';
import type { ProfileOptions, SourceFileInfo } from './types.js';

export interface InspectedColumn {
  /** 0-based position in the file. */
  position: number;
  /** The header cell exactly as written. */
  originalName: string;
  /** The name the profile will use: empty names become column_N, repeats get _2, _3, … */
  name: string;
}

export interface FileInspection {
  source: SourceFileInfo;
  rowCount: number;
  columns: InspectedColumn[];
}

export async function inspectFile(
  path: string,
  options: Pick<ProfileOptions, 'memoryLimit' | 'tempDirectory' | 'threads' | 'maxColumns'> = {},
): Promise<FileInspection> {
  const resolved = resolveProfileOptions(options);
  const file = await detectFile(path);
  const session = await DuckDBSession.open(resolved);
  try {
    const source = await openSourceRelation(session, file, resolved.inferenceSampleRows);
    refuseTooWide(source, resolved.maxColumns);
    // count(*) still tokenises every record in strict mode, so ragged rows, bad encoding and
    // unterminated quotes anywhere in the file are found now rather than during the analysis.
    const { rows } = await session.one(`SELECT count(*)::BIGINT AS rows FROM ${source.fromSql}`, [path]).catch((error: unknown) => {
      throw translateReadError(error);
    });
    const rowCount = Number(rows);
    if (rowCount === 0) {
      throw new ProfilingError('EMPTY_FILE', source.hasHeader ? 'The file has a header but no data rows' : 'The file holds no records');
    }
    const names = safeColumnNames(source.names);
    return {
      source: sourceFileInfo(path, file, source),
      rowCount,
      columns: source.names.map((originalName, position) => ({ position, originalName, name: names[position]! })),
    };
  } finally {
    session.close();
  }
}
