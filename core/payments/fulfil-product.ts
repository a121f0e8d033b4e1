import { z } from 'zod';
import type { Payment } from '#core/db/generated/client.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { requestOperation } from '#core/services/operations/request-operation.ts';
import { REGISTRY, type TServiceRegistry } from '#core/services/registry.ts';

const ZSnapshotSchema = z.object({ fulfilment: z.object({ kind: z.string() }).loose() });

/** The fulfilment a payment's product snapshot names, with its parameters checked. */
export function snapshotFulfilment(payment: Payment, registry: TServiceRegistry) {
  const { fulfilment } = ZSnapshotSchema.parse(payment.product);
  const kind = registry.fulfilment(fulfilment.kind);
  if (!kind) throw new Error(`payment ${payment.id}: unknown fulfilment ${fulfilment.kind}`);
  return { kind, params: kind.params.parse(fulfilment) };
}

/**
 * Delivers what a payment bought, inside the transaction that marks it paid, through the fulfilment its
 * product snapshot names (never today's catalog). Outside calls it asks for become outbox rows in this same
 * transaction; the worker performs them after commit. Returns the ids of those rows.
 */
export async function fulfilProduct(
  tx: TTx,
  payment: Payment,
  now: Date,
  registry: TServiceRegistry = REGISTRY,
): Promise<bigint[]> {
  const { kind, params } = snapshotFulfilment(payment, registry);
  const operations: bigint[] = [];
  await kind.fulfil(tx, {
    payment,
    params,
    now,
    async afterCommit(request) {
      if (!registry.operation(request.operation)) throw new Error(`unknown operation ${request.operation}`);
      operations.push(
        await requestOperation(tx, { ...request, userId: payment.userId, paymentId: payment.id }),
      );
    },
  });
  return operations;
}
