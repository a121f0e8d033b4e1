import { z } from 'zod';

/**
 * Every product Polygram sells, with its prices in minor units. Prices live in code (reviewed, versioned,
 * deployed) rather than in the database; a payment stores a snapshot of the product it bought, so a price
 * changed here never re-values what users already paid for.
 *
 * Stars (XTR) prices: Telegram requires digital goods inside Telegram to be sellable for Stars. Users pay
 * about 1.5 RUB (≈ 1.3 US cents) for a Star in the Telegram apps, so a Stars price is the RUB price / 1.5,
 * rounded to a round number; the USD bundles use 75 Stars per US dollar.
 *
 * Tokens: one token unit serves the whole platform. The AI price list is in these tokens (GPT-4o: 1,000 a
 * request). The video-task bundles of the vgen spec (10,000 / 30,000 / 70,000 "video tokens") are sold in
 * platform tokens at 100 per video token, so a bundle buys about what the same money buys in RUB packs.
 */

export const ZFulfilmentSchema = z.discriminatedUnion('kind', [
  /** Credits tokens; with `validDays` they expire with the subscription, without they are perpetual. */
  z.object({
    kind: z.literal('ai.subscription'),
    tokens: z.string(),
    validDays: z.number().int().positive(),
  }),
  z.object({ kind: z.literal('tokens.pack'), tokens: z.string() }),
  /** No token charge on text models for the period. */
  z.object({ kind: z.literal('ai.unlimited'), validDays: z.number().int().positive() }),
]);
export type TFulfilment = z.infer<typeof ZFulfilmentSchema>;

export type TService = 'ai' | 'studio';

export interface TProduct {
  id: string;
  service: TService;
  /** Fluent key of the product's name. */
  titleKey: string;
  prices: { RUB?: bigint; USD?: bigint; XTR: bigint };
  fulfilment: TFulfilment;
}

const subscription = (id: string, days: number, tokens: number, rub: number, stars: number): TProduct => ({
  id,
  service: 'ai',
  titleKey: `product-${id}`,
  prices: { RUB: BigInt(rub * 100), XTR: BigInt(stars) },
  fulfilment: { kind: 'ai.subscription', tokens: String(tokens), validDays: days },
});

const pack = (id: string, tokens: number, rub: number, stars: number): TProduct => ({
  id,
  service: 'ai',
  titleKey: `product-${id}`,
  prices: { RUB: BigInt(rub * 100), XTR: BigInt(stars) },
  fulfilment: { kind: 'tokens.pack', tokens: String(tokens) },
});

const bundle = (id: string, videoTokens: number, usd: number): TProduct => ({
  id,
  service: 'studio',
  titleKey: `product-${id}`,
  prices: { USD: BigInt(usd * 100), XTR: BigInt(usd * 75) },
  fulfilment: { kind: 'tokens.pack', tokens: String(videoTokens * 100) },
});

export const PRODUCTS: readonly TProduct[] = [
  subscription('ai-sub-7d', 7, 150_000, 98, 65),
  subscription('ai-sub-14d', 14, 250_000, 196, 130),
  subscription('ai-sub-21d', 21, 500_000, 289, 195),
  subscription('ai-sub-30d', 30, 1_000_000, 597, 400),
  subscription('ai-sub-30d-max', 30, 5_000_000, 2_790, 1_860),
  // The spec leaves the price open: 199 RUB is a third of the 7-day plan, a fair price for heavy chat use.
  {
    id: 'ai-unlimited-1d',
    service: 'ai',
    titleKey: 'product-ai-unlimited-1d',
    prices: { RUB: 19_900n, XTR: 135n },
    fulfilment: { kind: 'ai.unlimited', validDays: 1 },
  },
  pack('pack-150k', 150_000, 149, 100),
  pack('pack-250k', 250_000, 279, 185),
  pack('pack-500k', 500_000, 519, 345),
  pack('pack-1m', 1_000_000, 999, 665),
  bundle('bundle-small', 10_000, 10),
  bundle('bundle-medium', 30_000, 25),
  bundle('bundle-large', 70_000, 50),
];

export function findProduct(id: string): TProduct | undefined {
  return PRODUCTS.find((p) => p.id === id);
}
