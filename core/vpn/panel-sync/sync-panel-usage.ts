import {
  isNoticeTrue,
  noticePeriod,
  type TNoticeState,
  type TVpnNoticeKind,
  trafficNoticeKind,
} from '../notices/notice-kinds.ts';
import { sendVpnNotice, type TNoticeDeps, type TNoticeOutcome } from '../notices/send-vpn-notice.ts';
import type { TPanelUser } from '../panel/panel-client.ts';
import type { TPanelUserPages } from './stream-panel-users.ts';

type TUpdatedRow = {
  user_id: bigint;
  tier: string;
  expires_at: Date;
  disabled_at: Date | null;
  traffic_limit_bytes: bigint;
  traffic_strategy: string;
  extra_traffic_bytes: bigint;
  used_traffic_bytes: bigint;
  first_connected_at: Date | null;
  claimed: string[];
};

export type TUsageSyncResult = { panelUsers: number; updated: number } & Record<TNoticeOutcome, number>;

const USAGE_KINDS = ['traffic_80', 'traffic_100', 'first_connected'] as const;

const isoOrNull = (value: string | Date | null | undefined): string | null =>
  value == null ? null : new Date(value).toISOString();

/**
 * Reads every panel user's usage (a page of the stream at a time) into our rows (used traffic, first
 * connection, last online), one UPDATE per page matched on the Telegram id and the panel user id we
 * stored, then sends the traffic and "it works" notices the new numbers call for and that were not
 * already sent (a webhook may have); the claims come back with the UPDATE, so a quiet run sends nothing.
 */
export async function syncPanelUsage(
  deps: TNoticeDeps & { pages: TPanelUserPages },
  opts: { now?: Date; pageSize?: number } = {},
): Promise<TUsageSyncResult> {
  const now = opts.now ?? new Date();
  const result: TUsageSyncResult = {
    panelUsers: 0,
    updated: 0,
    sent: 0,
    already: 0,
    stale: 0,
    no_subscription: 0,
  };
  for await (const page of deps.pages({ pageSize: opts.pageSize })) {
    result.panelUsers += page.length;
    const ours = page.filter((u): u is TPanelUser & { telegramId: number } => (u.telegramId ?? 0) > 0);
    if (ours.length === 0) continue;
    const rows = await storeUsage(deps, ours);
    result.updated += rows.length;
    for (const row of rows) {
      const kinds = dueUsageNotices(row, now);
      for (const kind of kinds) result[await sendVpnNotice(deps, { userId: row.user_id, kind, now })] += 1;
    }
  }
  return result;
}

async function storeUsage(deps: TNoticeDeps, users: (TPanelUser & { telegramId: number })[]) {
  const telegramIds = users.map((u) => BigInt(u.telegramId));
  const panelIds = users.map((u) => u.id);
  const used = users.map((u) => BigInt(Math.max(0, Math.trunc(u.userTraffic.usedTrafficBytes))));
  const first = users.map((u) => isoOrNull(u.userTraffic.firstConnectedAt));
  const online = users.map((u) => isoOrNull(u.userTraffic.onlineAt));
  // Timestamps travel as ISO text and are read in UTC: the columns are UTC without a zone.
  return deps.db.$queryRaw<TUpdatedRow[]>`
    UPDATE vpn_subscriptions s SET
      used_traffic_bytes = v.used,
      first_connected_at = COALESCE(s.first_connected_at, v.first::timestamptz AT TIME ZONE 'UTC'),
      online_at = COALESCE(v.online::timestamptz AT TIME ZONE 'UTC', s.online_at)
    FROM unnest(${telegramIds}::bigint[], ${panelIds}::int[], ${used}::bigint[], ${first}::text[],
                ${online}::text[]) AS v(user_id, panel_id, used, first, online)
    WHERE s.user_id = v.user_id AND s.panel_user_id = v.panel_id
    RETURNING s.user_id, s.tier, s.expires_at, s.disabled_at, s.traffic_limit_bytes, s.traffic_strategy,
      s.extra_traffic_bytes,
      s.used_traffic_bytes, s.first_connected_at,
      ARRAY(SELECT n.kind || '|' || n.period FROM vpn_notices n
            WHERE n.user_id = s.user_id AND n.kind IN (${USAGE_KINDS[0]}, ${USAGE_KINDS[1]}, ${USAGE_KINDS[2]})
      ) AS claimed`;
}

function dueUsageNotices(row: TUpdatedRow, now: Date): TVpnNoticeKind[] {
  const state: TNoticeState = {
    tier: row.tier,
    expiresAt: row.expires_at,
    disabledAt: row.disabled_at,
    trafficLimitBytes: row.traffic_limit_bytes,
    trafficStrategy: row.traffic_strategy,
    extraTrafficBytes: row.extra_traffic_bytes,
    usedTrafficBytes: row.used_traffic_bytes,
    firstConnectedAt: row.first_connected_at,
  };
  const kinds: TVpnNoticeKind[] = [];
  const traffic = trafficNoticeKind(state);
  if (traffic) kinds.push(traffic);
  if (isNoticeTrue('first_connected', state, now)) kinds.push('first_connected');
  return kinds.filter(
    (kind) =>
      isNoticeTrue(kind, state, now) &&
      !row.claimed.includes(
        `${kind}|${noticePeriod(kind, state.expiresAt, { strategy: state.trafficStrategy, now })}`,
      ),
  );
}
