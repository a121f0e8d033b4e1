import { z } from 'zod';
import { defineFulfilment } from '#core/services/service-module.ts';
import { clawBackPurchaseTokens, creditPurchaseTokens } from './purchase-tokens.ts';

export const ZTokenAmountSchema = z.string().regex(/^[1-9]\d{0,17}$/);

/**
 * Perpetual tokens for the one wallet. Every service that is paid in tokens (the AI studio, video tasks)
 * sells packs of this kind, so it belongs to the wallet rather than to one service.
 */
export const tokenPackFulfilment = defineFulfilment({
  kind: 'tokens.pack',
  params: z.object({ tokens: ZTokenAmountSchema }),
  async fulfil(tx, { payment, params }) {
    await creditPurchaseTokens(tx, {
      payment,
      tokens: BigInt(params.tokens),
      expiresAt: null,
      source: 'purchase',
    });
  },
  reverse: (tx, ctx) => clawBackPurchaseTokens(tx, ctx),
});
