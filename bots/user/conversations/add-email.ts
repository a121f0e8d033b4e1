import type { Conversation } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { emailFlow } from './email-flow.ts';

export const ADD_EMAIL_CONVERSATION = 'add-email';

export function createAddEmailConversation(deps: BotDeps) {
  return async function addEmail(conversation: Conversation<UserBotContext, Context>, ctx: Context) {
    const from = ctx.from;
    if (!from) return;
    // The language is read once through `external`, so a replay uses the same value.
    const lang = await conversation.external((outer) => outer.lang);
    await emailFlow(conversation, ctx, deps, {
      lang,
      userId: BigInt(from.id),
      name: from.first_name,
      prompt: deps.translator.t(lang, 'email-ask'),
    });
  };
}
