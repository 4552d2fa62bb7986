export type InsightsErrorCode = 'UNKNOWN_TARGET_COLUMN' | 'UNKNOWN_GOAL';

/** An analysis request that cannot be carried out as asked (the profile itself is never the problem). */
export class InsightsError extends Error {
  constructor(
    readonly code: InsightsErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'InsightsError';
  }
}
