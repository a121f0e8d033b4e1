import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import type { AdminBotContext } from '#bots/shared/context.ts';
import { escapeHtml, formatUtc } from '#bots/shared/format.ts';
import { can } from '#core/accounts/permissions.ts';
import type { VpnSubscription } from '#core/db/generated/client.ts';
import type { TVpnDevice } from '#core/vpn/account/panel-account.ts';
import { VPN_ADMIN_PERMISSIONS } from '#core/vpn/admin/vpn-admin-permissions.ts';
import { deviceKey, type TVpnCardAction, vpnCardAction, vpnDeviceRemove } from './vpn-callbacks.ts';

const GIB = 1024 ** 3;
const DAY_MS = 86_400_000;

/** 12.3 GB; traffic is told in GB like the plans are sold. */
const gb = (bytes: bigint) => (Number(bytes) / GIB).toFixed(1);

export type TVpnState = 'none' | 'active' | 'trial' | 'expired' | 'disabled';

export function vpnState(sub: VpnSubscription | null, now = new Date()): TVpnState {
  if (!sub) return 'none';
  if (sub.disabledAt) return 'disabled';
  if (sub.expiresAt <= now) return 'expired';
  return sub.tier === 'trial' ? 'trial' : 'active';
}

/** The VPN line of the user card: tier, state and expiry at a glance. */
export function vpnCardLine(ctx: AdminBotContext, sub: VpnSubscription | null | undefined): string {
  if (!sub) return ctx.t('admin-vpn-line-none');
  return ctx.t('admin-vpn-line', {
    tier: sub.tier,
    state: ctx.t(`admin-vpn-state-${vpnState(sub)}`),
    expires: formatUtc(sub.expiresAt),
  });
}

/** "🛡 VPN" on the user card. */
export const vpnCardButton = (ctx: AdminBotContext, userId: bigint): InlineKeyboardButton =>
  InlineKeyboard.text(
    ctx.t('admin-vpn-button'),
    vpnCardAction.encode({ action: 'open', userId: userId.toString() }),
  );

export function renderVpnCard(
  ctx: AdminBotContext,
  input: { userId: bigint; name: string; sub: VpnSubscription | null; now?: Date },
): { text: string; keyboard: InlineKeyboard } {
  const { sub } = input;
  const now = input.now ?? new Date();
  const title = ctx.t('admin-vpn-title', { name: escapeHtml(input.name), id: input.userId.toString() });
  if (!sub)
    return { text: `${title}\n${ctx.t('admin-vpn-none')}`, keyboard: vpnKeyboard(ctx, input.userId, null) };
  const limit = sub.trafficLimitBytes === 0n ? 0n : sub.trafficLimitBytes + sub.extraTrafficBytes;
  const msLeft = sub.expiresAt.getTime() - now.getTime();
  const body = ctx.t('admin-vpn-card', {
    tier: sub.tier,
    state: ctx.t(`admin-vpn-state-${vpnState(sub, now)}`),
    expires: formatUtc(sub.expiresAt),
    daysLeft: msLeft > 0 ? Math.ceil(msLeft / DAY_MS) : 0,
    traffic:
      limit === 0n
        ? ctx.t('admin-vpn-traffic-unlimited', { used: gb(sub.usedTrafficBytes) })
        : ctx.t('admin-vpn-traffic', { used: gb(sub.usedTrafficBytes), limit: gb(limit) }),
    strategy: sub.trafficStrategy,
    devices: sub.deviceLimit + sub.extraDevices,
    panelUser: sub.panelUserId === null ? ctx.t('admin-none') : String(sub.panelUserId),
    synced: ctx.t(sub.syncedVersion >= sub.version ? 'admin-vpn-synced' : 'admin-vpn-sync-pending'),
    connected: sub.firstConnectedAt ? formatUtc(sub.firstConnectedAt) : ctx.t('admin-vpn-never'),
    online: sub.onlineAt ? formatUtc(sub.onlineAt) : ctx.t('admin-vpn-never'),
    autoRenew: ctx.t(sub.autoRenew ? 'admin-vpn-on' : 'admin-vpn-off'),
    link: sub.subscriptionUrl ? escapeHtml(sub.subscriptionUrl) : ctx.t('admin-none'),
  });
  return { text: `${title}\n${body}`, keyboard: vpnKeyboard(ctx, input.userId, sub) };
}

function vpnKeyboard(ctx: AdminBotContext, userId: bigint, sub: VpnSubscription | null): InlineKeyboard {
  const role = ctx.staff.role;
  const button = (key: string, action: TVpnCardAction) =>
    InlineKeyboard.text(ctx.t(key), vpnCardAction.encode({ action, userId: userId.toString() }));
  const panelReady = sub !== null && sub.panelUserId !== null;
  const rows: (InlineKeyboardButton | false)[][] = [
    can(role, VPN_ADMIN_PERMISSIONS.extend)
      ? [
          button('admin-vpn-add7', 'add7'),
          button('admin-vpn-add30', 'add30'),
          button('admin-vpn-add-custom', 'custom'),
        ]
      : [],
    [
      panelReady && can(role, VPN_ADMIN_PERMISSIONS.resetTraffic) && button('admin-vpn-reset', 'reset'),
      panelReady && can(role, VPN_ADMIN_PERMISSIONS.revokeLink) && button('admin-vpn-new-link', 'link_ask'),
    ],
    [panelReady && can(role, VPN_ADMIN_PERMISSIONS.devices) && button('admin-vpn-devices', 'devices')],
    [
      sub !== null &&
        can(role, VPN_ADMIN_PERMISSIONS.setEnabled) &&
        (sub.disabledAt ? button('admin-vpn-enable', 'enable') : button('admin-vpn-disable', 'disable_ask')),
    ],
    [button('admin-button-refresh', 'refresh')],
  ];
  // Telegram refuses empty rows, so rows are built from what this role may press.
  return InlineKeyboard.from(
    rows.map((row) => row.filter((b) => b !== false)).filter((row) => row.length > 0),
  );
}

/** "Are you sure?" for the two actions a stray tap would make painful: a new link and switching off. */
export function renderVpnConfirm(
  ctx: AdminBotContext,
  userId: bigint,
  what: 'link' | 'disable',
): { text: string; keyboard: InlineKeyboard } {
  const id = userId.toString();
  return {
    text: ctx.t(what === 'link' ? 'admin-vpn-confirm-link' : 'admin-vpn-confirm-disable'),
    keyboard: InlineKeyboard.from([
      [
        InlineKeyboard.text(
          ctx.t('admin-vpn-confirm-yes'),
          vpnCardAction.encode({ action: what, userId: id }),
        ),
        InlineKeyboard.text(
          ctx.t('admin-button-back'),
          vpnCardAction.encode({ action: 'refresh', userId: id }),
        ),
      ],
    ]),
  };
}

export function renderVpnDevices(
  ctx: AdminBotContext,
  userId: bigint,
  list: { devices: TVpnDevice[]; limit: number },
): { text: string; keyboard: InlineKeyboard } {
  const id = userId.toString();
  const lines = list.devices.map((d, i) =>
    ctx.t('admin-vpn-device-line', {
      n: i + 1,
      model: escapeHtml(d.model ?? d.platform ?? ctx.t('admin-vpn-device-unknown')),
      hwid: escapeHtml(d.hwid.slice(0, 24)),
      added: formatUtc(d.addedAt),
    }),
  );
  const text = [
    ctx.t('admin-vpn-devices-title', { count: list.devices.length, limit: list.limit }),
    ...(lines.length > 0 ? lines : [ctx.t('admin-vpn-devices-none')]),
  ].join('\n');
  const rows = list.devices.map((d, i) => [
    InlineKeyboard.text(
      ctx.t('admin-vpn-device-remove', { n: i + 1 }),
      vpnDeviceRemove.encode({ userId: id, device: deviceKey(d.hwid) }),
    ),
  ]);
  rows.push([
    InlineKeyboard.text(ctx.t('admin-button-back'), vpnCardAction.encode({ action: 'refresh', userId: id })),
  ]);
  return { text, keyboard: InlineKeyboard.from(rows) };
}
