import type { FastifyInstance } from 'fastify';
import { AppError } from '#core/errors/app-error.ts';
import { announcePayment } from '#core/payments/announce-payment.ts';
import { payFromWallet } from '#core/payments/wallet/pay-from-wallet.ts';
import { walletBalance } from '#core/payments/wallet/wallet-balance.ts';
import { type TWalletPay, ZWalletPayRequestSchema } from '#server/contracts/wallet-pay.ts';
import type { ServerDeps } from '#server/deps.ts';

/**
 * POST /api/checkout/wallet: the `wallet` payment method. Paid in place, so the answer is final (no page to
 * open, nothing to poll); a balance that does not cover the price is WALLET_INSUFFICIENT (402, what is
 * missing in the message).
 */
export function walletPayRoutes(app: FastifyInstance, deps: ServerDeps) {
  app.post('/api/checkout/wallet', async (request): Promise<TWalletPay> => {
    const account = request.account;
    if (!account) throw new AppError('UNAUTHORIZED');
    const body = ZWalletPayRequestSchema.safeParse(request.body);
    if (!body.success) throw new AppError('INVALID_INPUT');
    const paid = await payFromWallet(deps.db, {
      userId: account.id,
      productId: body.data.productId,
      // Namespaced so a page's key can never collide with the bot's or the auto-renewal's.
      key: `miniapp:${account.id}:${body.data.key}`,
    });
    // The buyer reads the answer; a referrer's bonus is announced like after any payment (when notices run).
    const queue = deps.payments?.notifyQueue;
    if (!paid.duplicate && queue)
      await announcePayment({ db: deps.db, queue, translator: deps.translator }, paid, { toBuyer: false });
    return {
      paymentId: paid.payment.id.toString(),
      status: paid.payment.status,
      amount: paid.payment.amount.toString(),
      balance: (await walletBalance(deps.db, account.id)).toString(),
    };
  });
}
