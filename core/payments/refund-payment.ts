import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import { recordAudit } from '#core/audit/record-audit.ts';
import type { PrismaClient, Refund } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { reversePartnerCommission } from '#core/referrals/reverse-partner-commission.ts';
import type { PaymentGateways } from './payment-gateway.ts';

/**
 * Refunds all or part of a payment. The provider refund runs first: if it fails, nothing changes in our books.
 * Then, in one transaction, the money leaves revenue, and the tokens of that purchase are clawed back in
 * proportion to the refunded share, from what is left of its grant. Tokens already spent are recorded as the
 * shortfall, never taken by driving the balance below zero.
 */
export async function refundPayment(
  db: PrismaClient,
  gateways: PaymentGateways,
  input: { staff: TStaff; paymentId: bigint; amount?: bigint; reason: string },
): Promise<Refund> {
  assertCan(input.staff, 'money.refund');
  const payment = await db.payment.findUnique({ where: { id: input.paymentId } });
  if (!payment) throw new AppError('PAYMENT_NOT_FOUND');
  if (payment.status !== 'succeeded' && payment.status !== 'partially_refunded') {
    throw new AppError('REFUND_NOT_ALLOWED', { status: payment.status });
  }
  const refundable = payment.amount - payment.refundedAmount;
  const amount = input.amount ?? refundable;
  if (amount <= 0n || amount > refundable)
    throw new AppError('INVALID_INPUT', { max: refundable.toString() });
  const gateway = gateways[payment.provider];
  if (!gateway) throw new AppError('PROVIDER_ERROR', { provider: payment.provider });

  const refund = await db.refund.create({
    data: { paymentId: payment.id, amount, adminId: input.staff.id, reason: input.reason.slice(0, 500) },
  });
  let providerRefundId: string;
  try {
    ({ providerRefundId } = await gateway.refund(payment, amount, {
      idempotenceKey: `refund:${refund.id}`,
      reason: input.reason,
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.refund.update({
      where: { id: refund.id },
      data: { status: 'failed', failureReason: message.slice(0, 500) },
    });
    throw new AppError('PROVIDER_ERROR', { provider: payment.provider, message });
  }
  // Recorded at once: if the bookkeeping below failed, the refund row still says the money went back.
  await db.refund.update({ where: { id: refund.id }, data: { providerRefundId } });

  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM payments WHERE id = ${payment.id} FOR UPDATE`;
    const current = await tx.payment.findUniqueOrThrow({ where: { id: payment.id } });
    const refundedAmount = current.refundedAmount + amount;
    await tx.payment.update({
      where: { id: payment.id },
      data: { refundedAmount, status: refundedAmount >= current.amount ? 'refunded' : 'partially_refunded' },
    });
    await postTransaction(tx, {
      key: `refund:${refund.id}:money`,
      type: 'refund',
      actor: { type: 'admin', id: input.staff.id },
      reason: input.reason,
      metadata: { paymentId: payment.id.toString(), refundId: refund.id.toString(), providerRefundId },
      postings: [
        { account: { platform: 'revenue', asset: payment.currency }, amount: -amount },
        { account: { platform: `external:${payment.provider}`, asset: payment.currency }, amount },
      ],
    });

    const purchase = await tx.ledgerTransaction.findUnique({
      where: { idempotencyKey: `payment:${payment.id}:tokens` },
      include: { grants: true },
    });
    const grant = purchase?.grants[0];
    let clawed = 0n;
    let shortfall = 0n;
    if (grant) {
      // The share of the purchase's tokens that this refund stands for (a half refund takes half the tokens).
      const due = (grant.amount * amount) / payment.amount;
      const locked = await tx.$queryRaw<
        { remaining: bigint }[]
      >`SELECT remaining FROM token_grants WHERE id = ${grant.id} FOR UPDATE`;
      const remaining = locked[0]?.remaining ?? 0n;
      clawed = remaining < due ? remaining : due;
      shortfall = due - clawed;
      if (clawed > 0n) {
        await postTransaction(tx, {
          key: `refund:${refund.id}:tokens`,
          type: 'reversal',
          actor: { type: 'admin', id: input.staff.id },
          reason: input.reason,
          metadata: {
            paymentId: payment.id.toString(),
            refundId: refund.id.toString(),
            shortfall: shortfall.toString(),
          },
          debitLimit: 'balance',
          postings: [
            { account: { user: payment.userId, asset: 'TOKEN' }, amount: -clawed },
            { account: { platform: 'issuance', asset: 'TOKEN' }, amount: clawed },
          ],
        });
        await tx.tokenGrant.update({ where: { id: grant.id }, data: { remaining: { decrement: clawed } } });
      }
    }
    if (refundedAmount >= current.amount) {
      await tx.entitlement.updateMany({
        where: { paymentId: payment.id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
    }
    // The partner's commission shrinks with the payment; what they already withdrew is recorded, not overdrawn.
    const commission = await reversePartnerCommission(tx, {
      payment: current,
      refundId: refund.id,
      refundedBefore: current.refundedAmount,
      refundedAfter: refundedAmount,
      actorId: input.staff.id,
      reason: input.reason,
    });
    const done = await tx.refund.update({
      where: { id: refund.id },
      data: { status: 'succeeded', providerRefundId, tokensClawedBack: clawed, tokensShortfall: shortfall },
    });
    await recordAudit(tx, {
      actorId: input.staff.id,
      action: 'payment.refund',
      targetUserId: payment.userId,
      before: { status: current.status, refundedAmount: current.refundedAmount.toString() },
      after: {
        refundId: refund.id.toString(),
        amount: amount.toString(),
        refundedAmount: refundedAmount.toString(),
        tokensClawedBack: clawed.toString(),
        tokensShortfall: shortfall.toString(),
        ...(commission && {
          commissionReversed: commission.reversed.toString(),
          commissionShortfall: commission.shortfall.toString(),
        }),
      },
    });
    return done;
  }, LEDGER_TX_OPTIONS);
}
