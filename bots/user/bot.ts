import { autoRetry } from '@grammyjs/auto-retry';
import { conversations, createConversation } from '@grammyjs/conversations';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { AUTO_RETRY, retryInsideConversations } from '#bots/shared/auto-retry.ts';
import type { UserBotContext } from '#bots/shared/context.ts';
import { redisConversationStorage } from '#bots/shared/conversation-storage.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { createBotI18n } from '#bots/shared/i18n.ts';
import { attachAccount } from '#bots/shared/middlewares/attach-account.ts';
import { banGuard } from '#bots/shared/middlewares/ban-guard.ts';
import { floodControl } from '#bots/shared/middlewares/flood-control.ts';
import { installErrorBoundary } from '#bots/shared/middlewares/install-error-boundary.ts';
import { observe } from '#bots/shared/middlewares/observe.ts';
import { starsPaymentsFeature } from './features/stars-payments.ts';
import { enterSupport, isSupportAppeal } from './features/support.ts';
import { USER_CONVERSATIONS, USER_FEATURES } from './features.ts';
import { createMainMenu } from './menus/main-menu.ts';

export function createUserBot(token: string, deps: BotDeps, opts: { botInfo?: UserFromGetMe } = {}) {
  const telegramBot = new Bot<UserBotContext>(token, {
    botInfo: opts.botInfo,
    client: { apiRoot: deps.config.TELEGRAM_API_ROOT },
  });
  const prefix = deps.config.REDIS_PREFIX;
  telegramBot.api.config.use(autoRetry(AUTO_RETRY));

  // Updates of one chat run in order (conversations depend on it); different chats run in parallel.
  telegramBot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  telegramBot.use(observe('user', deps.logger, deps.metrics));
  // Everything registered on `bot` from here on fails into one error handler, in webhook and polling mode
  // alike (install-error-boundary.ts); `telegramBot` is the Bot itself (API, init, handleUpdate).
  const bot = installErrorBoundary(telegramBot, 'user', deps.metrics);
  bot.use(attachAccount(deps.db, { create: true }));
  bot.use(createBotI18n<UserBotContext>());
  bot.use(starsPaymentsFeature(deps));
  bot.use(floodControl(deps.redis, prefix));

  const mainMenu = createMainMenu(deps, enterSupport);
  bot.use((ctx, next) => {
    ctx.mainMenu = mainMenu;
    return next();
  });
  // The conversations' state before the ban guard: a banned user's message for the support conversation
  // (their appeal) must pass it.
  bot.use(
    conversations<UserBotContext, Context>({
      storage: redisConversationStorage(deps.redis, `${prefix}:user`),
      plugins: [retryInsideConversations],
    }),
  );
  bot.use(banGuard(isSupportAppeal));
  // Before the conversations run: replies sent from inside one (through `external`) must be able to carry it.
  bot.use(mainMenu);
  for (const conversation of USER_CONVERSATIONS)
    bot.use(createConversation(conversation.build(deps), conversation.id));
  for (const feature of USER_FEATURES) bot.use(feature(deps));

  const privateChats = bot.chatType('private');
  privateChats.on('message:text', async (ctx) => {
    if (ctx.message.text.startsWith('/')) await ctx.reply(ctx.t('unknown-command'));
    else await ctx.reply(ctx.t('menu-title'), { reply_markup: mainMenu });
  });
  privateChats.on('callback_query:data', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('button-expired') }));

  return telegramBot;
}

export type UserBot = ReturnType<typeof createUserBot>;
