/** One error type for everything the profiler rejects, with a code callers can branch on. */
export const profilingErrorCodes = [
  'FILE_NOT_FOUND',
  'EMPTY_FILE',
  'NOT_TABULAR',
  'RAGGED_ROWS',
  'ENCODING',
  'MALFORMED',
  'TOO_WIDE',
  'ENGINE',
] as const;
export type ProfilingErrorCode = (typeof profilingErrorCodes)[number];

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

/**
 * A ProfilingError as plain data, for crossing a process boundary (the
 * profiler's child process, src/analyses/profile-child.ts). IPC copies data,
 * not classes: an Error sent as it is arrives without its class, and with
 * Node's default JSON serialization without its message. `cause` stays behind
 * (it may be anything, a DuckDB error with native state included).
 */
export type SerializedProfilingError = { code: ProfilingErrorCode; message: string; line: number | null };

export function serializeProfilingError(error: ProfilingError): SerializedProfilingError {
  return { code: error.code, message: error.message, line: error.line };
}

/** Whether a value that crossed a process boundary is a SerializedProfilingError. */
export function isSerializedProfilingError(value: unknown): value is SerializedProfilingError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message, line } = value as Record<string, unknown>;
  return (
    (profilingErrorCodes as readonly unknown[]).includes(code) &&
    typeof message === 'string' &&
    (line === null || (typeof line === 'number' && Number.isSafeInteger(line) && line >= 1))
  );
}

/** The ProfilingError again, on the other side of the boundary. */
export function deserializeProfilingError(data: SerializedProfilingError): ProfilingError {
  if (!isSerializedProfilingError(data)) throw new TypeError(`Not a serialized ProfilingError: ${JSON.stringify(data)?.slice(0, 200)}`);
  return new ProfilingError(data.code, data.message, data.line);
}
