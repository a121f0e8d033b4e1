import type { Queue } from 'bullmq';
import type { PrismaClient } from '#core/db/generated/client.ts';
import { type Translator, toLang } from '#core/i18n/translator.ts';
import { enqueueNotification } from '#core/notify/enqueue-notification.ts';
import type { TNotifyJob } from '#core/notify/notify-job.ts';
import {
  isNoticeTrue,
  noticeDedupeKey,
  noticePeriod,
  type TNoticeState,
  type TVpnNoticeKind,
} from './notice-kinds.ts';
import { renderVpnNotice } from './render-vpn-notice.ts';

/** What sending a notice needs; built by the worker and the app server alike. */
export type TNoticeDeps = {
  db: PrismaClient;
  notifyQueue: Queue<TNotifyJob>;
  translator: Translator;
  /** The Mini App's address for the message's button; none without it. */
  miniAppUrl: string | null;
};

/** `sent`; `already` sent this period; `stale`: no longer true (renewed, disabled); no subscription row. */
export type TNoticeOutcome = 'sent' | 'already' | 'stale' | 'no_subscription';

type TLockedRow = {
  tier: string;
  expires_at: Date;
  disabled_at: Date | null;
  traffic_limit_bytes: bigint;
  traffic_strategy: string;
  extra_traffic_bytes: bigint;
  used_traffic_bytes: bigint;
  first_connected_at: Date | null;
  language: string;
  time_zone: string | null;
};

const stateOf = (row: TLockedRow): TNoticeState => ({
  tier: row.tier,
  expiresAt: row.expires_at,
  disabledAt: row.disabled_at,
  trafficLimitBytes: row.traffic_limit_bytes,
  trafficStrategy: row.traffic_strategy,
  extraTrafficBytes: row.extra_traffic_bytes,
  usedTrafficBytes: row.used_traffic_bytes,
  firstConnectedAt: row.first_connected_at,
});

/**
 * The one way a VPN notice goes out, used by the webhook and every scan alike so they never both send it.
 * Under the subscription row's lock (a renewal waits, or has already moved the expiry) it checks the notice
 * is still true, claims (user, kind, period) in vpn_notices and enqueues the message in the same
 * transaction: a failed enqueue rolls the claim back for the next run, and a claim whose commit failed after
 * the enqueue is retried under the same job id, which BullMQ and the notify journal both send once.
 */
export async function sendVpnNotice(
  deps: TNoticeDeps,
  input: { userId: bigint; kind: TVpnNoticeKind; now?: Date; leadMs?: number },
): Promise<TNoticeOutcome> {
  const now = input.now ?? new Date();
  return deps.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<TLockedRow[]>`
      SELECT s.tier, s.expires_at, s.disabled_at, s.traffic_limit_bytes, s.traffic_strategy,
             s.extra_traffic_bytes,
             s.used_traffic_bytes, s.first_connected_at, u.language::text AS language, u.time_zone
      FROM vpn_subscriptions s JOIN users u ON u.id = s.user_id
      WHERE s.user_id = ${input.userId}
      FOR UPDATE OF s`;
    const row = rows[0];
    if (!row) return 'no_subscription';
    const state = stateOf(row);
    if (!isNoticeTrue(input.kind, state, now, input.leadMs ?? 0)) return 'stale';
    const period = noticePeriod(input.kind, state.expiresAt, { strategy: state.trafficStrategy, now });
    const claimed = await tx.$executeRaw`
      INSERT INTO vpn_notices (user_id, kind, period) VALUES (${input.userId}, ${input.kind}, ${period})
      ON CONFLICT DO NOTHING`;
    if (claimed === 0) return 'already';
    const job = renderVpnNotice({
      translator: deps.translator,
      kind: input.kind,
      userId: input.userId,
      lang: toLang(row.language),
      timeZone: row.time_zone,
      state,
      miniAppUrl: deps.miniAppUrl,
      now,
    });
    await enqueueNotification(deps.notifyQueue, job, {
      dedupeKey: noticeDedupeKey(input.kind, input.userId, period),
    });
    return 'sent';
  });
}
