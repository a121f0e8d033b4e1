import { Composer } from 'grammy';
import { setChatMenuButton } from '#bots/shared/chat-menu-button.ts';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { SIGNUP_CONVERSATION } from '#bots/user/conversations/signup.ts';
import { showMainMenu } from '#bots/user/menus/main-menu.ts';

/** `/start [referral code]`: signup the first time, the main menu after that. */
export function startFeature(deps: Pick<BotDeps, 'translator' | 'miniAppUrl'>) {
  const feature = new Composer<UserBotContext>();
  const privateChats = feature.chatType('private');

  privateChats.command('start', async (ctx) => {
    const account = ctx.account;
    if (!account?.signedUpAt) {
      await ctx.conversation.exitAll();
      await ctx.conversation.enter(SIGNUP_CONVERSATION);
      return;
    }
    // Signup and language changes set the chat's menu button; accounts older than that get it here.
    await setChatMenuButton(
      ctx.api,
      { ...deps, log: ctx.log },
      { chatId: ctx.chat.id, lang: account.language },
    );
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
  return feature;
}
