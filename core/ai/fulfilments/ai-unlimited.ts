import { z } from 'zod';
import { defineFulfilment, NOTHING_REVERSED } from '#core/services/service-module.ts';
import { revokeEntitlement } from './revoke-entitlement.ts';

const DAY_MS = 86_400_000;

/** Days without token charges on text models. A partial refund leaves the day running; a full one ends it. */
export const aiUnlimitedFulfilment = defineFulfilment({
  kind: 'ai.unlimited',
  params: z.object({ validDays: z.number().int().positive() }),
  async fulfil(tx, { payment, params, now }) {
    await tx.entitlement.upsert({
      where: { paymentId: payment.id },
      create: {
        userId: payment.userId,
        kind: 'ai_unlimited',
        productId: payment.productId,
        paymentId: payment.id,
        startsAt: now,
        endsAt: new Date(now.getTime() + params.validDays * DAY_MS),
      },
      update: {},
    });
  },
  async reverse(tx, ctx) {
    if (ctx.refund.full) await revokeEntitlement(tx, ctx.payment.id, ctx.now);
    return NOTHING_REVERSED;
  },
});
