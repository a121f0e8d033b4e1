import { Composer } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import { SIGNUP_CONVERSATION } from '#bots/user/conversations/signup.ts';
import { showMainMenu } from '#bots/user/menus/main-menu.ts';

/** `/start [referral code]`: signup the first time, the main menu after that. */
export const startFeature = new Composer<UserBotContext>();
const privateChats = startFeature.chatType('private');

privateChats.command('start', async (ctx) => {
  if (!ctx.account?.signedUpAt) {
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(SIGNUP_CONVERSATION);
    return;
  }
  await showMainMenu(ctx);
});

// Until signup is done, anything but a command brings the user back to it.
privateChats.filter(
  (ctx) => !ctx.account?.signedUpAt,
  async (ctx, next) => {
    if (ctx.message?.text?.startsWith('/')) return next();
    await ctx.conversation.enter(SIGNUP_CONVERSATION);
  },
);
