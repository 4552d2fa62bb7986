export type ComparisonErrorCode = 'INVALID_ANALYSIS' | 'FILE_MISMATCH';

/** A comparison that cannot be made: an input of another shape, or a file that is not the analysed one. */
export class ComparisonError extends Error {
  constructor(
    readonly code: ComparisonErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ComparisonError';
  }
}
