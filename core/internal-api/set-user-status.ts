import { recordAudit } from '#core/audit/record-audit.ts';
import type { PrismaClient, User } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { auditRefusal } from './audit-refusal.ts';

/** The vgen spec's account states. */
export type TApiUserStatus = 'activated' | 'new' | 'blocked';

export const INTERNAL_API_BAN_REASON = 'admin API';
const ACTION = 'internal_api.user';

/**
 * A Polygram account seen in the spec's terms. In vgen "new" is an account that exists but was not
 * activated, so it cannot use the product yet; Polygram's equivalent is an account that has not finished
 * signup (the bot sends it back to signup until it does). "blocked" is a ban.
 */
export function apiUserStatus(user: Pick<User, 'status' | 'signedUpAt'>): TApiUserStatus {
  if (user.status === 'banned') return 'blocked';
  return user.signedUpAt ? 'activated' : 'new';
}

/**
 * PUT /api/internal/user: the system (no staff member) activates, resets or blocks an account.
 * - `activated`: lifts a ban and, if signup was never finished, lets the user in as signed up. The terms
 *   stay unaccepted (terms_accepted_at is not invented); the audit row says who let them in.
 * - `new`: not banned, and signup starts over at the user's next message (language and terms again).
 * - `blocked`: banned with the reason "admin API"; a super admin cannot be blocked (revoke the role first).
 * Each call is audited, the ones that change nothing and the refused ones too.
 */
export async function setUserStatus(
  db: PrismaClient,
  opts: { userId: bigint; status: TApiUserStatus; now?: Date },
): Promise<{ previous: TApiUserStatus; status: TApiUserStatus }> {
  const now = opts.now ?? new Date();
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { id: opts.userId }, include: { role: true } });
      if (!before) throw new AppError('USER_NOT_FOUND');
      if (opts.status === 'blocked' && before.role?.role === 'super_admin') throw new AppError('FORBIDDEN');
      const data =
        opts.status === 'blocked'
          ? before.status === 'banned'
            ? {}
            : { status: 'banned' as const, banReason: INTERNAL_API_BAN_REASON, bannedAt: now }
          : {
              status: 'active' as const,
              banReason: null,
              bannedAt: null,
              signedUpAt: opts.status === 'new' ? null : (before.signedUpAt ?? now),
            };
      const after = await tx.user.update({ where: { id: opts.userId }, data });
      const snapshot = (u: User) => ({
        status: u.status,
        banReason: u.banReason,
        signedUpAt: u.signedUpAt?.toISOString() ?? null,
        apiStatus: apiUserStatus(u),
      });
      await recordAudit(tx, {
        actorId: null,
        action: ACTION,
        targetUserId: opts.userId,
        before: snapshot(before),
        after: { ...snapshot(after), requested: opts.status },
      });
      return { previous: apiUserStatus(before), status: apiUserStatus(after) };
    });
  } catch (error) {
    return auditRefusal(db, { action: ACTION, userId: opts.userId, request: { status: opts.status }, error });
  }
}
