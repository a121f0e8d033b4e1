import type { Conversation } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import { setChatMenuButton } from '#bots/shared/chat-menu-button.ts';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { formatUtc } from '#bots/shared/format.ts';
import { showMainMenu } from '#bots/user/menus/main-menu.ts';
import { trialAtSignup } from '#bots/user/vpn/vpn-signup-trial.ts';
import { completeSignup } from '#core/accounts/complete-signup.ts';
import { type TLang, toLang } from '#core/i18n/translator.ts';
import { formatTokens } from '#core/money/format-money.ts';
import { emailFlow } from './email-flow.ts';

export const SIGNUP_CONVERSATION = 'signup';

const languageKeyboard = (tr: (key: string) => string, preselected: TLang) =>
  new InlineKeyboard()
    .text(`${preselected === 'ru' ? '✓ ' : ''}${tr('language-name-ru')}`, 'signup:lang:ru')
    .text(`${preselected === 'en' ? '✓ ' : ''}${tr('language-name-en')}`, 'signup:lang:en');

/** First contact: language (preselected from Telegram), terms, then an optional verified email. */
export function createSignupConversation(deps: BotDeps) {
  return async function signup(conversation: Conversation<UserBotContext, Context>, ctx: Context) {
    const from = ctx.from;
    if (!from) return;
    let lang = toLang(from.language_code);
    const tr = (key: string, args?: Record<string, string>) => deps.translator.t(lang, key, args);

    await ctx.reply(tr('signup-welcome'), { reply_markup: languageKeyboard(tr, lang) });
    for (;;) {
      const next = await conversation.wait();
      const chosen = /^signup:lang:(ru|en)$/.exec(next.callbackQuery?.data ?? '')?.[1];
      if (chosen === 'ru' || chosen === 'en') {
        await next.answerCallbackQuery();
        // Telegram refuses an edit that changes nothing, so the tick moves only if the choice differs.
        if (chosen !== lang)
          await next.editMessageReplyMarkup({ reply_markup: languageKeyboard(tr, chosen) });
        lang = chosen;
        break;
      }
      if (next.message?.text?.startsWith('/')) await conversation.skip({ next: true });
      if (next.callbackQuery) await next.answerCallbackQuery({ text: tr('signup-choose-with-buttons') });
      else await next.reply(tr('signup-choose-with-buttons'));
    }

    await ctx.reply(tr('signup-terms', { url: deps.config.TERMS_URL }), {
      reply_markup: new InlineKeyboard().text(tr('signup-terms-accept'), 'signup:terms'),
      link_preview_options: { is_disabled: true },
    });
    for (;;) {
      const next = await conversation.wait();
      if (next.callbackQuery?.data === 'signup:terms') {
        await next.answerCallbackQuery();
        await next.editMessageReplyMarkup();
        break;
      }
      if (next.message?.text?.startsWith('/')) await conversation.skip({ next: true });
      if (next.callbackQuery) await next.answerCallbackQuery({ text: tr('signup-terms-required') });
      else await next.reply(tr('signup-terms-required'));
    }

    const userId = BigInt(from.id);
    const chosenLang = lang;
    // A decimal string: what `external` returns is kept as JSON in the conversation's state.
    const welcomeTokens = await conversation.external(async (outer) => {
      const done = await completeSignup(deps.db, {
        userId,
        language: chosenLang,
        welcomeGrant: { tokens: deps.config.WELCOME_GRANT_TOKENS, days: deps.config.WELCOME_GRANT_DAYS },
      });
      await setChatMenuButton(outer.api, { ...deps, log: outer.log }, { chatId: from.id, lang: chosenLang });
      return done.welcomeTokens.toString();
    });
    await emailFlow(conversation, ctx, deps, {
      lang,
      userId,
      name: from.first_name,
      prompt: tr('signup-email-ask'),
      skipLabel: tr('signup-email-skip'),
    });
    await conversation.external(async (outer) => {
      // The outer context carries the menu plugin; its locale was negotiated before the language was chosen.
      outer.i18n.useLocale(chosenLang);
      const done = [outer.t('signup-done', { name: from.first_name })];
      if (welcomeTokens !== '0') {
        const days = deps.config.WELCOME_GRANT_DAYS;
        const tokens = formatTokens(welcomeTokens, chosenLang);
        done.push(
          days > 0
            ? outer.t('limits-welcome-grant-days', { tokens, days })
            : outer.t('limits-welcome-grant', { tokens }),
        );
      }
      const vpnTrialUntil = await trialAtSignup(deps, userId, outer.log);
      if (vpnTrialUntil) done.push(outer.t('vpn-signup-trial', { until: formatUtc(vpnTrialUntil) }));
      await outer.reply(done.join('\n\n'));
      await showMainMenu(outer);
    });
  };
}
