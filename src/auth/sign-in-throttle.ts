// Repeated failed sign-ins for one email or one client address are refused for
// a while: after `maxFailures` failures within `lockoutSeconds`, that key is
// blocked for `lockoutSeconds`. Kept in PostgreSQL so every server instance
// shares the count.
import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';

export type ThrottleSettings = { maxFailedSignIns: number; lockoutSeconds: number };

export const throttleKeys = (email: string, clientAddress: string | undefined) =>
  [`email:${email}`, ...(clientAddress ? [`address:${clientAddress}`] : [])];

export async function refuseIfBlocked(prisma: Db, keys: string[]): Promise<void> {
  const blocked = await prisma.signInThrottle.findFirst({
    where: { key: { in: keys }, blockedUntil: { gt: new Date() } },
    orderBy: { blockedUntil: 'desc' },
  });
  if (blocked?.blockedUntil) {
    const minutes = Math.max(1, Math.ceil((blocked.blockedUntil.getTime() - Date.now()) / 60_000));
    throw new AppError('RATE_LIMITED', `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
  }
}

export async function recordFailure(prisma: Db, keys: string[], settings: ThrottleSettings): Promise<void> {
  for (const key of keys) {
    // One atomic statement per key: concurrent failures all count.
    await prisma.$executeRaw`
      INSERT INTO "sign_in_throttles" ("key", "failures", "window_started_at")
      VALUES (${key}, 1, now())
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "sign_in_throttles"."window_started_at" < now() - make_interval(secs => ${settings.lockoutSeconds})
                          THEN 1 ELSE "sign_in_throttles"."failures" + 1 END,
        "window_started_at" = CASE WHEN "sign_in_throttles"."window_started_at" < now() - make_interval(secs => ${settings.lockoutSeconds})
                                   THEN now() ELSE "sign_in_throttles"."window_started_at" END,
        "blocked_until" = CASE WHEN "sign_in_throttles"."window_started_at" >= now() - make_interval(secs => ${settings.lockoutSeconds})
                                AND "sign_in_throttles"."failures" + 1 >= ${settings.maxFailedSignIns}
                               THEN now() + make_interval(secs => ${settings.lockoutSeconds})
                               ELSE "sign_in_throttles"."blocked_until" END`;
  }
}

export async function forgetFailures(prisma: Db, email: string): Promise<void> {
  await prisma.signInThrottle.deleteMany({ where: { key: `email:${email}` } });
}
