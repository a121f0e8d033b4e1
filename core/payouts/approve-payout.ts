import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import { recordAudit } from '#core/audit/record-audit.ts';
import type { PayoutRequest, PrismaClient } from '#core/db/generated/client.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { lockPendingPayout } from './lock-pending-payout.ts';

/**
 * Finance approves a payout it has sent (by card, SBP or wallet, outside the platform): the reserved amount
 * leaves `payouts_in_flight` for `external:payouts` in the balance's asset (the ledger keeps what the user
 * gave up; the request keeps what was sent and at which rate), and the request goes approved → paid, in one
 * transaction with its audit row.
 */
export async function approvePayout(
  db: PrismaClient,
  input: { staff: TStaff; requestId: bigint; now?: Date },
): Promise<PayoutRequest> {
  assertCan(input.staff, 'money.payout');
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const request = await lockPendingPayout(tx, input.requestId);
    await tx.payoutRequest.update({
      where: { id: request.id },
      data: { status: 'approved', decidedById: input.staff.id, decidedAt: now },
    });
    const posted = await postTransaction(tx, {
      key: `payout:${request.id}:paid`,
      type: 'payout',
      actor: { type: 'admin', id: input.staff.id },
      reason: 'payout sent',
      metadata: {
        payoutRequestId: request.id.toString(),
        userId: request.userId.toString(),
        method: request.method,
        payoutAmount: request.payoutAmount.toString(),
        payoutCurrency: request.payoutCurrency,
      },
      postings: [
        { account: { platform: 'payouts_in_flight', asset: request.asset }, amount: -request.amount },
        { account: { platform: 'external:payouts', asset: request.asset }, amount: request.amount },
      ],
    });
    const paid = await tx.payoutRequest.update({ where: { id: request.id }, data: { status: 'paid' } });
    await recordAudit(tx, {
      actorId: input.staff.id,
      action: 'payout.approve',
      targetUserId: request.userId,
      before: { payoutRequestId: request.id.toString(), status: request.status },
      after: {
        payoutRequestId: request.id.toString(),
        status: paid.status,
        asset: request.asset,
        amount: request.amount.toString(),
        payoutAmount: request.payoutAmount.toString(),
        payoutCurrency: request.payoutCurrency,
        transactionId: posted.transactionId.toString(),
      },
    });
    return paid;
  }, LEDGER_TX_OPTIONS);
}
