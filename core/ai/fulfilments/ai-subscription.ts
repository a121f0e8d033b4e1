import { z } from 'zod';
import { clawBackPurchaseTokens, creditPurchaseTokens } from '#core/payments/fulfilments/purchase-tokens.ts';
import { ZTokenAmountSchema } from '#core/payments/fulfilments/token-pack.ts';
import { defineFulfilment } from '#core/services/service-module.ts';
import { revokeEntitlement } from './revoke-entitlement.ts';

const DAY_MS = 86_400_000;

/**
 * An AI plan: tokens that expire with it, and the tier it grants for its days (the product says which, so no
 * plan id is hard-coded where tiers are read: core/ai/user-tier.ts).
 */
export const aiSubscriptionFulfilment = defineFulfilment({
  kind: 'ai.subscription',
  params: z.object({
    tokens: ZTokenAmountSchema,
    validDays: z.number().int().positive(),
    tier: z.enum(['basic', 'premium']),
  }),
  async fulfil(tx, { payment, params, now }) {
    const endsAt = new Date(now.getTime() + params.validDays * DAY_MS);
    const credited = await creditPurchaseTokens(tx, {
      payment,
      tokens: BigInt(params.tokens),
      expiresAt: endsAt,
      source: 'subscription',
    });
    await tx.entitlement.upsert({
      where: { paymentId: payment.id },
      create: {
        userId: payment.userId,
        kind: 'ai_subscription',
        tier: params.tier,
        productId: payment.productId,
        paymentId: payment.id,
        grantId: credited.grantId,
        startsAt: now,
        endsAt,
      },
      update: {},
    });
  },
  async reverse(tx, ctx) {
    const reversal = await clawBackPurchaseTokens(tx, ctx);
    if (ctx.refund.full) await revokeEntitlement(tx, ctx.payment.id, ctx.now);
    return reversal;
  },
});
