import type { Conversation } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import { attempt } from '#bots/shared/attempt.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { formatUtc, fullName } from '#bots/shared/format.ts';
import { ADMIN_MAX_DAYS, adminExtendDays } from '#core/vpn/admin/admin-extend-days.ts';
import { VPN_DAYS_CANCEL } from '../vpn-callbacks.ts';
import { renderVpnCard } from '../vpn-card-view.ts';

export const VPN_DAYS_CONVERSATION = 'vpn-days';

/** "➕ Days…" on the VPN card: asks how many free days to add, adds them and shows the card again. */
export function createVpnDaysConversation(deps: BotDeps) {
  return async function vpnDays(
    conversation: Conversation<AdminBotContext, Context>,
    _ctx: Context,
    userId: string,
  ) {
    const target = BigInt(userId);
    await conversation.external((outer) =>
      outer.reply(outer.t('admin-vpn-days-ask', { max: ADMIN_MAX_DAYS }), {
        reply_markup: new InlineKeyboard().text(outer.t('admin-button-cancel'), VPN_DAYS_CANCEL),
      }),
    );
    for (;;) {
      const next = await conversation.wait();
      if (next.callbackQuery?.data === VPN_DAYS_CANCEL) {
        await next.answerCallbackQuery();
        await conversation.external((outer) => outer.reply(outer.t('cancelled')));
        return;
      }
      const text = next.message?.text?.trim();
      if (text?.startsWith('/') || (next.callbackQuery && !text)) await conversation.skip({ next: true });
      const days = /^\d{1,4}$/.test(text ?? '') ? Number(text) : 0;
      if (days < 1 || days > ADMIN_MAX_DAYS) {
        await conversation.external((outer) =>
          outer.reply(outer.t('admin-vpn-days-invalid', { max: ADMIN_MAX_DAYS })),
        );
        continue;
      }
      await conversation.external(async (outer) => {
        const result = await attempt(() =>
          adminExtendDays(deps.db, { staff: outer.staff, userId: target, days }),
        );
        if (!result.ok) {
          await outer.reply(
            outer.t(result.code === 'FORBIDDEN' ? 'error-forbidden' : 'error-user-not-found'),
          );
          return;
        }
        await outer.reply(outer.t('admin-vpn-extended', { days, until: formatUtc(result.value.expiresAt) }));
        const [user, sub] = await Promise.all([
          deps.db.user.findUnique({ where: { id: target } }),
          deps.db.vpnSubscription.findUnique({ where: { userId: target } }),
        ]);
        const view = renderVpnCard(outer, { userId: target, name: user ? fullName(user) : userId, sub });
        await outer.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
      });
      return;
    }
  };
}
