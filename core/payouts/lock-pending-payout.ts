import type { PayoutRequest, PayoutStatus } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';

/**
 * Locks a payout request that is still waiting for a decision: two finance admins pressing at once decide
 * it once, and the second is told it is no longer pending.
 */
export async function lockPendingPayout(tx: TTx, requestId: bigint): Promise<PayoutRequest> {
  const locked = await tx.$queryRaw<
    { status: PayoutStatus }[]
  >`SELECT status FROM payout_requests WHERE id = ${requestId} FOR UPDATE`;
  if (!locked[0]) throw new AppError('NOT_FOUND');
  if (locked[0].status !== 'requested')
    throw new AppError('PAYOUT_NOT_PENDING', { status: locked[0].status });
  return tx.payoutRequest.findUniqueOrThrow({ where: { id: requestId } });
}
