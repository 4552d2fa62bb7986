// Accounts and sessions: sign-up, sign-in, sign-out, who a bearer token is, and
// changes to one's own account. Access tokens are opaque random strings; the
// database keeps only their HMAC under the auth secret, so a leaked database
// holds no usable token, and revoking is deleting nothing but marking a row.
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import { queryRows, sql, type Queryable } from '../db/sql.js';
import { unitOfWork } from '../db/unit-of-work.js';
import { storedFilesOf } from '../datasets/remove-files.js';
import { AppError } from '../errors.js';
import type { Viewer } from './viewer.js';
import { weakPasswordReason } from '../validation/password-strength.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { refundAttempt, signUpKeys, takeAttempt, throttleKeys, type ThrottleSettings } from './sign-in-throttle.js';

export type AuthSettings = ThrottleSettings & { secret: string; tokenTtlSeconds: number };

export type SignedIn = { token: string; expiresAt: Date; userId: number };

/** The user a session stands for, as the API shows users (no password hash). */
export type SessionUser = { id: number; email: string; fullName: string; isActive: boolean; createdAt: Date; updatedAt: Date };

const tokenPrefix = 'dip_';

/** The one rule on a new password that needs the account: it must not be the email address. */
function refuseEmailAsPassword(password: string, email: string, field: string): void {
  const reason = weakPasswordReason(password, email);
  if (reason)
    throw new AppError('VALIDATION_FAILED', `Invalid input: input.${field} ${reason}`, [{ path: ['input', field], message: reason }]);
}

export class Accounts {
  private readonly prisma: Db;
  private readonly pool: Queryable;

  constructor(
    db: { prisma: Db; pool: Queryable },
    private readonly settings: AuthSettings,
  ) {
    this.prisma = db.prisma;
    this.pool = db.pool;
  }

  private get passwordLimit() {
    return { max: this.settings.maxFailedSignIns, windowSeconds: this.settings.lockoutSeconds };
  }

  private hash(token: string): string {
    return createHmac('sha256', this.settings.secret).update(token).digest('hex');
  }

  /** Starts a session for a user; the token is shown once, here. */
  async startSession(userId: number, db: Pick<Db, 'session'> = this.prisma): Promise<SignedIn> {
    const token = tokenPrefix + randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.settings.tokenTtlSeconds * 1000);
    await db.session.create({ data: { userId, tokenHash: this.hash(token), expiresAt } });
    return { token, expiresAt, userId };
  }

  async signUp(input: { email: string; password: string; fullName: string }, clientAddress: string | undefined): Promise<SignedIn> {
    // Invalid input is refused before it costs the address one of its sign-ups.
    refuseEmailAsPassword(input.password, input.email, 'password');
    await takeAttempt(
      this.prisma,
      signUpKeys(clientAddress),
      { max: this.settings.maxSignUpsPerAddress, windowSeconds: this.settings.lockoutSeconds },
      'sign-ups from this address',
    );
    const passwordHash = await hashPassword(input.password);
    return unitOfWork(this.prisma, async (tx) => {
      const user = await tx.user.create({ data: { email: input.email, fullName: input.fullName, passwordHash } });
      return this.startSession(user.id, tx);
    });
  }

  async logIn(input: { email: string; password: string }, clientAddress: string | undefined): Promise<SignedIn> {
    const keys = throttleKeys(input.email, clientAddress);
    await takeAttempt(this.prisma, keys, this.passwordLimit, 'failed sign-ins');
    const user = await this.prisma.user.findUnique({ where: { email: input.email } });
    const matches = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash));
    if (!user || !matches) throw new AppError('UNAUTHENTICATED', 'Email or password is incorrect');
    await refundAttempt(this.prisma, keys);
    if (!user.isActive) throw new AppError('UNAUTHENTICATED', 'This account is deactivated');
    return this.startSession(user.id);
  }

  /**
   * The viewer a bearer token stands for, with their user row, or null when the
   * token is unknown, expired, revoked or its user inactive. Every request runs
   * this, so it is one prepared statement that also reads the user: the
   * request's `viewer` costs nothing more.
   */
  async authenticate(token: string): Promise<(Viewer & { user: SessionUser }) | null> {
    if (!token.startsWith(tokenPrefix)) return null;
    const [row] = await queryRows<SessionUser & { sessionId: number }>(
      this.pool,
      sql`SELECT s.id AS "sessionId", u.id, u.email, u.full_name AS "fullName", u.is_active AS "isActive",
                 u.created_at AS "createdAt", u.updated_at AS "updatedAt"
            FROM sessions s JOIN users u ON u.id = s.user_id
           WHERE s.token_hash = ${this.hash(token)} AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active`,
    );
    if (!row) return null;
    const { sessionId, ...user } = row;
    return { id: user.id, sessionId, user };
  }

  async logOut(sessionId: number): Promise<void> {
    await this.prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  /**
   * Changes one's own email, name or password. A new password needs the
   * current one, and ends every other session of the user.
   */
  async updateMe(
    viewer: Viewer & { sessionId: number },
    input: { email?: string | null; fullName?: string | null; currentPassword?: string | null; newPassword?: string | null },
    clientAddress: string | undefined,
  ) {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: viewer.id } });
    let passwordHash: string | undefined;
    if (input.newPassword) {
      if (!input.currentPassword) {
        throw new AppError('VALIDATION_FAILED', 'The current password is required to set a new one', [
          { path: ['input', 'currentPassword'], message: 'is required with newPassword' },
        ]);
      }
      // A stolen token must not become a password oracle: these checks share the sign-in budget.
      const keys = throttleKeys(user.email, clientAddress);
      await takeAttempt(this.prisma, keys, this.passwordLimit, 'wrong passwords');
      if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
        throw new AppError('VALIDATION_FAILED', 'The current password is incorrect', [
          { path: ['input', 'currentPassword'], message: 'is incorrect' },
        ]);
      }
      await refundAttempt(this.prisma, keys);
      refuseEmailAsPassword(input.newPassword, input.email ?? user.email, 'newPassword');
      passwordHash = await hashPassword(input.newPassword);
    }
    return unitOfWork(this.prisma, async (tx) => {
      const updated = await tx.user.update({
        where: { id: viewer.id },
        data: { email: input.email ?? undefined, fullName: input.fullName ?? undefined, passwordHash },
      });
      if (passwordHash) {
        await tx.session.updateMany({
          where: { userId: viewer.id, revokedAt: null, id: { not: viewer.sessionId } },
          data: { revokedAt: new Date() },
        });
      }
      return updated;
    });
  }

  /**
   * Deletes one's own account, given its password (checked and throttled as
   * updateMe's currentPassword is). With the user go, by the database's
   * cascades, the workspaces they created and everything in them, their
   * memberships elsewhere and every session; invitations they sent stay,
   * without an inviter. Refused with CONFLICT, deleting nothing, while they
   * are the only owner left of a workspace someone else created, or while
   * datasets they uploaded remain in workspaces they did not create (a team
   * never loses data because a member left). Returns what the caller removes
   * after the commit: the stored files of the deleted datasets, and the
   * deleted workspaces (whose followers are told).
   */
  async deleteAccount(
    viewer: Viewer,
    password: string,
    clientAddress: string | undefined,
  ): Promise<{ filePaths: string[]; workspaceIds: number[] }> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: viewer.id } });
    // A stolen token must not become a password oracle: these checks share the sign-in budget.
    const keys = throttleKeys(user.email, clientAddress);
    await takeAttempt(this.prisma, keys, this.passwordLimit, 'wrong passwords');
    if (!(await verifyPassword(password, user.passwordHash))) {
      throw new AppError('VALIDATION_FAILED', 'The current password is incorrect', [{ path: ['password'], message: 'is incorrect' }]);
    }
    await refundAttempt(this.prisma, keys);
    return unitOfWork(this.prisma, async (tx) => {
      // Locked as membership changes lock them (workspace-member.ts), so no
      // other owner leaves while this one goes, and nothing new is uploaded to
      // a workspace about to be deleted.
      await tx.$executeRaw`
        SELECT 1 FROM "workspaces" w
         WHERE w."owner_id" = ${viewer.id}
            OR EXISTS (SELECT 1 FROM "workspace_members" m WHERE m."workspace_id" = w."id" AND m."user_id" = ${viewer.id} AND m."role" = 'owner')
           FOR UPDATE`;
      const ownerless = await tx.workspace.findMany({
        where: {
          ownerId: { not: viewer.id },
          members: { some: { userId: viewer.id, role: 'OWNER' }, none: { userId: { not: viewer.id }, role: 'OWNER' } },
        },
        select: { name: true },
        orderBy: { id: 'asc' },
      });
      if (ownerless.length) {
        const names = ownerless.map((w) => `"${w.name}"`).join(', ');
        throw new AppError(
          'CONFLICT',
          `You are the only owner of ${plural(ownerless.length, 'workspace')} someone else created (${names}): ` +
            'make another member an owner, or delete the workspace, before deleting your account',
        );
      }
      const workspaces = await tx.workspace.findMany({ where: { ownerId: viewer.id }, select: { id: true } });
      const filePaths = await storedFilesOf(tx, { workspace: { ownerId: viewer.id } });
      await tx.user.delete({ where: { id: viewer.id } });
      // What still points at the user now lies in workspaces they did not
      // create: datasets, or versions of datasets, they uploaded. The foreign
      // keys would refuse it only at commit (datasets.uploaded_by and
      // dataset_versions.uploaded_by are deferred); counted here, the refusal
      // can say how many. The user's row is locked by the delete, so none can be added.
      const elsewhere = await tx.dataset.count({
        where: { OR: [{ uploadedBy: viewer.id }, { versions: { some: { uploadedBy: viewer.id } } }] },
      });
      if (elsewhere) {
        throw new AppError(
          'CONFLICT',
          `You uploaded ${plural(elsewhere, 'dataset')} to workspaces you did not create: ` +
            `delete ${elsewhere === 1 ? 'it' : 'them'} (or ask the workspace owners to) before deleting your account`,
        );
      }
      return {
        filePaths,
        workspaceIds: workspaces.map((w) => w.id),
      };
    });
  }
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
