// Attempts at a password (sign-in, or the current password of updateMe) and
// sign-ups are counted per key (an email, a client address) within a window of
// `lockoutSeconds`; past the limit, that key is refused for `lockoutSeconds`.
// Kept in PostgreSQL so every server instance shares the count.
//
// An attempt is counted *before* the password is checked, in the same
// statement that decides whether it may go ahead: twenty concurrent guesses
// take twenty numbers, and only those within the limit reach the password.
import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';

export type ThrottleSettings = {
  maxFailedSignIns: number;
  lockoutSeconds: number;
  /** Sign-ups from one client address per window. */
  maxSignUpsPerAddress: number;
};

export const throttleKeys = (email: string, clientAddress: string | undefined) => [
  `email:${email}`,
  ...(clientAddress ? [`address:${clientAddress}`] : []),
];

export const signUpKeys = (clientAddress: string | undefined) => (clientAddress ? [`sign-up:${clientAddress}`] : []);

/**
 * Counts one attempt against every key, or refuses with RATE_LIMITED (naming
 * `what` and when to try again) when a key is already over `max`. A key that
 * is blocked is not counted further.
 */
export async function takeAttempt(prisma: Db, keys: string[], limit: { max: number; windowSeconds: number }, what: string): Promise<void> {
  if (!keys.length) return;
  const [row] = await prisma.$queryRaw<{ blocked_until: Date | null }[]>`
    WITH already AS (
      SELECT max("blocked_until") AS until FROM "sign_in_throttles" WHERE "key" = ANY(${keys}::text[]) AND "blocked_until" > now()
    ), counted AS (
      INSERT INTO "sign_in_throttles" AS t ("key", "failures", "window_started_at")
      SELECT k, 1, now() FROM unnest(${keys}::text[]) AS k WHERE (SELECT until FROM already) IS NULL
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN t."window_started_at" < now() - make_interval(secs => ${limit.windowSeconds}) THEN 1 ELSE t."failures" + 1 END,
        "window_started_at" = CASE WHEN t."window_started_at" < now() - make_interval(secs => ${limit.windowSeconds}) THEN now() ELSE t."window_started_at" END,
        "blocked_until" = CASE
          WHEN t."blocked_until" > now() THEN t."blocked_until"
          WHEN t."window_started_at" >= now() - make_interval(secs => ${limit.windowSeconds}) AND t."failures" + 1 > ${limit.max}
            THEN now() + make_interval(secs => ${limit.windowSeconds})
          ELSE t."blocked_until" END
      RETURNING t."blocked_until"
    )
    SELECT greatest((SELECT until FROM already), (SELECT max("blocked_until") FROM counted WHERE "blocked_until" > now())) AS blocked_until`;
  if (row?.blocked_until) {
    const minutes = Math.max(1, Math.ceil((row.blocked_until.getTime() - Date.now()) / 60_000));
    throw new AppError('RATE_LIMITED', `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
  }
}

/** Gives back the attempt of a right password; wrong ones stay counted. */
export async function refundAttempt(prisma: Db, keys: string[]): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "sign_in_throttles" SET "failures" = greatest("failures" - 1, 0) WHERE "key" = ANY(${keys}::text[])`;
}
