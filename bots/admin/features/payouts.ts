import { Composer } from 'grammy';
import { REJECT_PAYOUT_CONVERSATION } from '#bots/admin/conversations/reject-payout.ts';
import { notifyPayoutDecision } from '#bots/admin/notify-payout-decision.ts';
import { payoutAction } from '#bots/admin/payout-callbacks.ts';
import { renderPayoutCard } from '#bots/admin/payout-card-view.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { describePayoutRequest } from '#bots/shared/payout-text.ts';
import { assertCan } from '#core/accounts/staff.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { approvePayout } from '#core/payouts/approve-payout.ts';
import { listPendingPayouts } from '#core/payouts/list-payouts.ts';

/** `/payouts`: the requests waiting for finance, one card each with Paid / Reject. */
export function payoutsFeature(deps: BotDeps) {
  const feature = new Composer<AdminBotContext>();

  feature.command('payouts', async (ctx) => {
    assertCan(ctx.staff, 'money.payout');
    const pending = await listPendingPayouts(deps.db);
    if (pending.length === 0) return ctx.reply(ctx.t('admin-payouts-empty'));
    for (const request of pending) {
      const view = renderPayoutCard(ctx, request);
      await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
    }
  });

  feature.callbackQuery(payoutAction.pattern, async (ctx) => {
    const action = payoutAction.decode(ctx.callbackQuery.data);
    if (!action) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    assertCan(ctx.staff, 'money.payout');
    if (action.action === 'reject') {
      await ctx.answerCallbackQuery();
      await ctx.conversation.exitAll();
      return ctx.conversation.enter(REJECT_PAYOUT_CONVERSATION, action.id.toString());
    }
    try {
      const request = await approvePayout(deps.db, { staff: ctx.staff, requestId: action.id });
      await notifyPayoutDecision(deps, request);
      const shown = describePayoutRequest((key, args) => ctx.t(key, args), request, ctx.lang);
      const done = ctx.t('admin-payout-approved', {
        id: request.id.toString(),
        send: shown.send,
        method: shown.method,
      });
      await ctx.answerCallbackQuery({ text: done });
      await ctx.editMessageReplyMarkup();
      await ctx.reply(done);
    } catch (error) {
      if (!isAppError(error, 'PAYOUT_NOT_PENDING')) throw error;
      await ctx.answerCallbackQuery({ text: ctx.t('admin-payout-not-pending'), show_alert: true });
      await ctx.editMessageReplyMarkup();
    }
  });
  return feature;
}
