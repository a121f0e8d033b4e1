import { sign } from '@telegram-apps/init-data-node';

export interface TLaunchUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** Telegram's default light theme, so the Mini App looks as it does in the official apps. */
const THEME_PARAMS = {
  bg_color: '#ffffff',
  text_color: '#000000',
  button_color: '#2481cc',
  button_text_color: '#ffffff',
  hint_color: '#999999',
  link_color: '#2481cc',
  secondary_bg_color: '#efeff4',
};

/** initData as Telegram signs it for a launch: with the token of the bot that opens the Mini App. */
export function signLaunchInitData(user: TLaunchUser, botToken: string, authDate = new Date()): string {
  return sign({ user, query_id: `sandbox-${authDate.getTime()}` }, botToken, authDate);
}

/**
 * The URL a Telegram client opens for a Mini App: the launch parameters travel in the hash, so a plain
 * browser given this URL starts the app exactly as Telegram would (the SDK reads them on start).
 */
export function miniAppLaunchUrl(miniAppUrl: string, initData: string): string {
  const hash = [
    `tgWebAppData=${encodeURIComponent(initData)}`,
    'tgWebAppVersion=8.0',
    'tgWebAppPlatform=tdesktop',
    `tgWebAppThemeParams=${encodeURIComponent(JSON.stringify(THEME_PARAMS))}`,
  ].join('&');
  return `${miniAppUrl.replace(/\/$/, '')}/#${hash}`;
}
