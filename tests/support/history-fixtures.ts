import { runInstantRequest } from '#core/ai/chat/instant-request.ts';
import { syncModelCatalog } from '#core/ai/models/sync-model-catalog.ts';
import type { Payment, PrismaClient } from '#core/db/generated/client.ts';
import { confirmPayment } from '#core/payments/confirm-payment.ts';
import { startCheckout } from '#core/payments/start-checkout.ts';

/**
 * Money movements made the way the product makes them, for tests of what the history says about them: a
 * purchase through checkout and a verified confirmation, a chat reply paid through the instant-request path
 * (hold, `ai_requests` row, capture). No provider is called: the "reply" is the test's own string.
 */
export async function buyWithStars(db: PrismaClient, userId: bigint, productId: string): Promise<Payment> {
  const payment = await startCheckout(db, { userId, productId, provider: 'stars' });
  await confirmPayment(db, {
    paymentId: payment.id,
    provider: 'stars',
    providerPaymentId: `charge-${payment.id}`,
    amount: payment.amount,
    currency: payment.currency,
    raw: { test: true },
  });
  return payment;
}

/** One paid chat reply on a text model; the catalog is mirrored first, as at start-up. */
export async function chatOnModel(db: PrismaClient, userId: bigint, modelId: string): Promise<bigint> {
  await syncModelCatalog(db);
  const outcome = await runInstantRequest(db, {
    request: { userId, kind: 'text', modelId, source: 'bot', prompt: 'Hello', language: 'en' },
    served: true,
    run: async () => 'Hi there',
    settle: async (_tx, done) => done.value,
  });
  return outcome.requestId;
}
