import type { FastifyInstance } from 'fastify';
import { assertCan } from '#core/accounts/staff.ts';
import { AppError } from '#core/errors/app-error.ts';
import { countryFlag } from '#core/vpn/account/vpn-servers.ts';
import { listAdminVpnServers } from '#core/vpn/admin/admin-servers.ts';
import { vpnDailyGrowth } from '#core/vpn/admin/vpn-daily-growth.ts';
import { CHURN_WINDOW_DAYS, vpnStats } from '#core/vpn/admin/vpn-stats.ts';
import { isPanelError } from '#core/vpn/panel/panel-error.ts';
import { panelFromEnv } from '#core/vpn/panel-sync/panel-from-env.ts';
import type { TAdminVpnServers, TAdminVpnStats } from '#server/contracts/admin-vpn.ts';
import type { ServerDeps } from '#server/deps.ts';
import { ADMIN_SCREEN_PERMISSIONS, staffOf } from './admin-me.ts';

/** The figures' window: the admin screen shows the last month, day by day. */
const STATS_DAYS = 30;

/** The admin Mini App's VPN screens: the panel's nodes, and the subscription figures with their daily series. */
export function adminVpnRoutes(api: FastifyInstance, deps: ServerDeps) {
  api.get(
    '/api/admin/vpn/servers',
    { config: { permission: ADMIN_SCREEN_PERMISSIONS.vpnServers } },
    async (request): Promise<TAdminVpnServers> => {
      const panel = panelFromEnv(deps.config);
      if (!panel) throw new AppError('VPN_UNAVAILABLE');
      try {
        const servers = await listAdminVpnServers(panel, staffOf(request));
        return {
          servers: servers.map((s) => ({
            ...s,
            flag: countryFlag(s.countryCode),
            trafficUsedBytes: String(Math.max(0, Math.trunc(s.trafficUsedBytes))),
          })),
        };
      } catch (error) {
        // A panel that is down is a 503 with its kind in the log, not a bare 500.
        if (isPanelError(error)) throw new AppError('VPN_UNAVAILABLE', { panel: error.kind });
        throw error;
      }
    },
  );

  api.get(
    '/api/admin/vpn/stats',
    { config: { permission: ADMIN_SCREEN_PERMISSIONS.vpnStats } },
    async (request): Promise<TAdminVpnStats> => {
      // The guard checked it already; the figures are read here, so the rule is said here too.
      assertCan(staffOf(request), ADMIN_SCREEN_PERMISSIONS.vpnStats);
      const now = new Date();
      const [stats, daily] = await Promise.all([
        vpnStats(deps.db, { days: STATS_DAYS, now }),
        vpnDailyGrowth(deps.db, { days: STATS_DAYS, now }),
      ]);
      return {
        ...stats,
        days: STATS_DAYS,
        mrrKopecks: stats.mrrKopecks.toString(),
        churnWindowDays: CHURN_WINDOW_DAYS,
        daily,
      };
    },
  );
}
