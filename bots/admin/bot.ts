import { autoRetry } from '@grammyjs/auto-retry';
import { conversations, createConversation } from '@grammyjs/conversations';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { AUTO_RETRY, retryInsideConversations } from '../shared/auto-retry.ts';
import type { AdminBotContext } from '../shared/context.ts';
import { redisConversationStorage } from '../shared/conversation-storage.ts';
import type { BotDeps } from '../shared/deps.ts';
import { createBotI18n } from '../shared/i18n.ts';
import { attachAccount } from '../shared/middlewares/attach-account.ts';
import { errorHandler } from '../shared/middlewares/error-boundary.ts';
import { floodControl } from '../shared/middlewares/flood-control.ts';
import { observe } from '../shared/middlewares/observe.ts';
import { BAN_CONVERSATION, createBanConversation } from './conversations/ban.ts';
import { findFeature } from './features/find.ts';
import { statsFeature } from './features/stats.ts';
import { staffGate } from './staff-gate.ts';

export function createAdminBot(token: string, deps: BotDeps, opts: { botInfo?: UserFromGetMe } = {}) {
  const bot = new Bot<AdminBotContext>(token, {
    botInfo: opts.botInfo,
    client: { apiRoot: deps.config.TELEGRAM_API_ROOT },
  });
  const prefix = deps.config.REDIS_PREFIX;
  bot.api.config.use(autoRetry(AUTO_RETRY));

  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(observe('admin', deps.logger, deps.metrics));
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

  bot.command(['start', 'help'], (ctx) => ctx.reply(ctx.t('admin-help'), { parse_mode: 'HTML' }));
  bot.use(findFeature(deps));
  bot.use(statsFeature(deps.db));
  bot.on('message', (ctx) => ctx.reply(ctx.t('admin-help'), { parse_mode: 'HTML' }));
  bot.on('callback_query:data', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('button-expired') }));

  bot.catch(errorHandler('admin', deps.metrics));
  return bot;
}

export type AdminBot = ReturnType<typeof createAdminBot>;
