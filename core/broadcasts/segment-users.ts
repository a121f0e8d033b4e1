import {
  type BroadcastSegment,
  type Language,
  Prisma,
  type PrismaClient,
} from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';

/** "Active" means the user wrote to the bot (or opened the Mini App) within this window. */
export const ACTIVE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export interface TSegmentTarget {
  segment: BroadcastSegment;
  /** Only for the `language` segment. */
  language?: Language | null;
  /** Only for the `vpn_expiring` segment: the plan ends within this many days. */
  days?: number | null;
}

/** The longest "ends within N days" a VPN reminder may reach for. */
export const VPN_EXPIRING_MAX_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The VPN segments (core/vpn/): a condition on the user's one subscription. A subscription an admin switched
 * off is in none of them: its renewals are refused until an admin enables it, so no reminder or offer fits.
 */
function vpnCondition(target: TSegmentTarget, now: Date): Prisma.Sql {
  const sub = (rest: Prisma.Sql) => Prisma.sql`EXISTS (
  SELECT 1 FROM vpn_subscriptions s
  WHERE s.user_id = u.id AND s.disabled_at IS NULL AND ${rest}
)`;
  switch (target.segment) {
    case 'vpn_active':
      return sub(Prisma.sql`s.tier <> 'trial' AND s.expires_at > ${now}`);
    case 'vpn_trial':
      return sub(Prisma.sql`s.tier = 'trial' AND s.expires_at > ${now}`);
    case 'vpn_expiring': {
      const days = target.days;
      if (!days || !Number.isInteger(days) || days < 1 || days > VPN_EXPIRING_MAX_DAYS)
        throw new AppError('INVALID_INPUT', { field: 'days' });
      return sub(
        Prisma.sql`s.expires_at > ${now} AND s.expires_at <= ${new Date(now.getTime() + days * DAY_MS)}`,
      );
    }
    case 'vpn_expired':
      return sub(Prisma.sql`s.expires_at <= ${now}`);
    case 'vpn_never_connected':
      // Only a running subscription: help to connect is no use to someone whose plan has ended.
      return sub(Prisma.sql`s.expires_at > ${now} AND s.first_connected_at IS NULL`);
    default:
      throw new AppError('INVALID_INPUT', { field: 'segment' });
  }
}

// A refund does not undo "has paid": the person trusted us with money once, which is what the segment is for.
const PAID_EVER = Prisma.sql`EXISTS (
  SELECT 1 FROM payments p
  WHERE p.user_id = u.id AND p.status IN ('succeeded', 'refunded', 'partially_refunded')
)`;

/**
 * The WHERE condition (over `users u`) that picks a segment's recipients. Banned users and users known to have
 * blocked the bot are never recipients: Telegram would refuse the message anyway. People who never finished
 * signup (`signed_up_at`, set once the terms are accepted) have not agreed to hear from us: only the segment
 * named for them reaches them, so an operator targets them on purpose (a reminder to finish), never by
 * accident. Pure, so it is tested without a database and reused by the preview count and by the
 * INSERT…SELECT that materializes deliveries.
 */
export function segmentCondition(target: TSegmentTarget, now: Date): Prisma.Sql {
  const reachable = Prisma.sql`u.status = 'active' AND u.bot_blocked_at IS NULL`;
  if (target.segment === 'unfinished_signup') return Prisma.sql`${reachable} AND u.signed_up_at IS NULL`;
  const member = Prisma.sql`${reachable} AND u.signed_up_at IS NOT NULL`;
  switch (target.segment) {
    case 'all':
      return member;
    case 'paid_ever':
      return Prisma.sql`${member} AND ${PAID_EVER}`;
    case 'never_paid':
      return Prisma.sql`${member} AND NOT ${PAID_EVER}`;
    case 'active_7d':
      return Prisma.sql`${member} AND u.last_active_at >= ${new Date(now.getTime() - ACTIVE_WINDOW_MS)}`;
    case 'language':
      if (!target.language) throw new AppError('INVALID_INPUT', { field: 'language' });
      return Prisma.sql`${member} AND u.language = ${target.language}::"Language"`;
    case 'vpn_active':
    case 'vpn_trial':
    case 'vpn_expiring':
    case 'vpn_expired':
    case 'vpn_never_connected':
      return Prisma.sql`${member} AND ${vpnCondition(target, now)}`;
  }
}

/** How many people a broadcast to this segment would reach now (the preview's "N recipients"). */
export async function countSegmentUsers(
  db: PrismaClient,
  target: TSegmentTarget,
  now = new Date(),
): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM users u WHERE ${segmentCondition(target, now)}`;
  return rows[0]?.n ?? 0;
}
