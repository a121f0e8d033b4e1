import type { TNoticeDeps } from '../notices/send-vpn-notice.ts';
import {
  applyLoyalty,
  LOYALTY_GRACE_NOTICE,
  LOYALTY_LOST_NOTICE,
  loyaltyPeriodsWhere,
} from './apply-loyalty.ts';
import {
  LOST_NOTICE_DAYS,
  LOYALTY_GRACE_DAYS,
  LOYALTY_PAID_SOURCES,
  levelsUpTo,
  loyaltyState,
} from './loyalty-levels.ts';

const DAY_MS = 86_400_000;

export type TLoyaltyScanResult = {
  scanned: number;
  /** Users whose transaction ran (something looked due). */
  applied: number;
  levelsReached: number;
  bonusDays: number;
  graceWarned: number;
  lostTold: number;
  failed: { userId: bigint; error: string }[];
};

/**
 * The hourly loyalty pass (workers/vpn-loyalty.ts): every subscription whose access has not been over for
 * longer than the grace and that has a paid period, in keyset pages by user. A page costs three queries
 * (subscriptions, their periods, their levels and loyalty notices); only users with a level to record or a warning
 * to send get a transaction (applyLoyalty, which decides again under the user's lock). Idempotent.
 */
export async function scanLoyalty(
  deps: TNoticeDeps,
  opts: { now?: Date; batchSize?: number } = {},
): Promise<TLoyaltyScanResult> {
  const now = opts.now ?? new Date();
  const batchSize = opts.batchSize ?? 500;
  const since = new Date(now.getTime() - (LOYALTY_GRACE_DAYS + LOST_NOTICE_DAYS + 1) * DAY_MS);
  const result: TLoyaltyScanResult = {
    scanned: 0,
    applied: 0,
    levelsReached: 0,
    bonusDays: 0,
    graceWarned: 0,
    lostTold: 0,
    failed: [],
  };
  let cursor = -1n;
  for (;;) {
    const page = await deps.db.vpnSubscription.findMany({
      where: {
        userId: { gt: cursor },
        expiresAt: { gt: since },
        periods: { some: { source: { in: [...LOYALTY_PAID_SOURCES] }, revokedAt: null } },
      },
      select: { userId: true },
      orderBy: { userId: 'asc' },
      take: batchSize,
    });
    if (page.length === 0) break;
    const ids = page.map((s) => s.userId);
    const [periods, levels, warnings] = await Promise.all([
      deps.db.vpnPeriod.findMany({
        where: { userId: { in: ids }, ...loyaltyPeriodsWhere },
        select: { userId: true, source: true, days: true, startsAt: true, endsAt: true },
      }),
      deps.db.vpnLoyalty.findMany({ where: { userId: { in: ids } }, select: { userId: true, level: true } }),
      deps.db.vpnNotice.findMany({
        where: { userId: { in: ids }, kind: { in: [LOYALTY_GRACE_NOTICE, LOYALTY_LOST_NOTICE] } },
        select: { userId: true, kind: true, period: true },
      }),
    ]);
    result.scanned += ids.length;
    const byUser = new Map<bigint, typeof periods>();
    for (const p of periods) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), p]);
    for (const userId of ids) {
      const state = loyaltyState(byUser.get(userId) ?? [], now);
      const have = new Set(levels.filter((l) => l.userId === userId).map((l) => l.level));
      const newLevel = levelsUpTo(state.level).some((l) => !have.has(l));
      const told = (kind: string, until: Date | null | undefined) =>
        warnings.some((w) => w.userId === userId && w.kind === kind && w.period === until?.toISOString());
      const warn = state.graceEnding && !told(LOYALTY_GRACE_NOTICE, state.coveredUntil);
      const lost = state.lost !== null && !told(LOYALTY_LOST_NOTICE, state.lost.coveredUntil);
      if (!newLevel && !warn && !lost) continue;
      result.applied++;
      try {
        const outcome = await applyLoyalty(deps, { userId, now });
        result.levelsReached += outcome.reached.length;
        result.bonusDays += outcome.bonusDays;
        if (outcome.graceWarned) result.graceWarned++;
        if (outcome.lostTold) result.lostTold++;
      } catch (error) {
        result.failed.push({ userId, error: error instanceof Error ? error.message : String(error) });
      }
    }
    cursor = ids.at(-1) ?? cursor;
    if (page.length < batchSize) break;
  }
  return result;
}
