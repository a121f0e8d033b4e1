import type { TProduct } from '#core/catalog/product.ts';

/**
 * The AI studio's plans, unlimited day and token packs (spec 004), prices in minor units.
 * Stars prices: users pay about 1.5 RUB for a Star in the Telegram apps, so a Stars price is the RUB price /
 * 1.5, rounded to a round number. Tokens: one token unit serves the whole platform (GPT-4o: 1,000 a request).
 * The 30-day plans (1M and 5M tokens) pay for heavy use and grant the premium tier.
 */
const subscription = (
  id: string,
  days: number,
  tokens: number,
  rub: number,
  stars: number,
  tier: 'basic' | 'premium',
): TProduct => ({
  id,
  service: 'ai',
  shelf: 'ai-plans',
  titleKey: `product-${id}`,
  prices: { RUB: BigInt(rub * 100), XTR: BigInt(stars) },
  fulfilment: { kind: 'ai.subscription', tokens: String(tokens), validDays: days, tier },
});

const pack = (id: string, tokens: number, rub: number, stars: number): TProduct => ({
  id,
  service: 'ai',
  shelf: 'ai-packs',
  titleKey: `product-${id}`,
  prices: { RUB: BigInt(rub * 100), XTR: BigInt(stars) },
  fulfilment: { kind: 'tokens.pack', tokens: String(tokens) },
});

export const AI_PRODUCTS: readonly TProduct[] = [
  subscription('ai-sub-7d', 7, 150_000, 98, 65, 'basic'),
  subscription('ai-sub-14d', 14, 250_000, 196, 130, 'basic'),
  subscription('ai-sub-21d', 21, 500_000, 289, 195, 'basic'),
  subscription('ai-sub-30d', 30, 1_000_000, 597, 400, 'premium'),
  subscription('ai-sub-30d-max', 30, 5_000_000, 2_790, 1_860, 'premium'),
  // The spec leaves the price open: 199 RUB is a third of the 7-day plan, a fair price for heavy chat use.
  {
    id: 'ai-unlimited-1d',
    service: 'ai',
    shelf: 'ai-plans',
    titleKey: 'product-ai-unlimited-1d',
    prices: { RUB: 19_900n, XTR: 135n },
    fulfilment: { kind: 'ai.unlimited', validDays: 1 },
  },
  pack('pack-150k', 150_000, 149, 100),
  pack('pack-250k', 250_000, 279, 185),
  pack('pack-500k', 500_000, 519, 345),
  pack('pack-1m', 1_000_000, 999, 665),
];
