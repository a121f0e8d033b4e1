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
