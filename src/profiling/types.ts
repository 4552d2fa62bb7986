/** Public, plain-object shape of a profile: what the CLI prints and the analysis service persists. */
import type { DistributionData, LogicalType, RowValue } from './distribution-schema.js';

export type FileFormat = 'csv' | 'json' | 'parquet';

export interface SourceFileInfo {
  path: string;
  format: FileFormat;
  sizeBytes: number;
  encoding: 'utf-8' | 'latin-1' | null;
  /** CSV only. */
  delimiter: string | null;
  hasHeader: boolean | null;
}

/** One column, mirroring the seed's ColumnProfile (column_name … distribution_data). */
export interface ColumnProfile {
  /** 0-based position in the file. */
  position: number;
  /** The header cell exactly as written (may be empty, duplicated, or contain anything). */
  originalName: string;
  /** Non-empty, unique within the dataset, at most 255 characters: safe to persist as column_name. */
  columnName: string;
  /** data_type: one of the logical types. */
  dataType: LogicalType;
  /** Missing values, null tokens included. Values that fail to parse are not missing (see typeConsistency). */
  nullCount: number;
  /** Distinct non-missing values (approximate above the exact row limit: see distributionData.uniqueness). */
  uniqueCount: number;
  /** At most 255 characters. */
  minValue: string | null;
  maxValue: string | null;
  /** Numeric columns (and the true share of boolean columns); null otherwise. */
  mean: number | null;
  median: number | null;
  distributionData: DistributionData;
}

export interface DuplicateRows {
  /** Rows identical to an earlier row (so removing them leaves one of each). */
  count: number;
  share: number;
  /** Up to five groups of identical rows, by first occurrence. */
  examples: { rows: number[]; count: number }[];
  /** Rows are compared by a 64-bit hash of all cells; a false match is vanishingly unlikely (~n²/2⁶⁵). */
  method: 'hash64';
}

export interface PearsonPair {
  columns: [string, string];
  coefficient: number;
  /** Rows where both values are present. */
  n: number;
}

export interface CramersVPair {
  columns: [string, string];
  cramersV: number;
  n: number;
}

export interface Correlations {
  pearson: PearsonPair[];
  cramersV: CramersVPair[];
  /** Which columns were eligible and how many were kept, so a truncated answer is visible. */
  numericColumnsConsidered: number;
  categoricalColumnsConsidered: number;
}

/** How many fields each row is missing (added by dataset/row-checks.ts; absent in older profiles). */
export interface RowMissingness {
  /** Rows per number of missing fields, ascending by missingFields; rows missing nothing included. */
  fieldsPerRow: { missingFields: number; rows: number }[];
  /** A row is mostly missing when at least this share of its fields is missing. */
  threshold: number;
  mostlyMissing: { count: number; share: number; examples: { row: number; missingFields: number }[] };
}

/**
 * Rows with several cells out of place: fields shifted or swapped (added by dataset/misaligned-rows.ts; absent
 * in older profiles). Counts are exact.
 */
export interface MisalignedRows {
  count: number;
  share: number;
  /** A row is misaligned from this many signals on (a row's missing cells count as one). */
  minimumSignals: number;
  /** A missing cell is out of place in a column missing in at most this share of rows. */
  rareMissingShare: number;
  /** The columns whose cells give each signal. */
  signals: {
    /** Values that do not parse as the column's type. */
    unparseable: string[];
    /** Values listed in the column's strayNumbers or foreignValues. */
    misplaced: string[];
    /** Missing cells, in columns rarely missing. */
    rareMissing: string[];
  };
  /** The first misaligned rows, with their out-of-place columns. */
  examples: { row: number; columns: string[] }[];
}

export interface DatasetProfile {
  /** Version of this object's shape; equals the distribution-data schema version it embeds. */
  version: number;
  source: SourceFileInfo;
  rowCount: number;
  columnCount: number;
  duplicateRows: DuplicateRows;
  /** columnName of every column that is complete and unique (could serve as a primary key). */
  candidateKeys: string[];
  correlations: Correlations;
  columns: ColumnProfile[];
  rowMissingness?: RowMissingness;
  misalignedRows?: MisalignedRows;
  /** Whether exact algorithms were used (row count ≤ exactRowLimit). */
  exact: boolean;
  /** The rowLimit the profile was taken with (rowCount then counts only those rows); null: the whole file. */
  rowLimit: number | null;
  timingsMs: Record<string, number>;
}

export interface ProfileProgress {
  phase: 'sniffing' | 'loading' | 'statistics' | 'distributions' | 'dataset' | 'done';
  /** 0–100 within the phase, when DuckDB reports it. */
  percent: number | null;
}

export interface ProfileOptions {
  /** DuckDB memory_limit, e.g. '1GB'. Work beyond it spills to tempDirectory. */
  memoryLimit?: string;
  /** Where DuckDB spills (and keeps its working database); defaults to os.tmpdir(). */
  tempDirectory?: string;
  /** DuckDB worker threads; defaults to the number of CPUs. */
  threads?: number;
  /** Up to this many rows distinct counts and quantiles are exact; above, sketches are used and flagged. */
  exactRowLimit?: number;
  /** Profile only the first this many data rows (row numbers stay the file's); default: every row. */
  rowLimit?: number | null;
  /** Rows read from the start of the file (CSV: at most its first MiB) to infer types, formats and semantic types. */
  inferenceSampleRows?: number;
  /** Rows sampled for patterns/top values of high-cardinality text columns above this size. */
  patternSampleRows?: number;
  /** Strings counted as missing (compared after trimming). '' (empty field) is always missing. */
  nullTokens?: readonly string[];
  /** Minimum share of sampled values that must parse as a type for the column to get it. */
  typeThreshold?: number;
  /** Minimum share of sampled values that must match a semantic type. */
  semanticThreshold?: number;
  /** A text column with at most this many distinct values (and repeated values) is categorical. */
  categoricalMaxDistinct?: number;
  histogramBins?: number;
  topValuesLimit?: number;
  patternsLimit?: number;
  /** Files with more columns are refused (TOO_WIDE) before any is read: the profile's cost grows faster than its width. */
  maxColumns?: number;
  /** Bounds on correlation work for wide files. */
  maxCorrelationColumns?: number;
  maxCorrelationPairs?: number;
  onProgress?: (progress: ProfileProgress) => void;
}

export type { DistributionData, LogicalType, RowValue };
