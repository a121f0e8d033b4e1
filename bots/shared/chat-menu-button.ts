import type { Api } from 'grammy';
import type { TLang, Translator } from '#core/i18n/translator.ts';
import type { Logger } from '#core/logging/logger.ts';

/**
 * Sets one user's chat menu button, "📱 Open app", in their language. The bot-wide default
 * (bots/register-commands.ts) has one text for everyone: Telegram keeps no per-language menu button, only
 * per-chat ones. Set at signup and whenever the language changes (bot or Mini App). A refusal (the user
 * blocked the bot meanwhile) is logged and changes nothing else: the button is cosmetic.
 */
export async function setChatMenuButton(
  api: Api,
  deps: {
    translator: Translator;
    miniAppUrl: string | null;
    log: Pick<Logger, 'warn'>;
    /** The button's Fluent key; the admin bot names its own (bots/admin/admin-app-button.ts). */
    textKey?: string;
  },
  user: { chatId: bigint | number; lang: TLang },
): Promise<void> {
  if (!deps.miniAppUrl) return;
  try {
    await api.setChatMenuButton({
      chat_id: Number(user.chatId),
      menu_button: {
        type: 'web_app',
        text: deps.translator.t(user.lang, deps.textKey ?? 'menu-open-app'),
        web_app: { url: deps.miniAppUrl },
      },
    });
  } catch (error) {
    deps.log.warn({ err: String(error), chatId: user.chatId.toString() }, 'chat menu button not set');
  }
}
