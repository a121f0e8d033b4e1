import type { NextFunction } from 'grammy';
import type { BaseContext } from '#bots/shared/context.ts';
import { touchUser } from '#core/accounts/touch-user.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';

/**
 * Loads (or, in the user bot, creates) the account of whoever sent the update. A `/start <code>` payload of a
 * first contact is the referral code. Channel posts and updates without a sender leave `ctx.account` null.
 */
export function attachAccount(db: PrismaClient, opts: { create: boolean }) {
  return async (ctx: BaseContext, next: NextFunction) => {
    const from = ctx.from;
    if (!from || from.is_bot) {
      ctx.account = null;
      return next();
    }
    if (opts.create) {
      const text = ctx.message?.text ?? '';
      const payload = /^\/start(?:@\w+)?\s+(\S+)/.exec(text)?.[1] ?? null;
      const { user } = await touchUser(
        db,
        {
          id: BigInt(from.id),
          firstName: from.first_name,
          lastName: from.last_name,
          username: from.username,
          languageCode: from.language_code,
        },
        { referralCode: payload },
      );
      ctx.account = user;
    } else {
      ctx.account = await db.user.findUnique({ where: { id: BigInt(from.id) } });
    }
    return next();
  };
}
