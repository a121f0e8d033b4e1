import { createHash } from 'node:crypto';
import { InlineKeyboard } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import { escapeHtml, formatUtc } from '#bots/shared/format.ts';
import { buyProduct } from '#bots/user/buy-callbacks.ts';
import type { TVpnDevice } from '#core/vpn/account/panel-account.ts';
import { VPN_STATUS, vpnDeviceRemove } from './vpn-callbacks.ts';

/** 12 hex digits of the HWID's hash: a user's few devices never collide, and it fits the callback data. */
export const deviceHash = (hwid: string): string =>
  createHash('sha256').update(hwid).digest('hex').slice(0, 12);

/** 📱 Devices: what uses the subscription, a remove button for each, and a slot to buy. */
export function renderVpnDevices(
  ctx: UserBotContext,
  list: { devices: TVpnDevice[]; limit: number },
): { text: string; keyboard: InlineKeyboard } {
  const lines = [ctx.t('vpn-devices-title', { used: list.devices.length, limit: list.limit })];
  const keyboard = new InlineKeyboard();
  if (list.devices.length === 0) lines.push('', ctx.t('vpn-devices-empty'));
  list.devices.forEach((device, i) => {
    const name = escapeHtml(device.model ?? device.platform ?? ctx.t('vpn-device-unknown'));
    lines.push(`${i + 1}. ${name} · ${formatUtc(device.addedAt)}`);
    keyboard.text(
      ctx.t('vpn-button-remove-device', { n: i + 1 }),
      vpnDeviceRemove.encode({ h: deviceHash(device.hwid) }),
    );
    if (i % 2 === 1) keyboard.row();
  });
  if (list.devices.length > 0) lines.push('', ctx.t('vpn-devices-remove-hint'));
  keyboard
    .row()
    .text(ctx.t('vpn-button-buy-device'), buyProduct.encode({ id: 'vpn-device-1' }))
    .row()
    .text(ctx.t('vpn-button-back'), VPN_STATUS);
  return { text: lines.join('\n'), keyboard };
}
