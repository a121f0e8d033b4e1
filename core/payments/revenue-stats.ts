import type { Asset, PaymentProvider, PrismaClient } from '#core/db/generated/client.ts';

export interface TRevenueStats {
  byDay: { day: string; provider: PaymentProvider; currency: Asset; amount: bigint; payments: number }[];
  totals: { currency: Asset; amount: bigint }[];
  payingUsers: number;
  signedUp: number;
  /** Share of signed-up users who ever paid, in basis points (1 = 0.01 %). */
  conversionBp: number;
  /** Revenue per signed-up user, per currency, in minor units. */
  arpu: { currency: Asset; amount: bigint }[];
}

/**
 * Net of refunds: what a payment brought is its amount minus what was given back. Money is counted when it
 * reaches us (a wallet top-up is a payment); a purchase paid from the wallet spends money already counted,
 * so it is left out of the sums, while its buyer still counts as paying.
 */
export async function revenueStats(
  db: PrismaClient,
  opts: { days: number; now?: Date },
): Promise<TRevenueStats> {
  const now = opts.now ?? new Date();
  const since = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (opts.days - 1)),
  );
  const [byDay, totals, paying, signedUp] = await Promise.all([
    db.$queryRaw<
      { day: string; provider: PaymentProvider; currency: Asset; amount: bigint; payments: bigint }[]
    >`
      SELECT to_char(date_trunc('day', paid_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, provider, currency,
             SUM(amount - refunded_amount)::bigint AS amount, COUNT(*)::bigint AS payments
      FROM payments WHERE paid_at >= ${since} AND provider <> 'wallet'
      GROUP BY 1, 2, 3 ORDER BY 1 DESC, 2, 3`,
    db.$queryRaw<{ currency: Asset; amount: bigint }[]>`
      SELECT currency, SUM(amount - refunded_amount)::bigint AS amount FROM payments
      WHERE paid_at IS NOT NULL AND provider <> 'wallet' GROUP BY currency ORDER BY currency`,
    db.$queryRaw<
      { n: bigint }[]
    >`SELECT COUNT(DISTINCT user_id)::bigint AS n FROM payments WHERE paid_at IS NOT NULL`,
    db.user.count({ where: { signedUpAt: { not: null } } }),
  ]);
  const payingUsers = Number(paying[0]?.n ?? 0n);
  return {
    byDay: byDay.map((r) => ({ ...r, payments: Number(r.payments) })),
    totals,
    payingUsers,
    signedUp,
    conversionBp: signedUp === 0 ? 0 : Math.round((payingUsers / signedUp) * 10_000),
    arpu: totals.map((t) => ({
      currency: t.currency,
      amount: signedUp === 0 ? 0n : t.amount / BigInt(signedUp),
    })),
  };
}
