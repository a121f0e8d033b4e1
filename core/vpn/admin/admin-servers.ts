import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import type { TPanelClient } from '../panel/panel-client.ts';
import { VPN_ADMIN_PERMISSIONS } from './vpn-admin-permissions.ts';

export interface TAdminVpnServer {
  uuid: string;
  name: string;
  /** ISO 3166-1 alpha-2 as the panel stores it ("DE"); "XX" when not set. */
  countryCode: string;
  /** Connected to the panel and not switched off by the operator. */
  online: boolean;
  disabled: boolean;
  usersOnline: number;
  /** Bytes the node has moved in its current period (the panel counts it; null when it has no figure yet). */
  trafficUsedBytes: number;
}

/**
 * Every node of the panel as staff see it: unlike the users' list (account/vpn-servers.ts) disabled nodes are
 * kept, traffic is shown and nothing is cached, because an operator checking a node wants it as it is now.
 */
export async function listAdminVpnServers(panel: TPanelClient, staff: TStaff): Promise<TAdminVpnServer[]> {
  assertCan(staff, VPN_ADMIN_PERMISSIONS.view);
  const nodes = await panel.listNodes();
  return [...nodes]
    .sort((a, b) => a.viewPosition - b.viewPosition)
    .map((n) => ({
      uuid: n.uuid,
      name: n.name,
      countryCode: n.countryCode || 'XX',
      online: n.isConnected && !n.isDisabled,
      disabled: n.isDisabled,
      usersOnline: n.usersOnline,
      trafficUsedBytes: n.trafficUsedBytes ?? 0,
    }));
}
