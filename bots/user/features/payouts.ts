import { Composer } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import { PAYOUT_CONVERSATION } from '#bots/user/conversations/payout-request.ts';

/** `/payout`: withdraw a balance (partner commission, GPU earnings) by card, SBP, USDT or BTC. */
export const payoutsFeature = new Composer<UserBotContext>();

payoutsFeature.chatType('private').command('payout', async (ctx) => {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(PAYOUT_CONVERSATION);
});
