import { signLaunchInitData, type TLaunchUser } from '../../launch/miniapp-launch-url.ts';
import { THEME_PARAMS, type TThemeName } from '../contract/theme-params.ts';

/** The Mini Apps version Telegram Web A reports; the SDK enables methods (safe areas, fullscreen…) by it. */
const WEB_APP_VERSION = '8.0';

/**
 * The URL Telegram Web A puts in its Mini App iframe: the bot's URL with the launch parameters in the hash
 * (initData signed with the token of the bot whose button or menu opened it, the client's theme, version
 * and platform `weba`). Unlike `miniAppLaunchUrl` it keeps the URL's path and query, since web_app
 * buttons often carry a route or a start parameter there; a hash of the URL's own is replaced.
 */
export function emulatorLaunchUrl(opts: {
  url: string;
  user: TLaunchUser;
  botToken: string;
  theme: TThemeName;
  authDate?: Date;
}): string {
  const target = new URL(opts.url);
  target.hash = new URLSearchParams({
    tgWebAppData: signLaunchInitData(opts.user, opts.botToken, opts.authDate),
    tgWebAppVersion: WEB_APP_VERSION,
    tgWebAppPlatform: 'weba',
    tgWebAppThemeParams: JSON.stringify(THEME_PARAMS[opts.theme]),
  }).toString();
  return target.toString();
}
