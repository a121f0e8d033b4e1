import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import { recordAudit } from '#core/audit/record-audit.ts';
import type { PrismaClient, Refund } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { reversePartnerCommission } from '#core/referrals/reverse-partner-commission.ts';
import { REGISTRY, type TServiceRegistry } from '#core/services/registry.ts';
import { snapshotFulfilment } from './fulfil-product.ts';
import type { PaymentGateways } from './payment-gateway.ts';
import { createWalletGateway } from './wallet/wallet-gateway.ts';

/**
 * Refunds all or part of a payment. The provider refund runs first: if it fails, nothing changes in our books.
 * Then, in one transaction, the money leaves revenue, and the fulfilment that delivered the purchase reverses
 * its share (token packs and plans claw back tokens in proportion, recording what was already spent as the
 * shortfall; a full refund ends time-limited rights), and the partner's commission shrinks with it.
 */
export async function refundPayment(
  db: PrismaClient,
  gateways: PaymentGateways,
  input: { staff: TStaff; paymentId: bigint; amount?: bigint; reason: string },
  registry: TServiceRegistry = REGISTRY,
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
  // The wallet needs no credentials: its refund is a ledger credit, available wherever refunds are made.
  const gateway = payment.provider === 'wallet' ? createWalletGateway(db) : gateways[payment.provider];
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

    // What the purchase delivered goes back through the fulfilment that delivered it (its service's rule).
    const { kind, params } = snapshotFulfilment(current, registry);
    const reversal = await kind.reverse(tx, {
      payment: current,
      params,
      refund: {
        id: refund.id,
        amount,
        refundedBefore: current.refundedAmount,
        refundedAfter: refundedAmount,
        full: refundedAmount >= current.amount,
      },
      actor: { type: 'admin', id: input.staff.id },
      reason: input.reason,
      now: new Date(),
    });
    const clawed = reversal.tokensClawedBack;
    const shortfall = reversal.tokensShortfall;
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
        ...reversal.details,
        ...(commission && {
          commissionReversed: commission.reversed.toString(),
          commissionShortfall: commission.shortfall.toString(),
        }),
      },
    });
    return done;
  }, LEDGER_TX_OPTIONS);
}
