import type { Conversation } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import { BAN_CANCEL } from '#bots/admin/callbacks.ts';
import { notifyTarget } from '#bots/admin/notify-target.ts';
import { renderUserCard } from '#bots/admin/user-card-view.ts';
import { attempt } from '#bots/shared/attempt.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { escapeHtml, fullName } from '#bots/shared/format.ts';
import { BAN_REASON_MAX, banUser } from '#core/accounts/ban-user.ts';
import { loadUserCard } from '#core/accounts/find-user.ts';
import { getWallet } from '#core/ledger/wallet.ts';

export const BAN_CONVERSATION = 'ban';

/** Asks for the reason (the user will read it), then bans, tells the user and shows the updated card. */
export function createBanConversation(deps: BotDeps) {
  return async function ban(
    conversation: Conversation<AdminBotContext, Context>,
    _ctx: Context,
    userId: string,
  ) {
    const target = BigInt(userId);
    const name = await conversation.external(async (outer) => {
      const user = await deps.db.user.findUnique({ where: { id: target } });
      const display = user ? escapeHtml(fullName(user)) : userId;
      await outer.reply(outer.t('admin-ban-ask-reason', { name: display }), {
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard().text(outer.t('admin-button-cancel'), BAN_CANCEL),
      });
      return display;
    });
    for (;;) {
      const next = await conversation.wait();
      if (next.callbackQuery?.data === BAN_CANCEL) {
        await next.answerCallbackQuery();
        await conversation.external((outer) => outer.reply(outer.t('cancelled')));
        return;
      }
      const text = next.message?.text?.trim();
      if (text?.startsWith('/') || (next.callbackQuery && !text)) await conversation.skip({ next: true });
      if (!text || text.length > BAN_REASON_MAX) {
        await conversation.external((outer) => outer.reply(outer.t('admin-ban-reason-invalid')));
        continue;
      }
      const done = await conversation.external(async (outer) => {
        const result = await attempt(() =>
          banUser(deps.db, { staff: outer.staff, userId: target, reason: text }),
        );
        if (!result.ok) {
          await outer.reply(
            outer.t(result.code === 'FORBIDDEN' ? 'error-forbidden' : 'error-user-not-found'),
          );
          return false;
        }
        await notifyTarget(deps, result.value, 'ban-notice', { reason: text });
        await outer.reply(outer.t('admin-ban-done', { name, reason: escapeHtml(text) }), {
          parse_mode: 'HTML',
        });
        const card = await loadUserCard(deps.db, target);
        if (card) {
          const view = renderUserCard(outer, card, await getWallet(deps.db, target));
          await outer.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
        }
        return true;
      });
      if (done) return;
    }
  };
}
