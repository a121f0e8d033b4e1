import { InlineKeyboard } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import { formatUtc } from '#bots/shared/format.ts';
import { buyCategory } from '#bots/user/buy-callbacks.ts';
import type { TVpnStatus } from '#core/vpn/account/vpn-status.ts';
import { VPN_CONFIG, VPN_DEVICES, VPN_REVOKE_ASK, VPN_TRIAL, vpnAutoRenew } from './vpn-callbacks.ts';
import { formatGb } from './vpn-format.ts';

type TSubscribed = Exclude<TVpnStatus, { state: 'none' }>;

/** The status lines of someone who has (or had) a subscription. */
function statusText(ctx: UserBotContext, status: TSubscribed): string {
  const lines = [
    ctx.t('vpn-status-title'),
    '',
    ctx.t('vpn-status-plan', { tier: ctx.t(`vpn-tier-${status.tier}`) }),
  ];
  const until = formatUtc(status.expiresAt);
  if (status.state === 'disabled') lines.push(ctx.t('vpn-status-disabled'));
  else if (status.state === 'expired') lines.push(ctx.t('vpn-status-expired', { until }));
  else lines.push(ctx.t('vpn-status-until', { until, days: status.daysLeft }));
  const used = formatGb(status.trafficUsedBytes, ctx.lang);
  lines.push(
    status.trafficLimitBytes === 0n
      ? ctx.t('vpn-status-traffic-unlimited', { used })
      : ctx.t('vpn-status-traffic', { used, limit: formatGb(status.trafficLimitBytes, ctx.lang) }),
    ctx.t('vpn-status-devices', { devices: status.deviceLimit }),
    ctx.t(status.autoRenew ? 'vpn-status-autorenew-on' : 'vpn-status-autorenew-off'),
  );
  if (!status.ready && status.state !== 'disabled') lines.push('', ctx.t('vpn-status-setting-up'));
  return lines.join('\n');
}

/** /vpn: the plan and its use with what can be done about it, or the pitch for somebody without one. */
export function renderVpnStatus(
  ctx: UserBotContext,
  status: TVpnStatus,
): { text: string; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard();
  if (status.state === 'none') {
    if (status.trialAvailable) keyboard.text(ctx.t('vpn-button-trial'), VPN_TRIAL).row();
    keyboard.text(ctx.t('vpn-button-plans'), buyCategory.encode({ cat: 'vpn-plans' }));
    return { text: ctx.t('vpn-pitch'), keyboard };
  }
  const text = statusText(ctx, status);
  if (status.state === 'disabled') return { text, keyboard };
  keyboard
    .text(ctx.t('vpn-button-config'), VPN_CONFIG)
    .text(ctx.t('vpn-button-devices'), VPN_DEVICES)
    .row()
    .text(
      ctx.t(status.isTrial ? 'vpn-button-plans' : 'vpn-button-renew'),
      buyCategory.encode({ cat: 'vpn-plans' }),
    )
    .row()
    .text(ctx.t('vpn-button-addons'), buyCategory.encode({ cat: 'vpn-addons' }))
    .row()
    .text(
      ctx.t(status.autoRenew ? 'vpn-button-autorenew-off' : 'vpn-button-autorenew-on'),
      vpnAutoRenew.encode({ on: status.autoRenew ? '0' : '1' }),
    )
    .row()
    .text(ctx.t('vpn-button-new-link'), VPN_REVOKE_ASK);
  if (status.trialAvailable) keyboard.row().text(ctx.t('vpn-button-trial'), VPN_TRIAL);
  return { text, keyboard };
}
