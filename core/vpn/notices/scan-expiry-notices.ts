import {
  EXPIRY_NOTICE_KINDS,
  EXPIRY_SCAN_AFTER_MS,
  EXPIRY_SCAN_BEFORE_MS,
  expiryNoticeKind,
  noticePeriod,
  type TExpiryNoticeKind,
} from './notice-kinds.ts';
import { sendVpnNotice, type TNoticeDeps, type TNoticeOutcome } from './send-vpn-notice.ts';

type TPageRow = {
  user_id: bigint;
  tier: string;
  expires_at: Date;
  /** `kind|period` of the expiry notices this user already has. */
  claimed: string[];
};

export type TExpiryScanResult = { scanned: number; due: number } & Record<TNoticeOutcome, number>;

/** Notices sent at once: each is its own short transaction, so a few overlap the database's round trips. */
const SEND_CONCURRENCY = 8;

/**
 * The expiry reminders' fallback when the panel's webhooks are off or lost: every subscription whose 72 h,
 * 24 h, trial-ending or expired moment has passed and that has not had that notice this period gets it
 * (through sendVpnNotice, so a webhook that also fired sends nothing twice). Keyset pages over
 * (expires_at, user_id) inside the window the reminders can be due in, one indexed query per page that also
 * brings the notices already claimed, so a run over 100,000 subscriptions that are all told costs ~100
 * queries and no transaction.
 */
export async function scanExpiryNotices(
  deps: TNoticeDeps,
  opts: { now?: Date; batchSize?: number } = {},
): Promise<TExpiryScanResult> {
  const now = opts.now ?? new Date();
  const batchSize = opts.batchSize ?? 1000;
  const from = new Date(now.getTime() - EXPIRY_SCAN_AFTER_MS).toISOString();
  const to = new Date(now.getTime() + EXPIRY_SCAN_BEFORE_MS).toISOString();
  const result: TExpiryScanResult = { scanned: 0, due: 0, sent: 0, already: 0, stale: 0, no_subscription: 0 };
  let cursor = { expiresAt: from, userId: -1n };
  for (;;) {
    // ISO strings cast to timestamp: the column is UTC without a zone, and a Date parameter would be
    // shifted by the session's zone. Row comparison keeps ties at a page's edge on the next page.
    const page = await deps.db.$queryRaw<TPageRow[]>`
      SELECT s.user_id, s.tier, s.expires_at,
        ARRAY(SELECT n.kind || '|' || n.period FROM vpn_notices n
              WHERE n.user_id = s.user_id AND n.kind IN (${EXPIRY_NOTICE_KINDS[0]}, ${EXPIRY_NOTICE_KINDS[1]},
                ${EXPIRY_NOTICE_KINDS[2]}, ${EXPIRY_NOTICE_KINDS[3]})) AS claimed
      FROM vpn_subscriptions s
      WHERE s.expires_at >= ${cursor.expiresAt}::timestamp(3)
        AND (s.expires_at, s.user_id) > (${cursor.expiresAt}::timestamp(3), ${cursor.userId})
        AND s.expires_at <= ${to}::timestamp(3)
        AND s.disabled_at IS NULL
      ORDER BY s.expires_at, s.user_id
      LIMIT ${batchSize}`;
    result.scanned += page.length;
    const due: { userId: bigint; kind: TExpiryNoticeKind }[] = [];
    for (const row of page) {
      const kind = expiryNoticeKind(row.tier, row.expires_at, now);
      if (kind === null) continue;
      if (row.claimed.includes(`${kind}|${noticePeriod(kind, row.expires_at)}`)) continue;
      due.push({ userId: row.user_id, kind });
    }
    result.due += due.length;
    for (let i = 0; i < due.length; i += SEND_CONCURRENCY) {
      const outcomes = await Promise.all(
        due.slice(i, i + SEND_CONCURRENCY).map((d) => sendVpnNotice(deps, { ...d, now })),
      );
      for (const outcome of outcomes) result[outcome] += 1;
    }
    const last = page.at(-1);
    if (!last || page.length < batchSize) break;
    cursor = { expiresAt: last.expires_at.toISOString(), userId: last.user_id };
  }
  return result;
}
