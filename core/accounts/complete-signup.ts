import { recordEvent } from '#core/analytics/record-event.ts';
import type { Language, PrismaClient, User } from '#core/db/generated/client.ts';

/** Ends the signup conversation: the chosen language and the acceptance of the terms are kept. */
export async function completeSignup(
  db: PrismaClient,
  opts: { userId: bigint; language: Language; now?: Date },
): Promise<User> {
  const now = opts.now ?? new Date();
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: opts.userId },
      data: { language: opts.language, termsAcceptedAt: now, signedUpAt: now },
    });
    await tx.loginEvent.create({ data: { userId: opts.userId, source: 'bot', kind: 'signup' } });
    await recordEvent(tx, {
      type: 'session',
      userId: opts.userId,
      payload: { action: 'signup', source: 'bot', ip: null, geo: null, useragent: null },
    });
    return user;
  });
}

export async function setLanguage(db: PrismaClient, userId: bigint, language: Language): Promise<User> {
  return db.user.update({ where: { id: userId }, data: { language } });
}
