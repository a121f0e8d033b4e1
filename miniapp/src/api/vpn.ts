import {
  type TVpn,
  type TVpnAutoRenewRequest,
  type TVpnDevices,
  type TVpnServers,
  ZVpnDevicesSchema,
  ZVpnSchema,
  ZVpnServersSchema,
} from '../../../server/contracts/vpn.ts';
import type { TApiRequest } from './client.ts';

export function getVpn(request: TApiRequest): Promise<TVpn> {
  return request('/api/vpn', ZVpnSchema);
}

export function startVpnTrial(request: TApiRequest): Promise<TVpn> {
  return request('/api/vpn/trial', ZVpnSchema, { method: 'POST', body: {} });
}

export function setVpnAutoRenew(request: TApiRequest, body: TVpnAutoRenewRequest): Promise<TVpn> {
  return request('/api/vpn/auto-renew', ZVpnSchema, { method: 'POST', body });
}

export function revokeVpnLink(request: TApiRequest): Promise<TVpn> {
  return request('/api/vpn/revoke', ZVpnSchema, { method: 'POST', body: {} });
}

export function getVpnDevices(request: TApiRequest): Promise<TVpnDevices> {
  return request('/api/vpn/devices', ZVpnDevicesSchema);
}

export function removeVpnDevice(request: TApiRequest, hwid: string): Promise<TVpnDevices> {
  return request(`/api/vpn/devices/${encodeURIComponent(hwid)}`, ZVpnDevicesSchema, { method: 'DELETE' });
}

export function getVpnServers(request: TApiRequest): Promise<TVpnServers> {
  return request('/api/vpn/servers', ZVpnServersSchema);
}
