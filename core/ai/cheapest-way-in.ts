import type { TProduct } from '#core/catalog/product.ts';
import { PRODUCTS } from '#core/catalog/products.ts';
import type { PrismaClient } from '#core/db/generated/client.ts';
import { bestBonusPromo } from '#core/referrals/best-bonus-promo.ts';

export interface TWayIn {
  /** The cheapest AI plan (a subscription: tokens, a higher generation limit, the free chat model). */
  plan: TProduct | null;
  /** The cheapest token pack of any service (tokens serve the whole platform). */
  pack: TProduct | null;
  /** An advertised bonus code (WELCOME_PROMO_CODES) the user can still claim for free, the largest one. */
  promo: { code: string; bonusTokens: bigint } | null;
}

// Every product has a Stars price (Telegram requires it), so Stars compare any two products.
const cheapest = (kind: string): TProduct | null =>
  PRODUCTS.filter((p) => p.fulfilment.kind === kind).reduce<TProduct | null>(
    (best, p) => (best === null || p.prices.XTR < best.prices.XTR ? p : best),
    null,
  );

/** What a user who cannot pay for a request is pointed to: the cheapest plan and pack, and a free code. */
export async function cheapestWayIn(
  db: PrismaClient,
  input: { userId: bigint; advertisedPromos: readonly string[]; now?: Date },
): Promise<TWayIn> {
  return {
    plan: cheapest('ai.subscription'),
    pack: cheapest('tokens.pack'),
    promo: await bestBonusPromo(db, {
      userId: input.userId,
      advertised: input.advertisedPromos,
      now: input.now,
    }),
  };
}
