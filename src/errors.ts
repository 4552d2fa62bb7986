// The one error model of the API. Every deliberate failure is an AppError with
// a code a client can switch on; anything else is a bug, masked for clients and
// logged in full.
export const errorCodes = ['NOT_FOUND', 'FORBIDDEN', 'VALIDATION_FAILED', 'CONFLICT', 'UNAUTHENTICATED', 'RATE_LIMITED'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type FieldProblem = { path: string[]; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For VALIDATION_FAILED: every failing field with its path and reason. */
    readonly fieldProblems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}
