import type { PrismaClient } from '#core/db/generated/client.ts';

const DAY_MS = 86_400_000;

export interface TVpnDay {
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  /** Users whose first paid period began that day. */
  newPaid: number;
  /** Paid periods that day by users who had paid before. */
  renewals: number;
}

/** Payments and the wallet's auto-renewal are the paid sources of a period (as in vpn-stats.ts). */
const PAID_SOURCES = ['paid', 'wallet'];

/**
 * New paid subscribers and renewals per UTC day for the last `days` days, today included, oldest first, with
 * a row for every day (a chart needs the empty days too). The same counting rules as vpnStats: a user's first
 * paid period by time is new, a later one a renewal, a refunded period counts nowhere.
 */
export async function vpnDailyGrowth(
  db: PrismaClient,
  opts: { days: number; now?: Date },
): Promise<TVpnDay[]> {
  const now = opts.now ?? new Date();
  const today = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const first = new Date(today.getTime() - (opts.days - 1) * DAY_MS);
  const rows = await db.$queryRaw<{ day: string; new_paid: number; renewals: number }[]>`
    WITH paid AS (
      SELECT created_at, row_number() OVER (PARTITION BY user_id ORDER BY created_at, id) AS nth
      FROM vpn_periods WHERE source = ANY(${PAID_SOURCES}) AND revoked_at IS NULL
    )
    -- created_at is a timestamp without zone holding UTC (Prisma's default), so its date is the UTC day.
    SELECT to_char(created_at, 'YYYY-MM-DD') AS day,
           count(*) FILTER (WHERE nth = 1)::int AS new_paid,
           count(*) FILTER (WHERE nth > 1)::int AS renewals
    FROM paid WHERE created_at >= ${first} AND created_at < ${now}
    GROUP BY 1`;
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return Array.from({ length: opts.days }, (_, i) => {
    const day = new Date(first.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    const row = byDay.get(day);
    return { day, newPaid: row?.new_paid ?? 0, renewals: row?.renewals ?? 0 };
  });
}
