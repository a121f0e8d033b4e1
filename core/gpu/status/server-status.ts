/**
 * A GPU server's status from its agent's heartbeats and its rentals. The agent beats every 30 s; a server is
 * offline once three beats in a row are missed, i.e. when more than 3 × 30 s have passed since the last one
 * (one late beat on a loaded host must not flap the status and page the owner).
 */
export const HEARTBEAT_INTERVAL_MS = 30_000;
export const MISSED_BEATS_FOR_OFFLINE = 3;
export const OFFLINE_AFTER_MS = HEARTBEAT_INTERVAL_MS * MISSED_BEATS_FOR_OFFLINE;

export type TServerStatus = 'online' | 'offline' | 'busy';

export interface TStatusInput {
  /** The last accepted heartbeat; null when the agent never reported. */
  lastBeatAt: Date | null;
  /** Whether a marketplace rental is running on the server now. */
  rented: boolean;
  now: Date;
}

export function isReachable(lastBeatAt: Date | null, now: Date): boolean {
  // A beat stamped slightly ahead of our clock (skew) counts as fresh rather than as silence.
  return lastBeatAt !== null && now.getTime() - lastBeatAt.getTime() <= OFFLINE_AFTER_MS;
}

/** Offline wins over a rental: a rented machine that stopped beating is the case an admin must see. */
export function serverStatus({ lastBeatAt, rented, now }: TStatusInput): TServerStatus {
  if (!isReachable(lastBeatAt, now)) return 'offline';
  return rented ? 'busy' : 'online';
}

/**
 * What to tell the owner when the status is recomputed: once when it goes offline, once when it is back.
 * `previous` null means we have never judged this server (just added): its first beat is not "back online".
 */
export function connectivityNotice(
  previous: TServerStatus | null,
  next: TServerStatus,
): 'went_offline' | 'back_online' | null {
  if (previous === null || (previous === 'offline') === (next === 'offline')) return null;
  return next === 'offline' ? 'went_offline' : 'back_online';
}

export interface TUptime {
  upMs: number;
  windowMs: number;
  /** Per cent with two decimals, rounded down so a server never shows more uptime than it had. */
  percent: number;
}

/**
 * Uptime over [from, to): the share of the window during which serverStatus would not have said offline,
 * so the figure and the status never disagree. Each beat covers the time until the next beat, or
 * OFFLINE_AFTER_MS if the next one is later than that. Beats before the window still cover its start.
 */
export function uptimeOver(beats: readonly Date[], from: Date, to: Date): TUptime {
  const start = from.getTime();
  const end = to.getTime();
  if (!(end > start)) throw new RangeError('the uptime window must end after it starts');
  const times = [...new Set(beats.map((b) => b.getTime()))].filter((t) => t < end).sort((a, b) => a - b);
  let upMs = 0;
  for (let i = 0; i < times.length; i++) {
    const beat = times[i] as number;
    const next = times[i + 1] ?? Number.POSITIVE_INFINITY;
    const coveredUntil = Math.min(next, beat + OFFLINE_AFTER_MS, end);
    const coveredFrom = Math.max(beat, start);
    if (coveredUntil > coveredFrom) upMs += coveredUntil - coveredFrom;
  }
  const windowMs = end - start;
  return { upMs, windowMs, percent: Math.floor((upMs * 10_000) / windowMs) / 100 };
}
