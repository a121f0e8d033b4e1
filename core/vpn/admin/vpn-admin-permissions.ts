import type { TPermission } from '#core/accounts/permissions.ts';

/**
 * Which existing permission each VPN admin action needs, so the role table (core/accounts/permissions.ts)
 * stays the one place that says who may do what: free days are value given away like a balance credit;
 * switching access off is a sanction like a ban; traffic, link and device fixes are what support does for a
 * user who writes in.
 */
export const VPN_ADMIN_PERMISSIONS = {
  view: 'users.view',
  extend: 'money.adjust',
  setEnabled: 'users.ban',
  resetTraffic: 'support.reply',
  revokeLink: 'support.reply',
  devices: 'support.reply',
} as const satisfies Record<string, TPermission>;
