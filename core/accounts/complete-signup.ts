import { recordEvent } from '#core/analytics/record-event.ts';
import type { Language, PrismaClient, User } from '#core/db/generated/client.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';

const DAY_MS = 86_400_000;

/** WELCOME_GRANT_TOKENS and WELCOME_GRANT_DAYS: tokens for a new account, and how long they last (0: kept). */
export interface TWelcomeGrant {
  tokens: bigint;
  days: number;
}

export interface TSignupCompleted {
  user: User;
  /** Tokens this completion granted: 0 when there is no welcome grant, or the account already had it. */
  welcomeTokens: bigint;
}

/**
 * Ends the signup conversation: the chosen language and the acceptance of the terms are kept, and the
 * welcome grant (if configured) is credited in the same transaction. The grant's ledger key is the user's
 * (`welcome:<id>`), so an account gets it once however often signup completes (a replayed conversation, an
 * account set back to `new` by the internal API).
 */
export async function completeSignup(
  db: PrismaClient,
  opts: { userId: bigint; language: Language; welcomeGrant?: TWelcomeGrant; now?: Date },
): Promise<TSignupCompleted> {
  const now = opts.now ?? new Date();
  const grant = opts.welcomeGrant && opts.welcomeGrant.tokens > 0n ? opts.welcomeGrant : null;
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
    if (!grant) return { user, welcomeTokens: 0n };
    const posted = await creditTokens(tx, {
      key: `welcome:${opts.userId}`,
      userId: opts.userId,
      amount: grant.tokens,
      source: 'bonus',
      expiresAt: grant.days > 0 ? new Date(now.getTime() + grant.days * DAY_MS) : null,
      type: 'bonus',
      actor: { type: 'system' },
      reason: 'welcome grant',
    });
    return { user, welcomeTokens: posted.duplicate ? 0n : grant.tokens };
  }, LEDGER_TX_OPTIONS);
}

export async function setLanguage(db: PrismaClient, userId: bigint, language: Language): Promise<User> {
  return db.user.update({ where: { id: userId }, data: { language } });
}
