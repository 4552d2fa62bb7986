import os from 'node:os';
import type { ProfileOptions } from './types.js';

/** The tokens issue 6 lists; '' (an empty field) is always treated as missing in addition. */
export const DEFAULT_NULL_TOKENS = ['NA', 'N/A', 'null', 'NULL', 'NaN', 'None', '-', '?'] as const;

/**
 * The widest file profiled: 1,000 columns × 1,000 rows profile in about 44 s on
 * the development machine (one thread per analysis; wide files are the
 * profiler's slow case). Sums and ORs over every column are balanced trees
 * (engine/sql.ts balancedSql), within DuckDB's expression depth of 1,000.
 */
export const DEFAULT_MAX_COLUMNS = 1_000;

export type ResolvedProfileOptions = Required<Omit<ProfileOptions, 'onProgress' | 'nullTokens' | 'rowLimit'>> & {
  rowLimit: number | null;
  /** Always starts with '' so that an empty/absent field is token 0. */
  nullTokens: readonly string[];
  onProgress: NonNullable<ProfileOptions['onProgress']>;
};

export function resolveProfileOptions(options: ProfileOptions = {}): ResolvedProfileOptions {
  // Compared with trimmed cells, so compared trimmed themselves.
  const tokens = ['', ...(options.nullTokens ?? DEFAULT_NULL_TOKENS).map((token) => token.trim()).filter((token) => token !== '')];
  return {
    memoryLimit: options.memoryLimit ?? '1GB',
    tempDirectory: options.tempDirectory ?? os.tmpdir(),
    threads: options.threads ?? Math.max(1, os.availableParallelism()),
    exactRowLimit: options.exactRowLimit ?? 500_000,
    rowLimit: options.rowLimit ?? null,
    inferenceSampleRows: options.inferenceSampleRows ?? 5_000,
    patternSampleRows: options.patternSampleRows ?? 20_000,
    nullTokens: [...new Set(tokens)],
    typeThreshold: options.typeThreshold ?? 0.9,
    semanticThreshold: options.semanticThreshold ?? 0.8,
    categoricalMaxDistinct: options.categoricalMaxDistinct ?? 50,
    histogramBins: options.histogramBins ?? 20,
    topValuesLimit: options.topValuesLimit ?? 10,
    patternsLimit: options.patternsLimit ?? 10,
    maxColumns: options.maxColumns ?? DEFAULT_MAX_COLUMNS,
    maxCorrelationColumns: options.maxCorrelationColumns ?? 12,
    maxCorrelationPairs: options.maxCorrelationPairs ?? 20,
    onProgress: options.onProgress ?? (() => {}),
  };
}
