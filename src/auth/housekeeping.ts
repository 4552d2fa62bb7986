// Sessions and sign-in throttles that can no longer matter are deleted on a
// schedule, so the tables hold live state rather than history.
import type { Db } from '../db/client.js';

const dayMs = 86_400_000;

export async function purgeStaleAuthRecords(prisma: Db, settings: { lockoutSeconds: number }, now = new Date()) {
  // A day's grace keeps just-ended sessions around for support questions.
  const dayAgo = new Date(now.getTime() - dayMs);
  const sessions = await prisma.session.deleteMany({ where: { OR: [{ expiresAt: { lt: dayAgo } }, { revokedAt: { lt: dayAgo } }] } });
  const windowStart = new Date(now.getTime() - settings.lockoutSeconds * 1000);
  const throttles = await prisma.signInThrottle.deleteMany({
    where: { windowStartedAt: { lt: windowStart }, OR: [{ blockedUntil: null }, { blockedUntil: { lt: now } }] },
  });
  return { sessions: sessions.count, throttles: throttles.count };
}
