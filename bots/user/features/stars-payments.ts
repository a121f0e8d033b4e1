import { Composer } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { toJson } from '#core/db/to-json.ts';
import { announcePayment, paymentReceivedText } from '#core/payments/announce-payment.ts';
import { confirmPayment } from '#core/payments/confirm-payment.ts';
import { validatePreCheckout } from '#core/payments/stars/validate-pre-checkout.ts';
import { parsePaymentReference } from '#core/payments/start-checkout.ts';

const REFUSAL_KEYS = {
  unknown: 'precheckout-unknown',
  not_yours: 'precheckout-unknown',
  not_pending: 'precheckout-not-pending',
  mismatch: 'precheckout-mismatch',
  banned: 'precheckout-banned',
} as const;

/**
 * Telegram Stars: the pre-checkout answer (Telegram waits 10 s for it) and the successful payment.
 * Installed before the ban guard and flood control: a payment Telegram has already taken must be
 * recorded whatever else is going on with the account.
 */
export function starsPaymentsFeature(deps: BotDeps) {
  const feature = new Composer<UserBotContext>();

  feature.on('pre_checkout_query', async (ctx) => {
    const query = ctx.preCheckoutQuery;
    const verdict = await validatePreCheckout(deps.db, {
      payload: query.invoice_payload,
      currency: query.currency,
      totalAmount: query.total_amount,
      userId: BigInt(query.from.id),
    });
    if (verdict.ok) return ctx.answerPreCheckoutQuery(true);
    ctx.log.warn({ reason: verdict.reason, payload: query.invoice_payload }, 'pre-checkout refused');
    await ctx.answerPreCheckoutQuery(false, { error_message: ctx.t(REFUSAL_KEYS[verdict.reason]) });
  });

  feature.on('message:successful_payment', async (ctx) => {
    const paid = ctx.message.successful_payment;
    const paymentId = parsePaymentReference(paid.invoice_payload);
    try {
      if (paymentId === null) throw new Error(`unknown invoice payload ${paid.invoice_payload}`);
      const outcome = await confirmPayment(deps.db, {
        paymentId,
        provider: 'stars',
        providerPaymentId: paid.telegram_payment_charge_id,
        amount: BigInt(paid.total_amount),
        currency: 'XTR',
        raw: toJson(paid),
      });
      const { payment } = outcome;
      await announcePayment({ db: deps.db, queue: deps.notifyQueue, translator: deps.translator }, outcome, {
        toBuyer: false,
      });
      await ctx.reply(await paymentReceivedText(deps, payment, ctx.lang));
    } catch (error) {
      // The Stars are taken: the charge id in the log is what support needs to credit or refund by hand.
      ctx.log.error(
        { err: String(error), chargeId: paid.telegram_payment_charge_id, payload: paid.invoice_payload },
        'successful Stars payment not credited',
      );
      await ctx.reply(ctx.t('payment-problem'));
    }
  });
  return feature;
}
