import { openLink } from '@telegram-apps/sdk-react';

/**
 * Opens a page outside the Mini App: Telegram's openLink inside Telegram (a webview may not navigate away on
 * its own), a new tab elsewhere. A relative URL (no public base configured) is made absolute first.
 */
export function openExternal(url: string): void {
  const absolute = new URL(url, window.location.href).toString();
  if (openLink.isAvailable()) openLink(absolute);
  else window.open(absolute, '_blank', 'noopener');
}
