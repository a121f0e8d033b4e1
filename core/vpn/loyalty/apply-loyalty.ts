import { formatLocalTime } from '#core/i18n/format-local-time.ts';
import { toLang } from '#core/i18n/translator.ts';
import { enqueueNotification } from '#core/notify/enqueue-notification.ts';
import { grantBonusDays } from '../bonuses/grant-days.ts';
import type { TNoticeDeps } from '../notices/send-vpn-notice.ts';
import {
  LOYALTY_RULES,
  levelsUpTo,
  loyaltyState,
  type TLoyaltyLevel,
  type TLoyaltyPeriod,
} from './loyalty-levels.ts';

/** The vpn_notices kinds of "your level is about to be lost" and "lost", once per run's end each. */
export const LOYALTY_GRACE_NOTICE = 'loyalty_grace';
export const LOYALTY_LOST_NOTICE = 'loyalty_lost';

export type TLoyaltyOutcome = {
  reached: TLoyaltyLevel[];
  bonusDays: number;
  graceWarned: boolean;
  lostTold: boolean;
};

/** A user's periods as loyalty counts them: not refunded, the trial left out. */
export const loyaltyPeriodsWhere = { revokedAt: null, source: { not: 'trial' } } as const;

/**
 * Brings one user's loyalty up to date at `now`: every level reached for the first time is recorded with its
 * bonus days (grantBonusDays, source `loyalty`) and the user is told of the highest; a user whose grace is
 * about to end is warned once per run, and told once when it has ended. All in one transaction under the user's VPN lock, with the level rows
 * and the notice claimed by unique keys, so a job run twice, or two workers, give and send everything once.
 */
export async function applyLoyalty(
  deps: TNoticeDeps,
  input: { userId: bigint; now?: Date },
): Promise<TLoyaltyOutcome> {
  const now = input.now ?? new Date();
  const { userId } = input;
  return deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('vpn-user:' || ${userId}::text, 0))`;
    const periods: TLoyaltyPeriod[] = await tx.vpnPeriod.findMany({
      where: { userId, ...loyaltyPeriodsWhere },
      select: { source: true, days: true, startsAt: true, endsAt: true },
    });
    const state = loyaltyState(periods, now);
    const outcome: TLoyaltyOutcome = { reached: [], bonusDays: 0, graceWarned: false, lostTold: false };
    if (!state.level && !state.lost) return outcome;
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { language: true, timeZone: true },
    });
    const lang = toLang(user.language);
    const job = (text: string) => ({
      bot: 'user' as const,
      chatId: userId.toString(),
      userId: userId.toString(),
      text,
    });

    const claim = async (kind: string, coveredUntil: Date) =>
      (await tx.$executeRaw`
        INSERT INTO vpn_notices (user_id, kind, period) VALUES (${userId}, ${kind}, ${coveredUntil.toISOString()})
        ON CONFLICT DO NOTHING`) > 0;

    if (state.lost && (await claim(LOYALTY_LOST_NOTICE, state.lost.coveredUntil))) {
      const text = deps.translator.t(lang, 'vpn-loyalty-lost', {
        level: deps.translator.t(lang, `vpn-loyalty-level-${state.lost.level}`),
      });
      await enqueueNotification(deps.notifyQueue, job(text), {
        dedupeKey: `vpn-loyalty-lost-${userId}-${state.lost.coveredUntil.getTime()}`,
      });
      outcome.lostTold = true;
    }

    for (const level of levelsUpTo(state.level)) {
      const inserted = await tx.$executeRaw`
        INSERT INTO vpn_loyalty (user_id, level, reached_at) VALUES (${userId}, ${level}, ${now})
        ON CONFLICT DO NOTHING`;
      if (inserted === 0) continue;
      outcome.reached.push(level);
      const days = LOYALTY_RULES[level].bonusDays;
      if (days > 0) {
        await grantBonusDays(tx, {
          userId,
          days,
          source: 'loyalty',
          now,
          key: `vpn:loyalty:${userId}:${level}`,
        });
        outcome.bonusDays += days;
      }
    }
    const top = outcome.reached.at(-1);
    if (top) {
      const levelName = deps.translator.t(lang, `vpn-loyalty-level-${top}`);
      const text =
        outcome.bonusDays > 0
          ? deps.translator.t(lang, 'vpn-loyalty-reached-bonus', {
              level: levelName,
              days: outcome.bonusDays,
            })
          : deps.translator.t(lang, 'vpn-loyalty-reached', { level: levelName });
      await enqueueNotification(deps.notifyQueue, job(text), { dedupeKey: `vpn-loyalty-${top}-${userId}` });
    }

    if (state.graceEnding && state.coveredUntil && state.graceEndsAt) {
      if (await claim(LOYALTY_GRACE_NOTICE, state.coveredUntil)) {
        const text = deps.translator.t(lang, 'vpn-loyalty-grace-ending', {
          level: deps.translator.t(lang, `vpn-loyalty-level-${state.level}`),
          date: formatLocalTime(state.graceEndsAt, { timeZone: user.timeZone, lang, now }),
        });
        await enqueueNotification(deps.notifyQueue, job(text), {
          dedupeKey: `vpn-loyalty-grace-${userId}-${state.coveredUntil.getTime()}`,
        });
        outcome.graceWarned = true;
      }
    }
    return outcome;
  });
}
