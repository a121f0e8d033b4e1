import { Composer } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { SUPPORT_CONVERSATION } from '#bots/user/conversations/support-request.ts';
import { forwardToSupport, relaySupportReply } from '#bots/user/support-relay.ts';

export function supportFeature(deps: BotDeps) {
  const feature = new Composer<UserBotContext>();
  feature.chatType('private').command('support', async (ctx) => {
    if (deps.config.SUPPORT_CHAT_ID === undefined) return ctx.reply(ctx.t('support-unavailable'));
    // `/support text` sends at once; a bare `/support` asks for the message.
    if (ctx.match.trim()) return forwardToSupport(ctx, deps);
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(SUPPORT_CONVERSATION);
  });
  const supportChat = deps.config.SUPPORT_CHAT_ID;
  if (supportChat !== undefined) {
    feature
      .filter((ctx) => ctx.chat?.id.toString() === supportChat.toString())
      .on('message', (ctx) => relaySupportReply(ctx, deps));
  }
  return feature;
}

/**
 * What a banned user may still do (bots/shared/middlewares/ban-guard.ts): appeal to support. `/support`, with
 * or without the text, and while the support conversation waits for it, the message itself or /cancel;
 * another command stays blocked (the conversation would pass it on to its feature).
 */
export function isSupportAppeal(ctx: UserBotContext): boolean {
  if (ctx.chat?.type !== 'private' || !ctx.message) return false;
  if (ctx.hasCommand('support')) return true;
  if (ctx.conversation.active(SUPPORT_CONVERSATION) === 0) return false;
  return !(ctx.message.text ?? '').startsWith('/') || ctx.hasCommand('cancel');
}

export const enterSupport = async (ctx: UserBotContext) => {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(SUPPORT_CONVERSATION);
};
