import { recordAudit } from '#core/audit/record-audit.ts';
import type { PrismaClient, User } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { assertCan, type TStaff } from './staff.ts';

export const BAN_REASON_MAX = 500;

/** Bans a user. Staff cannot ban themselves, and nobody bans a super admin (revoke the role first). */
export async function banUser(
  db: PrismaClient,
  opts: { staff: TStaff; userId: bigint; reason: string },
): Promise<User> {
  assertCan(opts.staff, 'users.ban');
  const reason = opts.reason.trim();
  if (reason.length === 0 || reason.length > BAN_REASON_MAX)
    throw new AppError('INVALID_INPUT', { max: BAN_REASON_MAX });
  if (opts.userId === opts.staff.id) throw new AppError('FORBIDDEN');
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: opts.userId }, include: { role: true } });
    if (!before) throw new AppError('USER_NOT_FOUND');
    if (before.role?.role === 'super_admin') throw new AppError('FORBIDDEN');
    const after = await tx.user.update({
      where: { id: opts.userId },
      data: { status: 'banned', banReason: reason, bannedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId: opts.staff.id,
      action: 'user.ban',
      targetUserId: opts.userId,
      before: { status: before.status, banReason: before.banReason },
      after: { status: after.status, banReason: after.banReason },
    });
    return after;
  });
}

export async function unbanUser(db: PrismaClient, opts: { staff: TStaff; userId: bigint }): Promise<User> {
  assertCan(opts.staff, 'users.ban');
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: opts.userId } });
    if (!before) throw new AppError('USER_NOT_FOUND');
    const after = await tx.user.update({
      where: { id: opts.userId },
      data: { status: 'active', banReason: null, bannedAt: null },
    });
    await recordAudit(tx, {
      actorId: opts.staff.id,
      action: 'user.unban',
      targetUserId: opts.userId,
      before: { status: before.status, banReason: before.banReason },
      after: { status: after.status, banReason: null },
    });
    return after;
  });
}
