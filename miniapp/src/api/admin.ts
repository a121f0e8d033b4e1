import {
  type TAdminMe,
  type TAdminVpnServers,
  type TAdminVpnStats,
  ZAdminMeSchema,
  ZAdminVpnServersSchema,
  ZAdminVpnStatsSchema,
} from '../../../server/contracts/admin-vpn.ts';
import type { TApiRequest } from './client.ts';

export function getAdminMe(request: TApiRequest): Promise<TAdminMe> {
  return request('/api/admin/me', ZAdminMeSchema);
}

export function getAdminVpnServers(request: TApiRequest): Promise<TAdminVpnServers> {
  return request('/api/admin/vpn/servers', ZAdminVpnServersSchema);
}

export function getAdminVpnStats(request: TApiRequest): Promise<TAdminVpnStats> {
  return request('/api/admin/vpn/stats', ZAdminVpnStatsSchema);
}
