import { Composer } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';

export const helpFeature = new Composer<UserBotContext>();
const privateChats = helpFeature.chatType('private');

privateChats.command('help', (ctx) => ctx.reply(ctx.t('help-text'), { parse_mode: 'HTML' }));

privateChats.command('cancel', async (ctx) => {
  const active = Object.keys(await ctx.conversation.active()).length > 0;
  await ctx.conversation.exitAll();
  await ctx.reply(ctx.t(active ? 'cancelled' : 'nothing-to-cancel'), {
    reply_markup: { remove_keyboard: true },
  });
});
