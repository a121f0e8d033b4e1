import type { PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import type { PaymentGateway } from '#core/payments/payment-gateway.ts';

/**
 * The wallet as a payment provider: nothing to open (payFromWallet pays in place), and a refund is a credit
 * of the user's RUB balance from the wallet's clearing account, which refundPayment's own booking then
 * fills from revenue, as it does for any provider. Idempotent by the refund's key.
 */
export function createWalletGateway(db: PrismaClient): PaymentGateway {
  return {
    open: async () => {
      throw new AppError('CURRENCY_NOT_SUPPORTED', { provider: 'wallet' });
    },
    async refund(payment, amount, opts) {
      const posted = await db.$transaction((tx) =>
        postTransaction(tx, {
          key: `${opts.idempotenceKey}:wallet`,
          type: 'refund',
          actor: { type: 'system' },
          reason: opts.reason,
          metadata: { paymentId: payment.id.toString() },
          postings: [
            { account: { platform: 'external:wallet', asset: payment.currency }, amount: -amount },
            { account: { user: payment.userId, asset: payment.currency }, amount },
          ],
        }),
      );
      return { providerRefundId: `ledger:${posted.transactionId}` };
    },
  };
}
