import { Composer } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import { ADD_EMAIL_CONVERSATION } from '#bots/user/conversations/add-email.ts';
import { PROFILE_EMAIL_BUTTON, renderProfile } from '#bots/user/profile-view.ts';

export const profileFeature = new Composer<UserBotContext>();
const privateChats = profileFeature.chatType('private');

privateChats.command('profile', async (ctx) => {
  const view = renderProfile(ctx);
  await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
});

privateChats.callbackQuery(PROFILE_EMAIL_BUTTON, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(ADD_EMAIL_CONVERSATION);
});
