import { ZFulfilmentSchema } from '#core/catalog/products.ts';
import type { Payment, Prisma } from '#core/db/generated/client.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';

const DAY_MS = 86_400_000;

/**
 * Delivers what a payment bought, inside the transaction that marks it paid. It reads the product
 * snapshot stored on the payment, never today's catalog.
 */
export async function fulfilProduct(
  tx: Prisma.TransactionClient,
  payment: Payment,
  now: Date,
): Promise<void> {
  const fulfilment = ZFulfilmentSchema.parse((payment.product as { fulfilment: unknown }).fulfilment);
  const base = {
    userId: payment.userId,
    type: 'topup' as const,
    actor: { type: 'user' as const, id: payment.userId },
    metadata: { paymentId: payment.id.toString(), productId: payment.productId },
  };
  switch (fulfilment.kind) {
    case 'tokens.pack':
      await creditTokens(tx, {
        ...base,
        key: `payment:${payment.id}:tokens`,
        amount: BigInt(fulfilment.tokens),
        source: 'purchase',
        expiresAt: null,
        reason: `purchase ${payment.productId}`,
      });
      return;
    case 'ai.subscription': {
      const endsAt = new Date(now.getTime() + fulfilment.validDays * DAY_MS);
      const credited = await creditTokens(tx, {
        ...base,
        key: `payment:${payment.id}:tokens`,
        amount: BigInt(fulfilment.tokens),
        source: 'subscription',
        expiresAt: endsAt,
        reason: `subscription ${payment.productId}`,
      });
      await tx.entitlement.upsert({
        where: { paymentId: payment.id },
        create: {
          userId: payment.userId,
          kind: 'ai_subscription',
          productId: payment.productId,
          paymentId: payment.id,
          grantId: credited.grantId,
          startsAt: now,
          endsAt,
        },
        update: {},
      });
      return;
    }
    case 'ai.unlimited':
      await tx.entitlement.upsert({
        where: { paymentId: payment.id },
        create: {
          userId: payment.userId,
          kind: 'ai_unlimited',
          productId: payment.productId,
          paymentId: payment.id,
          startsAt: now,
          endsAt: new Date(now.getTime() + fulfilment.validDays * DAY_MS),
        },
        update: {},
      });
      return;
  }
}
