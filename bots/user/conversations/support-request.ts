import type { Conversation } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { forwardToSupport } from '#bots/user/support-relay.ts';

export const SUPPORT_CONVERSATION = 'support';

/** `/support` without text: the next message, whatever it holds, goes to the support chat. */
export function createSupportConversation(deps: BotDeps) {
  return async function support(conversation: Conversation<UserBotContext, Context>, ctx: Context) {
    const lang = await conversation.external((outer) => outer.lang);
    await ctx.reply(deps.translator.t(lang, 'support-prompt'));
    const next = await conversation.waitFor('message');
    if (next.message.text?.startsWith('/')) await conversation.skip({ next: true });
    await conversation.external((outer) => forwardToSupport(outer, deps));
  };
}
