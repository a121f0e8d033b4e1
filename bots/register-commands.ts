import type { Api } from 'grammy';
import type { Translator } from '#core/i18n/translator.ts';

const USER_COMMANDS = [
  'start',
  'new',
  'dialogs',
  'balance',
  'buy',
  'vpn',
  'trial',
  'config',
  'invites',
  'history',
  'referral',
  'promo',
  'payout',
  'profile',
  'language',
  'help',
  'support',
  'image',
  'video',
  'music',
  'tts',
  'tasks',
  'cancel',
];
const ADMIN_COMMANDS = [
  'find',
  'stats',
  'payments',
  'promos',
  'partners',
  'payouts',
  'payout_rates',
  'broadcast',
  'models',
  'aistats',
  'vpn_servers',
  'vpn_invites',
  'cancel',
];

/**
 * Telegram shows the command list in the user's app language: the English list is the default, the Russian
 * one is registered for language_code "ru".
 */
async function registerCommands(api: Api, translator: Translator, commands: string[], keyPrefix: string) {
  for (const lang of ['en', 'ru'] as const) {
    const list = commands.map((command) => ({
      command,
      description: translator.t(lang, `${keyPrefix}${command}`),
    }));
    await api.setMyCommands(list, lang === 'en' ? {} : { language_code: lang });
  }
}

/** Also points the chat menu button at the Mini App when it has a URL. */
export async function registerUserCommands(
  api: Api,
  translator: Translator,
  miniAppUrl: string | null,
): Promise<void> {
  await registerCommands(api, translator, USER_COMMANDS, 'command-');
  if (miniAppUrl) {
    await api.setChatMenuButton({
      menu_button: {
        type: 'web_app',
        text: translator.t('en', 'menu-open-app'),
        web_app: { url: miniAppUrl },
      },
    });
  }
}

export const registerAdminCommands = (api: Api, translator: Translator) =>
  registerCommands(api, translator, ADMIN_COMMANDS, 'admin-command-');
