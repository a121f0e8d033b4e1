import type { PrismaClient } from '#core/db/generated/client.ts';
import { VPN_PRODUCTS } from '../plans.ts';

const DAY_MS = 86_400_000;
/** Churn looks back this far: "of those paying a month ago, how many let it lapse". */
export const CHURN_WINDOW_DAYS = 30;

export interface TVpnStats {
  /** Running now: paid (a non-trial tier and at least one payment), trial, and free (bonus days only). */
  active: { paid: number; trial: number; free: number };
  /** Users whose first paid period began in the window. */
  newPaid: number;
  /** Paid periods in the window by users who had paid before. */
  renewals: number;
  /** Users who took the trial, and of them those who paid after it. */
  trialUsers: number;
  trialConverted: number;
  /** trialConverted ÷ trialUsers in basis points (1 = 0.01 %). */
  conversionBp: number;
  /** Monthly recurring revenue in kopecks: each active paid plan's RUB price per 30 days. */
  mrrKopecks: bigint;
  /** Paid subscribers a churn window ago, and of them those whose plan has since ended without renewal. */
  churnBase: number;
  churned: number;
  churnBp: number;
}

/** Payments and the wallet's auto-renewal are the paid sources of a period; the rest were given. */
const PAID_SOURCES = ['paid', 'wallet'];

const bp = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000));

/** A plan's RUB price per 30 days, in kopecks (unrounded: rounding happens once, on the total). */
const monthlyKopecks = new Map(
  VPN_PRODUCTS.flatMap((p) =>
    p.fulfilment.kind === 'vpn.plan' && typeof p.fulfilment.days === 'number' && p.prices.RUB !== undefined
      ? [[p.id, (Number(p.prices.RUB) * 30) / p.fulfilment.days] as const]
      : [],
  ),
);

/**
 * The VPN figures for /stats. A refunded period (`revoked_at`) does not count as paid anywhere. Each figure is
 * one query over vpn_subscriptions / vpn_periods.
 */
export async function vpnStats(db: PrismaClient, opts: { days: number; now?: Date }): Promise<TVpnStats> {
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - opts.days * DAY_MS);
  const churnStart = new Date(now.getTime() - CHURN_WINDOW_DAYS * DAY_MS);
  const [active, growth, trial, plans, churn] = await Promise.all([
    db.$queryRaw<{ paid: number; trial: number; free: number }[]>`
      WITH live AS (
        SELECT s.tier, EXISTS (
          SELECT 1 FROM vpn_periods p
          WHERE p.user_id = s.user_id AND p.source = ANY(${PAID_SOURCES}) AND p.revoked_at IS NULL
        ) AS paid
        FROM vpn_subscriptions s WHERE s.expires_at > ${now} AND s.disabled_at IS NULL
      )
      SELECT count(*) FILTER (WHERE tier <> 'trial' AND paid)::int AS paid,
             count(*) FILTER (WHERE tier = 'trial')::int AS trial,
             count(*) FILTER (WHERE tier <> 'trial' AND NOT paid)::int AS free
      FROM live`,
    db.$queryRaw<{ new_paid: number; renewals: number }[]>`
      WITH paid AS (
        SELECT user_id, created_at,
               row_number() OVER (PARTITION BY user_id ORDER BY created_at, id) AS nth
        FROM vpn_periods WHERE source = ANY(${PAID_SOURCES}) AND revoked_at IS NULL
      )
      SELECT count(*) FILTER (WHERE nth = 1)::int AS new_paid,
             count(*) FILTER (WHERE nth > 1)::int AS renewals
      FROM paid WHERE created_at >= ${since} AND created_at < ${now}`,
    db.$queryRaw<{ users: number; converted: number }[]>`
      WITH tried AS (
        SELECT user_id, min(created_at) AS at FROM vpn_periods WHERE source = 'trial' GROUP BY user_id
      )
      SELECT count(*)::int AS users,
             count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM vpn_periods p
               WHERE p.user_id = t.user_id AND p.source = ANY(${PAID_SOURCES}) AND p.revoked_at IS NULL
                 AND p.created_at > t.at
             ))::int AS converted
      FROM tried t`,
    // The plan an active subscriber pays for is the one of their latest paid period.
    db.$queryRaw<{ product_id: string; n: number }[]>`
      SELECT latest.product_id, count(*)::int AS n FROM (
        SELECT DISTINCT ON (p.user_id) p.product_id
        FROM vpn_periods p JOIN vpn_subscriptions s ON s.user_id = p.user_id
        WHERE s.expires_at > ${now} AND s.disabled_at IS NULL AND s.tier <> 'trial'
          AND p.source = ANY(${PAID_SOURCES}) AND p.revoked_at IS NULL AND p.product_id IS NOT NULL
        ORDER BY p.user_id, p.created_at DESC, p.id DESC
      ) latest GROUP BY latest.product_id`,
    // Paying at the window's start: a paid period began by then and some period covered that moment.
    // Churned: their subscription has since ended and stands ended (a renewal would have moved the expiry).
    db.$queryRaw<{ base: number; churned: number }[]>`
      WITH base AS (
        SELECT s.user_id, s.expires_at FROM vpn_subscriptions s
        WHERE EXISTS (
          SELECT 1 FROM vpn_periods p WHERE p.user_id = s.user_id AND p.source = ANY(${PAID_SOURCES})
            AND p.revoked_at IS NULL AND p.starts_at <= ${churnStart}
        ) AND EXISTS (
          SELECT 1 FROM vpn_periods p WHERE p.user_id = s.user_id AND p.revoked_at IS NULL
            AND p.starts_at <= ${churnStart} AND p.ends_at > ${churnStart}
        )
      )
      SELECT count(*)::int AS base, count(*) FILTER (WHERE expires_at <= ${now})::int AS churned FROM base`,
  ]);
  const mrr = plans.reduce((sum, row) => sum + (monthlyKopecks.get(row.product_id) ?? 0) * row.n, 0);
  const a = active[0] ?? { paid: 0, trial: 0, free: 0 };
  const g = growth[0] ?? { new_paid: 0, renewals: 0 };
  const tr = trial[0] ?? { users: 0, converted: 0 };
  const ch = churn[0] ?? { base: 0, churned: 0 };
  return {
    active: a,
    newPaid: g.new_paid,
    renewals: g.renewals,
    trialUsers: tr.users,
    trialConverted: tr.converted,
    conversionBp: bp(tr.converted, tr.users),
    mrrKopecks: BigInt(Math.round(mrr)),
    churnBase: ch.base,
    churned: ch.churned,
    churnBp: bp(ch.churned, ch.base),
  };
}
