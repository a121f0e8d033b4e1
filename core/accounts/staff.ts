import type { PrismaClient, Role } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { can, type TPermission } from './permissions.ts';

/** The admin performing an action, as the admin bot or an internal API resolved them. */
export interface TStaff {
  id: bigint;
  role: Role;
}

export async function findStaff(db: PrismaClient, userId: bigint): Promise<TStaff | null> {
  const row = await db.adminRole.findUnique({ where: { userId } });
  return row ? { id: row.userId, role: row.role } : null;
}

export function assertCan(staff: TStaff, permission: TPermission): void {
  if (!can(staff.role, permission)) throw new AppError('FORBIDDEN', { permission });
}
