import { recordAudit } from '#core/audit/record-audit.ts';
import type { PayoutRequest, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';

/** 500 RUB in kopecks: smaller payouts cost more to send by hand than they are worth. */
export const PAYOUT_MIN_RUB = 50_000n;
export const PAYOUT_DETAILS_MAX = 500;

/**
 * A partner asks for their RUB earnings. The amount leaves their balance for `payouts_in_flight` in the same
 * transaction that records the request, so it cannot be requested or spent twice while finance decides.
 * Money leaving the platform needs a verified email (docs/architecture.md), to reach the owner if a payout
 * is disputed.
 */
export async function requestPayout(
  db: PrismaClient,
  input: { userId: bigint; amount: bigint; details: string },
): Promise<{ request: PayoutRequest; balance: bigint }> {
  const details = input.details.trim();
  if (details.length < 4 || details.length > PAYOUT_DETAILS_MAX)
    throw new AppError('INVALID_INPUT', { field: 'details', max: PAYOUT_DETAILS_MAX });
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw new AppError('USER_NOT_FOUND');
    if (user.status === 'banned') throw new AppError('USER_BANNED');
    const partner = await tx.partner.findUnique({ where: { userId: user.id } });
    if (!partner) throw new AppError('NOT_A_PARTNER');
    if (!user.email || !user.emailVerifiedAt) throw new AppError('EMAIL_REQUIRED');
    if (input.amount < PAYOUT_MIN_RUB)
      throw new AppError('PAYOUT_TOO_SMALL', { min: PAYOUT_MIN_RUB.toString() });
    const request = await tx.payoutRequest.create({
      data: { partnerId: partner.id, amount: input.amount, currency: 'RUB', details },
    });
    const posted = await postTransaction(tx, {
      key: `payout:${request.id}:request`,
      type: 'payout',
      actor: { type: 'user', id: user.id },
      reason: 'payout requested',
      metadata: { payoutRequestId: request.id.toString(), partnerId: partner.id.toString() },
      postings: [
        { account: { user: user.id, asset: 'RUB' }, amount: -input.amount },
        { account: { platform: 'payouts_in_flight', asset: 'RUB' }, amount: input.amount },
      ],
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'payout.request',
      targetUserId: user.id,
      after: { payoutRequestId: request.id.toString(), amount: input.amount.toString(), currency: 'RUB' },
    });
    const balance = posted.entries.find((e) => e.amount < 0n)?.balanceAfter ?? 0n;
    return { request, balance };
  }, LEDGER_TX_OPTIONS);
}
