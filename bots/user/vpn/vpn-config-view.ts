import { InlineKeyboard } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { escapeHtml } from '#bots/shared/format.ts';
import { type TVpnPlatform, VPN_CLIENTS } from '#core/vpn/connect/vpn-clients.ts';
import { vpnImportUrl } from '#core/vpn/miniapp/import-url.ts';
import { VPN_PLATFORMS, VPN_STATUS, vpnPlatform } from './vpn-callbacks.ts';

const PLATFORMS: readonly TVpnPlatform[] = ['ios', 'android', 'windows', 'macos', 'linux', 'tv'];

/**
 * Where our import page lives (server/routes/vpn-import.ts): the app's public address, else the Mini App's
 * origin (the same server serves both); null when neither is set, and then only download buttons are shown.
 */
export function importPageBase(deps: BotDeps): string | null {
  if (deps.config.PUBLIC_URL) return deps.config.PUBLIC_URL.replace(/\/+$/, '');
  return deps.miniAppUrl ? new URL(deps.miniAppUrl).origin : null;
}

/** The short id is the last path segment of the panel's subscription link (https://sub.example/<shortUuid>). */
const shortUuidOf = (subscriptionUrl: string): string =>
  new URL(subscriptionUrl).pathname.split('/').filter(Boolean).at(-1) ?? '';

/** The link to copy, above either the platform picker or one platform's apps. */
export function configText(ctx: UserBotContext, subscriptionUrl: string, platform?: TVpnPlatform): string {
  const lines = [ctx.t('vpn-config-link', { link: `<code>${escapeHtml(subscriptionUrl)}</code>` }), ''];
  lines.push(
    platform
      ? ctx.t('vpn-config-apps', { platform: ctx.t(`vpn-platform-${platform}`) })
      : ctx.t('vpn-config-choose-platform'),
  );
  return lines.join('\n');
}

export function platformKeyboard(ctx: UserBotContext): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  PLATFORMS.forEach((os, i) => {
    keyboard.text(ctx.t(`vpn-platform-${os}`), vpnPlatform.encode({ os }));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard.row().text(ctx.t('vpn-button-back'), VPN_STATUS);
}

/**
 * A platform's apps: download, and a one-tap import through our https page. Telegram refuses URL buttons
 * with an app's own scheme (happ://…), so the page sends the browser on to it.
 */
export function appsKeyboard(
  ctx: UserBotContext,
  deps: BotDeps,
  subscriptionUrl: string,
  platform: TVpnPlatform,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const base = importPageBase(deps);
  const shortUuid = shortUuidOf(subscriptionUrl);
  for (const app of VPN_CLIENTS.filter((c) => c.platforms.includes(platform))) {
    keyboard.url(ctx.t('vpn-button-download', { app: app.name }), app.downloadUrl);
    if (base)
      keyboard.url(ctx.t('vpn-button-connect', { app: app.name }), vpnImportUrl(base, app.id, shortUuid));
    keyboard.row();
  }
  return keyboard.text(ctx.t('vpn-button-platforms'), VPN_PLATFORMS);
}
