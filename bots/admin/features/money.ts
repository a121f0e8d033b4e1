import { Composer } from 'grammy';
import { balanceButton, paymentCardAction, refundConfirm } from '#bots/admin/callbacks.ts';
import { ADJUST_CONVERSATION } from '#bots/admin/conversations/adjust-balance.ts';
import {
  performRefund,
  REFUND_CONVERSATION,
  refundDoneText,
  refundErrorText,
} from '#bots/admin/conversations/refund.ts';
import { refundableOf, renderFullRefundConfirm, renderPaymentCard } from '#bots/admin/payment-card-view.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { assertCan } from '#core/accounts/staff.ts';
import { loadPayment } from '#core/payments/list-payments.ts';

const notModified = (error: unknown) => {
  // Pressing "refresh" on an unchanged card is not a failure.
  if (!String(error).includes('message is not modified')) throw error;
};

/** The money buttons: balance correction from a user card, and the payment card with its refunds. */
export function moneyFeature(deps: BotDeps) {
  const feature = new Composer<AdminBotContext>();

  const editCard = async (ctx: AdminBotContext, view: ReturnType<typeof renderPaymentCard>) =>
    ctx.editMessageText(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard }).catch(notModified);

  feature.callbackQuery(balanceButton.pattern, async (ctx) => {
    const data = balanceButton.decode(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    assertCan(ctx.staff, 'money.adjust');
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(ADJUST_CONVERSATION, data.userId.toString());
  });

  feature.callbackQuery(paymentCardAction.pattern, async (ctx) => {
    const data = paymentCardAction.decode(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    assertCan(ctx.staff, 'users.view');
    if (data.action === 'full' || data.action === 'part') assertCan(ctx.staff, 'money.refund');
    const payment = await loadPayment(deps.db, data.paymentId);
    if (!payment)
      return ctx.answerCallbackQuery({ text: ctx.t('admin-payment-not-found'), show_alert: true });
    switch (data.action) {
      case 'open': {
        await ctx.answerCallbackQuery();
        const view = renderPaymentCard(ctx, payment);
        return ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
      }
      case 'refresh':
      case 'back':
        await ctx.answerCallbackQuery();
        return editCard(ctx, renderPaymentCard(ctx, payment));
      case 'full':
        if (refundableOf(payment) <= 0n) {
          await ctx.answerCallbackQuery({ text: ctx.t('admin-refund-nothing'), show_alert: true });
          return editCard(ctx, renderPaymentCard(ctx, payment));
        }
        await ctx.answerCallbackQuery();
        return editCard(ctx, renderFullRefundConfirm(ctx, payment));
      case 'part':
        if (payment.provider === 'stars' || refundableOf(payment) <= 0n)
          return ctx.answerCallbackQuery({ text: ctx.t('admin-refund-nothing'), show_alert: true });
        await ctx.answerCallbackQuery();
        await ctx.conversation.exitAll();
        return ctx.conversation.enter(REFUND_CONVERSATION, payment.id.toString());
    }
  });

  feature.callbackQuery(refundConfirm.pattern, async (ctx) => {
    const data = refundConfirm.decode(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    // Checked before anything else: the button may be forged, the permission cannot be.
    assertCan(ctx.staff, 'money.refund');
    const result = await performRefund(deps, ctx.staff, {
      paymentId: data.paymentId,
      amount: data.amount,
      reason: 'full refund (admin bot)',
    });
    const payment = await loadPayment(deps.db, data.paymentId);
    if (!result.ok) {
      // Telegram cuts an alert at 200 characters; the card below shows the refund's full failure reason.
      await ctx.answerCallbackQuery({ text: refundErrorText(ctx, result).slice(0, 200), show_alert: true });
    } else {
      await ctx.answerCallbackQuery();
      if (payment)
        await ctx.reply(refundDoneText(ctx, payment.currency, result.value), { parse_mode: 'HTML' });
    }
    if (payment) await editCard(ctx, renderPaymentCard(ctx, payment));
  });

  return feature;
}
