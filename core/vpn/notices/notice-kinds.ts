import type { TVpnTier } from '../plans.ts';

export const VPN_NOTICE_KINDS = [
  'expires_72h',
  'expires_24h',
  'trial_ending',
  'expired',
  'traffic_80',
  'traffic_100',
  'first_connected',
] as const;
export type TVpnNoticeKind = (typeof VPN_NOTICE_KINDS)[number];

export const EXPIRY_NOTICE_KINDS = ['expires_72h', 'expires_24h', 'trial_ending', 'expired'] as const;
export type TExpiryNoticeKind = (typeof EXPIRY_NOTICE_KINDS)[number];

const HOUR = 3600_000;

/**
 * Time left until expiry (ms) in which each reminder is true: (lo, hi]. The windows do not overlap per tier,
 * so a scan that missed the 72 h moment (the worker was down) sends the 24 h one only, not both. A trial
 * lasts two days: a "3 days left" reminder would come at its start, so it gets one 2 h before its end.
 */
const WINDOWS: Record<TExpiryNoticeKind, { lo: number; hi: number; trial: boolean | 'any' }> = {
  expires_72h: { lo: 24 * HOUR, hi: 72 * HOUR, trial: false },
  expires_24h: { lo: 0, hi: 24 * HOUR, trial: false },
  trial_ending: { lo: 0, hi: 2 * HOUR, trial: true },
  // Three days after expiry the news is stale: a panel or worker that was off for a week sends nothing late.
  expired: { lo: -72 * HOUR, hi: 0, trial: 'any' },
};

/** How far before and after expiry the scan looks: the union of the windows above. */
export const EXPIRY_SCAN_BEFORE_MS = 72 * HOUR;
export const EXPIRY_SCAN_AFTER_MS = 72 * HOUR;

/** A webhook may arrive a little before our clock agrees (the panel's clock, its scheduler's minute). */
export const WEBHOOK_LEAD_MS = 15 * 60_000;

/** "It works" is news once: a connection long ago (a renewal, a deploy over old rows) is not. */
const FIRST_CONNECTED_FRESH_MS = 7 * 24 * HOUR;

/** What of a subscription row the notices depend on. */
export type TNoticeState = {
  tier: string;
  expiresAt: Date;
  disabledAt: Date | null;
  trafficLimitBytes: bigint;
  /** The panel's reset strategy for the plan's traffic (NO_RESET, DAY, WEEK, MONTH). */
  trafficStrategy: string;
  extraTrafficBytes: bigint;
  usedTrafficBytes: bigint;
  firstConnectedAt: Date | null;
};

const isTrial = (tier: string): boolean => tier === ('trial' satisfies TVpnTier);

/** The expiry reminder that is due at `now` for this tier and expiry, if any (the scan's rule). */
export function expiryNoticeKind(tier: string, expiresAt: Date, now: Date): TExpiryNoticeKind | null {
  const left = expiresAt.getTime() - now.getTime();
  for (const kind of EXPIRY_NOTICE_KINDS) {
    const w = WINDOWS[kind];
    if (w.trial !== 'any' && w.trial !== isTrial(tier)) continue;
    if (left > w.lo && left <= w.hi) return kind;
  }
  return null;
}

/** The traffic notice the usage calls for: the highest threshold reached; none for unlimited plans. */
export function trafficNoticeKind(state: TNoticeState): 'traffic_80' | 'traffic_100' | null {
  if (state.trafficLimitBytes === 0n) return null;
  const limit = state.trafficLimitBytes + state.extraTrafficBytes;
  if (state.usedTrafficBytes >= limit) return 'traffic_100';
  if (state.usedTrafficBytes * 100n >= limit * 80n) return 'traffic_80';
  return null;
}

/**
 * Whether the notice is still true of the row as it is now: checked under the row's lock right before
 * the notice is claimed, so a subscription renewed after the scan read it (or after the panel sent its
 * webhook) is not told it expires. `leadMs` lets a webhook's reminder come slightly early.
 */
export function isNoticeTrue(kind: TVpnNoticeKind, state: TNoticeState, now: Date, leadMs = 0): boolean {
  if (state.disabledAt !== null) return false;
  const left = state.expiresAt.getTime() - now.getTime();
  switch (kind) {
    case 'expires_72h':
    case 'expires_24h':
    case 'trial_ending':
    case 'expired': {
      const w = WINDOWS[kind];
      if (w.trial !== 'any' && w.trial !== isTrial(state.tier)) return false;
      return left > w.lo && left <= w.hi + leadMs;
    }
    case 'traffic_80':
    case 'traffic_100': {
      const due = trafficNoticeKind(state);
      if (left <= 0 || due === null) return false;
      // Just after a reset moment the stored usage may still be last window's (the panel's reset job or
      // our sync has not run yet): it would be told again in the new window.
      const windowStart = trafficWindowStart(state.trafficStrategy, now);
      if (windowStart && now.getTime() - windowStart.getTime() < RESET_SETTLE_MS) return false;
      return kind === 'traffic_80' || due === 'traffic_100';
    }
    case 'first_connected':
      return (
        state.firstConnectedAt !== null &&
        now.getTime() - state.firstConnectedAt.getTime() <= FIRST_CONNECTED_FRESH_MS
      );
  }
}

/** How long after a traffic reset moment usage is not trusted to be the new window's. */
const RESET_SETTLE_MS = HOUR;

/**
 * The start of the traffic window `now` falls in, for plans whose traffic the panel resets: days, weeks
 * from Monday and calendar months, in UTC like the panel's reset jobs. Null for NO_RESET (and for
 * MONTH_ROLLING, per user on the panel, which our plans do not use).
 */
export function trafficWindowStart(strategy: string, now: Date): Date | null {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  switch (strategy) {
    case 'DAY':
      return new Date(day);
    case 'WEEK':
      return new Date(day - ((new Date(day).getUTCDay() + 6) % 7) * 24 * HOUR);
    case 'MONTH':
      return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    default:
      return null;
  }
}

/**
 * The period a notice is sent once in: the expiry it is about, so a renewal (which moves the expiry) gets
 * its own reminders. Traffic notices are once per traffic window too: a year's plan whose traffic resets
 * monthly is told about 80 % each month. "It works" is once per account: a renewal does not make it news.
 */
export function noticePeriod(
  kind: TVpnNoticeKind,
  expiresAt: Date,
  traffic?: { strategy: string; now: Date },
): string {
  if (kind === 'first_connected') return 'first';
  const period = expiresAt.toISOString();
  if ((kind !== 'traffic_80' && kind !== 'traffic_100') || !traffic) return period;
  const window = trafficWindowStart(traffic.strategy, traffic.now);
  return window ? `${period}/${window.toISOString().slice(0, 10)}` : period;
}

/**
 * The notify job's id: a retried claim (the transaction failed after the enqueue) enqueues nothing new,
 * and the notify worker's journal keys on it. BullMQ refuses `:` in ids, so the period goes without punctuation.
 */
export function noticeDedupeKey(kind: TVpnNoticeKind, userId: bigint, period: string): string {
  return `vpn-${kind}-${userId}-${period.replace(/[^0-9A-Za-z]/g, '')}`;
}
