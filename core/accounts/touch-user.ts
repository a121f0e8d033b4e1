import { Prisma, type PrismaClient, type User } from '#core/db/generated/client.ts';
import { toLang } from '#core/i18n/translator.ts';
import { partnerIdForPayload } from '#core/referrals/partner-link.ts';
import { isReferralCode, newReferralCode } from './referral-code.ts';
import type { TTelegramIdentity } from './telegram-identity.ts';

// Activity is precise to a minute: writing on every update would make each message cost a database write.
const ACTIVITY_RESOLUTION_MS = 60_000;

export interface TTouchResult {
  user: User;
  created: boolean;
}

/**
 * Finds the account of a Telegram user, creating it on first contact. Names and username follow what Telegram
 * reports. A referral code is honoured only when the account is new and the code is not the user's own.
 */
export async function touchUser(
  db: PrismaClient,
  identity: TTelegramIdentity,
  opts: { referralCode?: string | null; now?: Date; viaBot?: boolean } = {},
): Promise<TTouchResult> {
  const now = opts.now ?? new Date();
  const existing = await db.user.findUnique({ where: { id: identity.id } });
  if (existing)
    return { user: await refresh(db, existing, identity, now, opts.viaBot ?? true), created: false };

  // A partner's link (`p_<code>`) is not a referral code; an account has one or the other.
  const partnerId = await partnerIdForPayload(db, opts.referralCode);
  const referrer =
    partnerId === null && opts.referralCode && isReferralCode(opts.referralCode)
      ? await db.user.findUnique({ where: { referralCode: opts.referralCode }, select: { id: true } })
      : null;
  for (let attempt = 0; ; attempt++) {
    try {
      const user = await db.user.create({
        data: {
          id: identity.id,
          firstName: identity.firstName,
          lastName: identity.lastName ?? null,
          username: identity.username ?? null,
          language: toLang(identity.languageCode),
          referralCode: newReferralCode(),
          referredById: referrer && referrer.id !== identity.id ? referrer.id : null,
          partnerId,
          lastActiveAt: now,
        },
      });
      return { user, created: true };
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002' || attempt > 3)
        throw error;
      // Two updates of a new user raced, or the random referral code collided: the row may exist now.
      const raced = await db.user.findUnique({ where: { id: identity.id } });
      if (raced) return { user: raced, created: false };
    }
  }
}

async function refresh(
  db: PrismaClient,
  user: User,
  identity: TTelegramIdentity,
  now: Date,
  viaBot: boolean,
): Promise<User> {
  const changed =
    user.firstName !== identity.firstName ||
    user.lastName !== (identity.lastName ?? null) ||
    user.username !== (identity.username ?? null);
  const stale = now.getTime() - user.lastActiveAt.getTime() >= ACTIVITY_RESOLUTION_MS;
  const unblocked = viaBot && user.botBlockedAt !== null;
  if (!changed && !stale && !unblocked) return user;
  return db.user.update({
    where: { id: user.id },
    data: {
      firstName: identity.firstName,
      lastName: identity.lastName ?? null,
      username: identity.username ?? null,
      lastActiveAt: now,
      // A user who writes to the bot has unblocked it; opening the Mini App says nothing about that.
      ...(viaBot ? { botBlockedAt: null } : {}),
    },
  });
}
