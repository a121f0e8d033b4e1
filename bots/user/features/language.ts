import { Composer, InlineKeyboard } from 'grammy';
import { setChatMenuButton } from '#bots/shared/chat-menu-button.ts';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { setLanguage } from '#core/accounts/complete-signup.ts';

const CHOICE = /^v1:lang:(ru|en)$/;

/** `/language`: the bot's texts, the commands' descriptions aside (Telegram's app language picks those), and the menu button. */
export function languageFeature(deps: Pick<BotDeps, 'db' | 'translator' | 'miniAppUrl'>) {
  const feature = new Composer<UserBotContext>();
  const privateChats = feature.chatType('private');
  privateChats.command('language', async (ctx) => {
    const keyboard = new InlineKeyboard();
    for (const lang of ['ru', 'en'] as const) {
      keyboard.text(
        `${ctx.account?.language === lang ? '✓ ' : ''}${ctx.t(`language-name-${lang}`)}`,
        `v1:lang:${lang}`,
      );
    }
    await ctx.reply(ctx.t('language-choose'), { reply_markup: keyboard });
  });
  privateChats.callbackQuery(CHOICE, async (ctx) => {
    const lang = ctx.match[1] === 'ru' ? 'ru' : 'en';
    if (!ctx.account) return ctx.answerCallbackQuery();
    ctx.account = await setLanguage(deps.db, ctx.account.id, lang);
    ctx.i18n.useLocale(lang);
    await setChatMenuButton(ctx.api, { ...deps, log: ctx.log }, { chatId: ctx.chat.id, lang });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('language-changed'));
    await ctx.reply(ctx.t('menu-title'), { reply_markup: ctx.mainMenu });
  });
  return feature;
}
