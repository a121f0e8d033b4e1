import type { Role } from '#core/db/generated/client.ts';

export type TPermission =
  | 'users.view'
  | 'users.ban'
  | 'roles.manage'
  | 'stats.view'
  | 'audit.view'
  | 'money.refund'
  | 'money.payout'
  | 'money.adjust'
  | 'broadcast.send'
  | 'support.reply'
  | 'partners.manage'
  /** Switch AI models on and off, change their token prices (core/ai/models/). */
  | 'ai.manage';

// Who may do what, in one table: a role is a set of permissions, not a rank, because finance may refund
// but not ban and a moderator may ban but not refund.
const GRANTS: Record<Role, readonly TPermission[]> = {
  super_admin: [
    'users.view',
    'users.ban',
    'roles.manage',
    'stats.view',
    'audit.view',
    'money.refund',
    'money.payout',
    'money.adjust',
    'broadcast.send',
    'support.reply',
    'partners.manage',
    'ai.manage',
  ],
  admin: [
    'users.view',
    'users.ban',
    'stats.view',
    'audit.view',
    'money.refund',
    'money.payout',
    'money.adjust',
    'broadcast.send',
    'support.reply',
    'partners.manage',
    'ai.manage',
  ],
  moderator: ['users.view', 'users.ban', 'support.reply'],
  support: ['users.view', 'support.reply'],
  analyst: ['users.view', 'stats.view'],
  finance: ['users.view', 'stats.view', 'money.refund', 'money.payout', 'money.adjust'],
  viewer: ['users.view'],
};

export const ROLES = Object.keys(GRANTS) as Role[];

export const can = (role: Role | null | undefined, permission: TPermission): boolean =>
  role !== null && role !== undefined && GRANTS[role].includes(permission);
