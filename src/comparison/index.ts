/**
 * Public API of the comparison library: two analyses of a dataset compared (schema diff, per-column drift with
 * the test fitting each type, score and insight deltas). compareProfiles is pure; compareFiles reads the two
 * files again with DuckDB for exact statistics.
 */
export { compareProfiles, parseComparableAnalysis, toComparableAnalysis } from './compare-profiles.js';
export { compareFiles, type CompareFilesOptions } from './compare-files.js';
export { ComparisonError, type ComparisonErrorCode } from './errors.js';
export { renderComparisonText } from './text-report.js';
export * from './schemas.js';
