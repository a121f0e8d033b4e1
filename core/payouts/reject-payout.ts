import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import { recordAudit } from '#core/audit/record-audit.ts';
import type { PayoutRequest, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { lockPendingPayout } from './lock-pending-payout.ts';

export const PAYOUT_REJECT_REASON_MAX = 500;

/** Finance refuses a payout with a reason the user reads; the reserved amount goes back to their balance. */
export async function rejectPayout(
  db: PrismaClient,
  input: { staff: TStaff; requestId: bigint; reason: string; now?: Date },
): Promise<PayoutRequest> {
  assertCan(input.staff, 'money.payout');
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > PAYOUT_REJECT_REASON_MAX)
    throw new AppError('INVALID_INPUT', { max: PAYOUT_REJECT_REASON_MAX });
  return db.$transaction(async (tx) => {
    const request = await lockPendingPayout(tx, input.requestId);
    const posted = await postTransaction(tx, {
      key: `payout:${request.id}:reversal`,
      type: 'reversal',
      actor: { type: 'admin', id: input.staff.id },
      reason,
      metadata: { payoutRequestId: request.id.toString(), userId: request.userId.toString() },
      postings: [
        { account: { platform: 'payouts_in_flight', asset: request.asset }, amount: -request.amount },
        { account: { user: request.userId, asset: request.asset }, amount: request.amount },
      ],
    });
    const rejected = await tx.payoutRequest.update({
      where: { id: request.id },
      data: {
        status: 'rejected',
        decidedById: input.staff.id,
        decidedAt: input.now ?? new Date(),
        rejectReason: reason,
      },
    });
    await recordAudit(tx, {
      actorId: input.staff.id,
      action: 'payout.reject',
      targetUserId: request.userId,
      before: { payoutRequestId: request.id.toString(), status: request.status },
      after: {
        payoutRequestId: request.id.toString(),
        status: rejected.status,
        reason,
        transactionId: posted.transactionId.toString(),
      },
    });
    return rejected;
  }, LEDGER_TX_OPTIONS);
}
