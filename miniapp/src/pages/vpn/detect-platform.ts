import { retrieveLaunchParams } from '@telegram-apps/sdk-react';
import type { TVpnPlatform } from '../../../../server/contracts/vpn.ts';

/** Telegram's own name of its client (`tgWebAppPlatform`); Telegram Desktop runs on every OS, so the user agent says which. */
const FROM_TELEGRAM: Record<string, TVpnPlatform> = {
  ios: 'ios',
  android: 'android',
  android_x: 'android',
  macos: 'macos',
};

function telegramPlatform(): string | undefined {
  try {
    return retrieveLaunchParams().tgWebAppPlatform;
  } catch {
    // Outside Telegram (a test page, a browser): the user agent decides.
    return undefined;
  }
}

/** The platform tab to open first: the device the user holds, so "Import" works on it in one tap. */
export function detectPlatform(
  userAgent = typeof navigator === 'undefined' ? '' : navigator.userAgent,
  fromTelegram = telegramPlatform(),
): TVpnPlatform {
  const known = fromTelegram ? FROM_TELEGRAM[fromTelegram] : undefined;
  if (known) return known;
  const ua = userAgent.toLowerCase();
  if (/iphone|ipad|ipod/.test(ua)) return 'ios';
  if (/android/.test(ua)) return /\btv\b|aft[a-z]|bravia/.test(ua) ? 'tv' : 'android';
  if (/mac os x|macintosh/.test(ua)) return 'macos';
  if (/windows/.test(ua)) return 'windows';
  if (/linux|x11|cros/.test(ua)) return 'linux';
  return 'android';
}
