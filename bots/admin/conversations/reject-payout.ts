import type { Conversation } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import { notifyPayoutDecision } from '#bots/admin/notify-payout-decision.ts';
import { PAYOUT_REJECT_CANCEL } from '#bots/admin/payout-callbacks.ts';
import { attempt } from '#bots/shared/attempt.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { escapeHtml } from '#bots/shared/format.ts';
import { PAYOUT_REJECT_REASON_MAX, rejectPayout } from '#core/payouts/reject-payout.ts';

export const REJECT_PAYOUT_CONVERSATION = 'reject-payout';

/** Asks finance why (the user reads it), rejects, returns the money to the user's balance and tells them. */
export function createRejectPayoutConversation(deps: BotDeps) {
  return async function rejectPayoutConversation(
    conversation: Conversation<AdminBotContext, Context>,
    _ctx: Context,
    requestId: string,
  ) {
    await conversation.external((outer) =>
      outer.reply(outer.t('admin-payout-ask-reason', { id: requestId }), {
        reply_markup: new InlineKeyboard().text(outer.t('admin-button-cancel'), PAYOUT_REJECT_CANCEL),
      }),
    );
    for (;;) {
      const next = await conversation.wait();
      if (next.callbackQuery?.data === PAYOUT_REJECT_CANCEL) {
        await next.answerCallbackQuery();
        await conversation.external((outer) => outer.reply(outer.t('cancelled')));
        return;
      }
      const text = next.message?.text?.trim();
      if (text?.startsWith('/') || (next.callbackQuery && !text)) await conversation.skip({ next: true });
      if (!text || text.length > PAYOUT_REJECT_REASON_MAX) {
        await conversation.external((outer) => outer.reply(outer.t('admin-payout-reason-invalid')));
        continue;
      }
      await conversation.external(async (outer) => {
        const result = await attempt(() =>
          rejectPayout(deps.db, { staff: outer.staff, requestId: BigInt(requestId), reason: text }),
        );
        if (!result.ok) {
          const key =
            result.code === 'PAYOUT_NOT_PENDING'
              ? 'admin-payout-not-pending'
              : result.code === 'FORBIDDEN'
                ? 'error-forbidden'
                : 'error-invalid-input';
          await outer.reply(outer.t(key));
          return;
        }
        await notifyPayoutDecision(deps, result.value);
        await outer.reply(outer.t('admin-payout-rejected', { id: requestId, reason: escapeHtml(text) }), {
          parse_mode: 'HTML',
        });
      });
      return;
    }
  };
}
