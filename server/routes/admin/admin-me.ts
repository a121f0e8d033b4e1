import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '#core/accounts/permissions.ts';
import type { TStaff } from '#core/accounts/staff.ts';
import { AppError } from '#core/errors/app-error.ts';
import { VPN_ADMIN_PERMISSIONS } from '#core/vpn/admin/vpn-admin-permissions.ts';
import type { TAdminMe } from '#server/contracts/admin-vpn.ts';

/** The staff member the guard let through (it sets both or throws). */
export function staffOf(request: FastifyRequest): TStaff {
  if (!request.staff) throw new AppError('FORBIDDEN');
  return request.staff;
}

/** Permissions of the admin screens, shared by the routes and by /me's list of what this role may open. */
export const ADMIN_SCREEN_PERMISSIONS = {
  vpnServers: VPN_ADMIN_PERMISSIONS.view,
  vpnStats: 'stats.view',
} as const;

/** GET /api/admin/me: who is signed in and which screens their role opens. Every role holds `users.view`. */
export function adminMeRoutes(api: FastifyInstance) {
  api.get('/api/admin/me', { config: { permission: 'users.view' } }, async (request): Promise<TAdminMe> => {
    const staff = staffOf(request);
    const account = request.account;
    if (!account) throw new AppError('FORBIDDEN');
    return {
      staff: {
        id: staff.id.toString(),
        firstName: account.firstName,
        language: account.language,
        role: staff.role,
      },
      can: {
        vpnServers: can(staff.role, ADMIN_SCREEN_PERMISSIONS.vpnServers),
        vpnStats: can(staff.role, ADMIN_SCREEN_PERMISSIONS.vpnStats),
      },
    };
  });
}
