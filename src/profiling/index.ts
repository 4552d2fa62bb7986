/** Public API of the profiler: a plain library (no Prisma, no GraphQL). */
export { profileFile } from './profile-file.js';
export { inspectFile, type FileInspection, type InspectedColumn } from './inspect-file.js';
export { describeSource, type SourceDescription } from './source-info.js';
export { ProfilingError, type ProfilingErrorCode } from './errors.js';
export { DEFAULT_NULL_TOKENS, resolveProfileOptions } from './options.js';
export * from './distribution-schema.js';
export type * from './types.js';
export { renderProfileTable } from './report/text-report.js';
export * from './dataset-facts-schema.js';
