/**
 * The view the SQL suggestions expect: `dataset`, one VARCHAR column per profiled column, named by the
 * profile's columnName (unique and non-empty even when the file's header is not). Columns are picked by
 * position, so duplicate or empty header cells cannot confuse it.
 */
import type { DatasetProfile } from '../../profiling/index.js';
import { DATASET_TABLE, ident, literal } from './sql.js';

export function datasetViewSql(profile: DatasetProfile, filePath: string = profile.source.path): string {
  const columns = profile.columns.map((c, i) => `CAST(#${i + 1} AS VARCHAR) AS ${ident(c.columnName)}`).join(', ');
  const { format, delimiter, hasHeader, encoding } = profile.source;
  const reader =
    format === 'csv'
      ? `read_csv(${literal(filePath)}, all_varchar = true, header = ${hasHeader !== false}, delim = ${literal(delimiter ?? ',')}, quote = '"', escape = '"', auto_detect = false, columns = {${profile.columns.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ')}}${encoding === 'latin-1' ? ", encoding = 'latin-1'" : ''})`
      : format === 'json'
        ? `read_json(${literal(filePath)}, format = 'auto')`
        : `read_parquet(${literal(filePath)})`;
  return `CREATE OR REPLACE VIEW ${DATASET_TABLE} AS SELECT ${columns} FROM ${reader}`;
}
