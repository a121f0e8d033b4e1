import type { Prisma } from '#core/db/generated/client.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';

/** The channel the worker listens on: NOTIFY is delivered only when the transaction commits. */
export const OPERATIONS_CHANNEL = 'service_operations';

/**
 * Writes an outbox row inside the caller's transaction and wakes the worker once that transaction commits.
 * Asking twice with the same key keeps the first row (a re-delivered payment asks again).
 */
export async function requestOperation(
  tx: TTx,
  input: {
    operation: string;
    key: string;
    payload: Prisma.InputJsonValue;
    userId: bigint | null;
    paymentId: bigint | null;
  },
): Promise<bigint> {
  const row = await tx.serviceOperation.upsert({
    where: { key: input.key },
    create: {
      key: input.key,
      operation: input.operation,
      payload: input.payload,
      userId: input.userId,
      paymentId: input.paymentId,
    },
    update: {},
    select: { id: true },
  });
  await tx.$executeRaw`SELECT pg_notify(${OPERATIONS_CHANNEL}, ${row.id.toString()})`;
  return row.id;
}
