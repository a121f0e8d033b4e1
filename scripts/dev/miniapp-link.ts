import { miniAppLaunchUrl, signLaunchInitData } from '#sandbox/launch/miniapp-launch-url.ts';
import type { DevConfig, TDevUser } from './dev-config.ts';

export interface TSignedLaunch {
  /** Signed like Telegram signs it: with the user bot's token. */
  initData: string;
  /** What a Telegram client opens (the Mini App with launch parameters in the hash). */
  launchUrl: string;
  /** The same launch inside the stand-in for Telegram's client, for a plain browser. */
  browserUrl: string;
}

export function signedLaunch(config: DevConfig, user: TDevUser): TSignedLaunch {
  const initData = signLaunchInitData(
    { id: user.id, first_name: user.firstName, username: user.username, language_code: user.language },
    config.userBot.token,
  );
  const launchUrl = miniAppLaunchUrl(`${config.appUrl}/`, initData);
  const hash = launchUrl.slice(launchUrl.indexOf('#'));
  return { initData, launchUrl, browserUrl: `${config.webviewUrl}${hash}` };
}

/** What `:app` prints: the browser link and the same identity for trying the API by hand. */
export function describeLaunch(config: DevConfig, user: TDevUser): string {
  const { initData, browserUrl } = signedLaunch(config, user);
  return [
    `Mini App as ${user.firstName} (${user.id}), signed with the user bot's token, valid 24 h. Open in a browser:`,
    browserUrl,
    'The same identity against the API:',
    `curl -H 'Authorization: tma ${initData}' ${config.appUrl}/api/me`,
  ].join('\n');
}
