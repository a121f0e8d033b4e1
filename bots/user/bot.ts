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
import { createDialogTextConversation, DIALOG_TEXT_CONVERSATION } from './chat/dialog-text-conversation.ts';
import { ADD_EMAIL_CONVERSATION, createAddEmailConversation } from './conversations/add-email.ts';
import { createPayoutConversation, PAYOUT_CONVERSATION } from './conversations/payout-request.ts';
import { createSignupConversation, SIGNUP_CONVERSATION } from './conversations/signup.ts';
import { createSupportConversation, SUPPORT_CONVERSATION } from './conversations/support-request.ts';
import { buyFeature } from './features/buy.ts';
import { chatFeature } from './features/chat.ts';
import { dialogsFeature } from './features/dialogs.ts';
import { generateFeature } from './features/generate.ts';
import { helpFeature } from './features/help.ts';
import { historyFeature } from './features/history.ts';
import { languageFeature } from './features/language.ts';
import { partnerFeature } from './features/partner.ts';
import { payoutsFeature } from './features/payouts.ts';
import { photoToolsFeature } from './features/photo-tools.ts';
import { profileFeature } from './features/profile.ts';
import { promoFeature } from './features/promo.ts';
import { referralFeature } from './features/referral.ts';
import { starsPaymentsFeature } from './features/stars-payments.ts';
import { startFeature } from './features/start.ts';
import { enterSupport, supportFeature } from './features/support.ts';
import { tasksFeature } from './features/tasks.ts';
import { walletFeature } from './features/wallet.ts';
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
  bot.use(banGuard);

  const mainMenu = createMainMenu(deps, enterSupport);
  bot.use((ctx, next) => {
    ctx.mainMenu = mainMenu;
    return next();
  });
  // Before the conversations: replies sent from inside one (through `external`) must be able to carry it.
  bot.use(mainMenu);
  bot.use(
    conversations<UserBotContext, Context>({
      storage: redisConversationStorage(deps.redis, `${prefix}:user`),
      plugins: [retryInsideConversations],
    }),
  );
  bot.use(createConversation(createSignupConversation(deps), SIGNUP_CONVERSATION));
  bot.use(createConversation(createAddEmailConversation(deps), ADD_EMAIL_CONVERSATION));
  bot.use(createConversation(createSupportConversation(deps), SUPPORT_CONVERSATION));
  bot.use(createConversation(createDialogTextConversation(deps), DIALOG_TEXT_CONVERSATION));
  bot.use(createConversation(createPayoutConversation(deps), PAYOUT_CONVERSATION));

  bot.use(startFeature);
  bot.use(helpFeature);
  bot.use(profileFeature);
  bot.use(languageFeature(deps.db));
  bot.use(supportFeature(deps));
  bot.use(walletFeature(deps.db));
  bot.use(buyFeature(deps));
  bot.use(historyFeature(deps.db));
  bot.use(referralFeature(deps.db));
  bot.use(promoFeature(deps));
  bot.use(partnerFeature(deps));
  bot.use(payoutsFeature);
  // Photo tools before any text handler: the answer to "describe the new background" is a plain text.
  bot.use(photoToolsFeature(deps));
  bot.use(generateFeature(deps));
  bot.use(tasksFeature(deps));

  bot.use(dialogsFeature(deps));
  // Last of the features: any private text that no command or conversation took is a message to the AI.
  bot.use(chatFeature(deps));

  const privateChats = bot.chatType('private');
  privateChats.on('message:text', async (ctx) => {
    if (ctx.message.text.startsWith('/')) await ctx.reply(ctx.t('unknown-command'));
    else await ctx.reply(ctx.t('menu-title'), { reply_markup: mainMenu });
  });
  privateChats.on('callback_query:data', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('button-expired') }));

  return telegramBot;
}

export type UserBot = ReturnType<typeof createUserBot>;
