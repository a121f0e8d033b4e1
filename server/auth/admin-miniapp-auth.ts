import type { FastifyRequest } from 'fastify';
import type { TPermission } from '#core/accounts/permissions.ts';
import { assertCan, findStaff, type TStaff } from '#core/accounts/staff.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { ServerDeps } from '#server/deps.ts';
import { verifyInitData } from './verify-init-data.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The admin Mini App's caller, with the role read for this very request. */
    staff: TStaff | null;
  }
  interface FastifyContextConfig {
    /** What an admin route needs; a route under the admin guard without one is refused (fail closed). */
    permission?: TPermission;
  }
}

/**
 * Authenticates the Mini App opened from the ADMIN bot's menu button: `Authorization: tma <initData>` signed
 * with the admin bot's token (Telegram signs initData with the token of the bot that opened the app, so data
 * from the user bot fails here, and admin data fails the user API), under the same age limit. Then, on every
 * call, the staff role is read again and checked against the route's permission: a role revoked a second ago
 * no longer works. Staff are platform users: no account is created here, and a banned one is refused.
 */
export function adminMiniAppAuth(deps: Pick<ServerDeps, 'config' | 'db'>) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization ?? '';
    const [scheme, raw] = [header.slice(0, 4), header.slice(4)];
    let verified: ReturnType<typeof verifyInitData>;
    try {
      if (scheme !== 'tma ' || raw.length === 0) throw new AppError('UNAUTHORIZED', { reason: 'missing' });
      verified = verifyInitData(raw, deps.config.ADMIN_BOT_TOKEN, deps.config.INIT_DATA_MAX_AGE_SECONDS);
    } catch (error) {
      // Forged or expired data is logged with where it came from, never with the data itself.
      request.log.warn(
        { ip: request.ip, reason: error instanceof AppError ? error.details.reason : 'invalid' },
        'admin initData refused',
      );
      throw error;
    }
    const userId = verified.identity.id;
    const account = await deps.db.user.findUnique({ where: { id: userId } });
    request.account = account;
    const staff = account?.status === 'active' ? await findStaff(deps.db, userId) : null;
    const permission = request.routeOptions.config.permission;
    if (!staff || !permission) {
      request.log.warn(
        { ip: request.ip, userId: userId.toString(), url: request.url, account: account?.status ?? 'none' },
        staff ? 'admin route without a permission' : 'admin Mini App used without a role',
      );
      throw new AppError('FORBIDDEN', { permission: permission ?? 'none' });
    }
    try {
      assertCan(staff, permission);
    } catch (error) {
      request.log.warn(
        { userId: userId.toString(), role: staff.role, permission, url: request.url },
        'admin Mini App call refused',
      );
      throw error;
    }
    request.staff = staff;
  };
}
