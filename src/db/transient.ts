// Which database failures are worth retrying, and the backoff to retry them with.

// PostgreSQL SQLSTATEs meaning "the server is (re)starting or the link broke",
// and Node's socket errors for the same.
const transientSqlStates = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const transientSocketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH']);
// Prisma's codes for the same: can't reach the server, timed out, connection closed.
const transientPrismaCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017']);

export function isTransientConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (transientSqlStates.has(code) || transientSocketCodes.has(code) || transientPrismaCodes.has(code)))
    return true;
  if (error instanceof AggregateError) return error.errors.some(isTransientConnectionError);
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database server/i.test(
    error.message,
  );
}

export type Backoff = { attempts: number; initialDelayMs: number; maxDelayMs: number };

export const defaultBackoff: Backoff = { attempts: 4, initialDelayMs: 100, maxDelayMs: 2_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work`, retrying with exponential backoff (and jitter) while `shouldRetry`
 * says the failure is transient. Only for work that is safe to repeat.
 */
export async function withRetry<T>(
  work: (attempt: number) => Promise<T>,
  shouldRetry: (error: unknown) => boolean = isTransientConnectionError,
  backoff: Backoff = defaultBackoff,
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (attempt >= backoff.attempts || !shouldRetry(error)) throw error;
      const base = Math.min(backoff.maxDelayMs, backoff.initialDelayMs * 2 ** (attempt - 1));
      const delayMs = Math.round(base / 2 + Math.random() * (base / 2));
      onRetry?.(error, attempt, delayMs);
      await sleep(delayMs);
    }
  }
}
