import type { PrismaClient } from '#core/db/generated/client.ts';
import { readPromoUsage } from './lock-promo-code.ts';
import { promoRefusal } from './promo-rules.ts';

/** How many live bonus codes are looked at, largest first: enough to step past a few used ones. */
const CANDIDATES = 10;

/**
 * The bonus-token code worth most, among the advertised ones (WELCOME_PROMO_CODES), that this user could claim
 * right now with /promo (switched on, not expired, not used up, not used by them, not for first purchases only
 * once they have paid), or null. A hint for a user who ran out of tokens; claiming still checks the limits
 * under the code's lock. Codes not advertised are never named: they may be meant for one partner's audience.
 */
export async function bestBonusPromo(
  db: PrismaClient,
  input: { userId: bigint; advertised: readonly string[]; now?: Date },
): Promise<{ code: string; bonusTokens: bigint } | null> {
  if (input.advertised.length === 0) return null;
  const now = input.now ?? new Date();
  const promos = await db.promoCode.findMany({
    where: {
      code: { in: [...input.advertised] },
      kind: 'bonus_tokens',
      bonusTokens: { gt: 0n },
      disabledAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    },
    orderBy: [{ bonusTokens: 'desc' }, { id: 'asc' }],
    take: CANDIDATES,
  });
  for (const promo of promos) {
    const usage = await readPromoUsage(db, promo.id, input.userId);
    if (promoRefusal(promo, usage, now) === null && promo.bonusTokens !== null)
      return { code: promo.code, bonusTokens: promo.bonusTokens };
  }
  return null;
}
