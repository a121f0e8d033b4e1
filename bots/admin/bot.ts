import { autoRetry } from '@grammyjs/auto-retry';
import { conversations, createConversation } from '@grammyjs/conversations';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { AUTO_RETRY, retryInsideConversations } from '#bots/shared/auto-retry.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import { redisConversationStorage } from '#bots/shared/conversation-storage.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { createBotI18n } from '#bots/shared/i18n.ts';
import { attachAccount } from '#bots/shared/middlewares/attach-account.ts';
import { floodControl } from '#bots/shared/middlewares/flood-control.ts';
import { installErrorBoundary } from '#bots/shared/middlewares/install-error-boundary.ts';
import { observe } from '#bots/shared/middlewares/observe.ts';
import { ADJUST_CONVERSATION, createAdjustBalanceConversation } from './conversations/adjust-balance.ts';
import { BAN_CONVERSATION, createBanConversation } from './conversations/ban.ts';
import { BROADCAST_CONVERSATION, createBroadcastConversation } from './conversations/broadcast.ts';
import { createModelPriceConversation, MODEL_PRICE_CONVERSATION } from './conversations/model-price.ts';
import { createRefundConversation, REFUND_CONVERSATION } from './conversations/refund.ts';
import { createRejectPayoutConversation, REJECT_PAYOUT_CONVERSATION } from './conversations/reject-payout.ts';
import { aiModelsFeature } from './features/ai-models.ts';
import { aiStatsFeature } from './features/ai-stats.ts';
import { broadcastFeature } from './features/broadcast.ts';
import { findFeature } from './features/find.ts';
import { moneyFeature } from './features/money.ts';
import { partnersFeature } from './features/partners.ts';
import { paymentsFeature } from './features/payments.ts';
import { payoutRatesFeature } from './features/payout-rates.ts';
import { payoutsFeature } from './features/payouts.ts';
import { promoCodesFeature } from './features/promo-codes.ts';
import { statsFeature } from './features/stats.ts';
import { staffGate } from './staff-gate.ts';

export function createAdminBot(token: string, deps: BotDeps, opts: { botInfo?: UserFromGetMe } = {}) {
  const telegramBot = new Bot<AdminBotContext>(token, {
    botInfo: opts.botInfo,
    client: { apiRoot: deps.config.TELEGRAM_API_ROOT },
  });
  const prefix = deps.config.REDIS_PREFIX;
  telegramBot.api.config.use(autoRetry(AUTO_RETRY));

  telegramBot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  telegramBot.use(observe('admin', deps.logger, deps.metrics));
  // Everything registered on `bot` from here on fails into one error handler, in webhook and polling mode
  // alike (install-error-boundary.ts); `telegramBot` is the Bot itself (API, init, handleUpdate).
  const bot = installErrorBoundary(telegramBot, 'admin', deps.metrics);
  // Staff are users of the platform: the account comes from the user bot's signup, never created here.
  bot.use(attachAccount(deps.db, { create: false }));
  bot.use(createBotI18n<AdminBotContext>());
  bot.use(floodControl(deps.redis, prefix));
  bot.use(staffGate(deps.db));

  bot.use(
    conversations<AdminBotContext, Context>({
      storage: redisConversationStorage(deps.redis, `${prefix}:admin`),
      plugins: [retryInsideConversations],
    }),
  );
  bot.command('cancel', async (ctx) => {
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t('cancelled'));
  });
  bot.use(createConversation(createBanConversation(deps), BAN_CONVERSATION));
  bot.use(createConversation(createAdjustBalanceConversation(deps), ADJUST_CONVERSATION));
  bot.use(createConversation(createRefundConversation(deps), REFUND_CONVERSATION));
  bot.use(createConversation(createRejectPayoutConversation(deps), REJECT_PAYOUT_CONVERSATION));
  bot.use(createConversation(createBroadcastConversation(deps), BROADCAST_CONVERSATION));
  bot.use(createConversation(createModelPriceConversation(deps), MODEL_PRICE_CONVERSATION));

  bot.command(['start', 'help'], (ctx) => ctx.reply(ctx.t('admin-help'), { parse_mode: 'HTML' }));
  bot.use(findFeature(deps));
  bot.use(moneyFeature(deps));
  bot.use(paymentsFeature(deps));
  bot.use(promoCodesFeature(deps));
  bot.use(partnersFeature(deps));
  bot.use(payoutsFeature(deps));
  bot.use(payoutRatesFeature(deps));
  bot.use(broadcastFeature(deps));
  bot.use(statsFeature(deps.db));
  bot.use(aiModelsFeature(deps));
  bot.use(aiStatsFeature(deps.db));
  bot.on('message', (ctx) => ctx.reply(ctx.t('admin-help'), { parse_mode: 'HTML' }));
  bot.on('callback_query:data', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('button-expired') }));

  return telegramBot;
}

export type AdminBot = ReturnType<typeof createAdminBot>;
