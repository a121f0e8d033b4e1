import type { TProduct } from '#core/catalog/product.ts';

/**
 * The video-task bundles of the vgen spec (003): 10,000 / 30,000 / 70,000 "video tokens", sold in platform
 * tokens at 100 per video token, so a bundle buys about what the same money buys in RUB packs. Priced in US
 * dollars (75 Stars per dollar).
 */
const bundle = (id: string, videoTokens: number, usd: number): TProduct => ({
  id,
  service: 'video-tasks',
  shelf: 'video-bundles',
  titleKey: `product-${id}`,
  prices: { USD: BigInt(usd * 100), XTR: BigInt(usd * 75) },
  fulfilment: { kind: 'tokens.pack', tokens: String(videoTokens * 100) },
});

export const VIDEO_TASK_PRODUCTS: readonly TProduct[] = [
  bundle('bundle-small', 10_000, 10),
  bundle('bundle-medium', 30_000, 25),
  bundle('bundle-large', 70_000, 50),
];
