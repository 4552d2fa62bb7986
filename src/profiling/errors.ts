/** One error type for everything the profiler rejects, with a code callers can branch on. */
export type ProfilingErrorCode =
  | 'FILE_NOT_FOUND'
  | 'EMPTY_FILE'
  | 'NOT_TABULAR'
  | 'RAGGED_ROWS'
  | 'ENCODING'
  | 'MALFORMED'
  | 'TOO_WIDE'
  | 'ENGINE';

export class ProfilingError extends Error {
  override readonly name = 'ProfilingError';
  constructor(
    readonly code: ProfilingErrorCode,
    message: string,
    /** 1-based line in the file, when the problem has one. */
    readonly line: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
