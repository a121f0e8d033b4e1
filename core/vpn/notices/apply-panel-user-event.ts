import type { TPanelWebhookEvent } from '../panel/panel-webhook-event.ts';
import { type TVpnNoticeKind, trafficNoticeKind, WEBHOOK_LEAD_MS } from './notice-kinds.ts';
import { sendVpnNotice, type TNoticeDeps, type TNoticeOutcome } from './send-vpn-notice.ts';

export type TPanelUserEvent = Extract<TPanelWebhookEvent, { kind: 'user' }>;

export type TPanelEventOutcome =
  | { kind: 'unknown_user' }
  | { kind: 'applied'; notice: TVpnNoticeKind | null; outcome: TNoticeOutcome | null };

/** Our user behind a panel user: its Telegram id, or the `tg_<id>` username we gave it. */
function telegramIdOf(user: TPanelUserEvent['user']): bigint | null {
  if (user.telegramId != null && user.telegramId > 0) return BigInt(user.telegramId);
  const match = /^tg_(\d{1,19})$/.exec(user.username);
  return match?.[1] ? BigInt(match[1]) : null;
}

/**
 * The reminder a `user.expiration` event stands for. Signed hours from expiry: the panel's −72 and −48
 * fall in our 72 h window, −24 in the 24 h one, 0 and later mean expired. A trial gets its own reminder
 * instead of the day-based ones; sendVpnNotice then checks it against our row's own expiry.
 */
function expirationNotice(tier: string, hoursFromExpiry: number): TVpnNoticeKind {
  if (hoursFromExpiry >= 0) return 'expired';
  if (tier === 'trial') return 'trial_ending';
  return hoursFromExpiry >= -24 ? 'expires_24h' : 'expires_72h';
}

/**
 * A panel user event as the VPN service acts on it: the usage it carries is stored on our row, and the
 * events that are news to the user become notices through the same once-only send as the scans.
 */
export async function applyPanelUserEvent(
  deps: TNoticeDeps,
  event: TPanelUserEvent,
  now: Date = new Date(),
): Promise<TPanelEventOutcome> {
  const userId = telegramIdOf(event.user);
  if (userId === null) return { kind: 'unknown_user' };
  const sub = await deps.db.vpnSubscription.findUnique({ where: { userId }, select: { tier: true } });
  if (!sub) return { kind: 'unknown_user' };
  // Deliveries may come out of order: usage only grows between resets, so an older payload never lowers
  // it (the traffic sync stores the panel's exact figure every few minutes anyway).
  const used = event.user.userTraffic?.usedTrafficBytes;
  if (used !== undefined) {
    const bytes = BigInt(Math.max(0, Math.trunc(used)));
    await deps.db.vpnSubscription.updateMany({
      where: event.event === 'user.traffic_reset' ? { userId } : { userId, usedTrafficBytes: { lt: bytes } },
      data: { usedTrafficBytes: bytes },
    });
  }
  if (event.event === 'user.first_connected')
    await deps.db.vpnSubscription.updateMany({
      where: { userId, firstConnectedAt: null },
      data: { firstConnectedAt: event.timestamp },
    });

  const notice = await noticeOf(deps, event, userId, sub.tier);
  if (notice === null) return { kind: 'applied', notice: null, outcome: null };
  const outcome = await sendVpnNotice(deps, { userId, kind: notice, now, leadMs: WEBHOOK_LEAD_MS });
  return { kind: 'applied', notice, outcome };
}

async function noticeOf(
  deps: TNoticeDeps,
  event: TPanelUserEvent,
  userId: bigint,
  tier: string,
): Promise<TVpnNoticeKind | null> {
  switch (event.event) {
    case 'user.expired':
      return 'expired';
    case 'user.first_connected':
      return 'first_connected';
    case 'user.expiration':
      return event.hoursFromExpiry === undefined ? null : expirationNotice(tier, event.hoursFromExpiry);
    case 'user.bandwidth_usage_threshold_reached':
    case 'user.limited': {
      // The panel's thresholds are its own (60 % by default); ours are read from the usage just stored.
      const sub = await deps.db.vpnSubscription.findUnique({ where: { userId } });
      return sub ? trafficNoticeKind(sub) : null;
    }
    default:
      return null;
  }
}
