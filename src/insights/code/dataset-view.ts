/**
 * The view the SQL suggestions expect: `dataset`, one VARCHAR column per profiled column, named by the
 * profile's columnName (unique and non-empty even when the file's header is not). Columns are picked by
 * position, so duplicate or empty header cells cannot confuse it.
 */
import type { ColumnProfile, DatasetProfile } from '../../profiling/index.js';
import { DATASET_TABLE, ident, literal } from './sql.js';

/** What the view needs of a profile: how the file is written, and the columns' names in file order. */
export type DatasetViewProfile = Pick<DatasetProfile, 'source'> & { columns: readonly Pick<ColumnProfile, 'columnName'>[] };

/** The view's query: the file's cells as text, one column per profiled column (for a view or a table of one's own). */
export function datasetSelectSql(profile: DatasetViewProfile, filePath: string = profile.source.path): string {
  const columns = profile.columns.map((c, i) => `CAST(#${i + 1} AS VARCHAR) AS ${ident(c.columnName)}`).join(', ');
  const { format, delimiter, hasHeader, encoding } = profile.source;
  const reader =
    format === 'csv'
      ? `read_csv(${literal(filePath)}, all_varchar = true, header = ${hasHeader !== false}, delim = ${literal(delimiter ?? ',')}, quote = '"', escape = '"', auto_detect = false, columns = {${profile.columns.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ')}}${encoding === 'latin-1' ? ", encoding = 'latin-1'" : ''})`
      : format === 'json'
        ? `read_json(${literal(filePath)}, format = 'auto')`
        : `read_parquet(${literal(filePath)})`;
  return `SELECT ${columns} FROM ${reader}`;
}

export function datasetViewSql(profile: DatasetViewProfile, filePath: string = profile.source.path): string {
  return `CREATE OR REPLACE VIEW ${DATASET_TABLE} AS ${datasetSelectSql(profile, filePath)}`;
}
