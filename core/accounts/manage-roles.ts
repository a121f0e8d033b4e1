import { recordAudit } from '#core/audit/record-audit.ts';
import type { PrismaClient, Role } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { assertCan, type TStaff } from './staff.ts';

/** Only super admins grant and revoke roles, and never their own: a lone super admin cannot lock everyone out. */
export async function grantRole(
  db: PrismaClient,
  opts: { staff: TStaff; userId: bigint; role: Role },
): Promise<void> {
  assertCan(opts.staff, 'roles.manage');
  if (opts.userId === opts.staff.id) throw new AppError('ROLE_SELF_CHANGE');
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: opts.userId }, include: { role: true } });
    if (!user) throw new AppError('USER_NOT_FOUND');
    await tx.adminRole.upsert({
      where: { userId: opts.userId },
      create: { userId: opts.userId, role: opts.role, grantedById: opts.staff.id },
      update: { role: opts.role, grantedById: opts.staff.id, grantedAt: new Date() },
    });
    await recordAudit(tx, {
      actorId: opts.staff.id,
      action: 'role.grant',
      targetUserId: opts.userId,
      before: { role: user.role?.role ?? null },
      after: { role: opts.role },
    });
  });
}

export async function revokeRole(db: PrismaClient, opts: { staff: TStaff; userId: bigint }): Promise<void> {
  assertCan(opts.staff, 'roles.manage');
  if (opts.userId === opts.staff.id) throw new AppError('ROLE_SELF_CHANGE');
  await db.$transaction(async (tx) => {
    const current = await tx.adminRole.findUnique({ where: { userId: opts.userId } });
    if (!current) throw new AppError('NOT_FOUND');
    await tx.adminRole.delete({ where: { userId: opts.userId } });
    await recordAudit(tx, {
      actorId: opts.staff.id,
      action: 'role.revoke',
      targetUserId: opts.userId,
      before: { role: current.role },
      after: { role: null },
    });
  });
}

/**
 * Makes every id in SUPER_ADMIN_IDS a super admin at start-up. An id that never wrote to the bot gets a
 * placeholder account, filled in from Telegram on its first update. Idempotent: a restart changes nothing.
 */
export async function bootstrapSuperAdmins(db: PrismaClient, ids: readonly bigint[]): Promise<number> {
  let granted = 0;
  for (const id of ids) {
    await db.$transaction(async (tx) => {
      const current = await tx.adminRole.findUnique({ where: { userId: id } });
      if (current?.role === 'super_admin') return;
      await tx.user.upsert({
        where: { id },
        create: { id, firstName: 'Admin', referralCode: `admin${id}` },
        update: {},
      });
      await tx.adminRole.upsert({
        where: { userId: id },
        create: { userId: id, role: 'super_admin' },
        update: { role: 'super_admin', grantedById: null, grantedAt: new Date() },
      });
      await recordAudit(tx, {
        actorId: null,
        action: 'role.bootstrap',
        targetUserId: id,
        before: { role: current?.role ?? null },
        after: { role: 'super_admin' },
      });
      granted++;
    });
  }
  return granted;
}
