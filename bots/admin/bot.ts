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
import { adminAppButton } from './admin-app-button.ts';
import { ADMIN_CONVERSATIONS, ADMIN_FEATURES } from './features.ts';
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
  bot.use(adminAppButton(deps));

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
  for (const conversation of ADMIN_CONVERSATIONS)
    bot.use(createConversation(conversation.build(deps), conversation.id));

  bot.command(['start', 'help'], (ctx) => ctx.reply(ctx.t('admin-help'), { parse_mode: 'HTML' }));
  for (const feature of ADMIN_FEATURES) bot.use(feature(deps));
  bot.on('message', (ctx) => ctx.reply(ctx.t('admin-help'), { parse_mode: 'HTML' }));
  bot.on('callback_query:data', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('button-expired') }));

  return telegramBot;
}

export type AdminBot = ReturnType<typeof createAdminBot>;
