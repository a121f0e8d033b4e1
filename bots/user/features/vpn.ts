import { Composer, InlineKeyboard, InputFile } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { escapeHtml, formatUtc } from '#bots/shared/format.ts';
import {
  VPN_CONFIG,
  VPN_DEVICES,
  VPN_PLATFORMS,
  VPN_REVOKE_ASK,
  VPN_REVOKE_DO,
  VPN_STATUS,
  VPN_TRIAL,
  vpnAutoRenew,
  vpnDeviceRemove,
  vpnPlatform,
} from '#bots/user/vpn/vpn-callbacks.ts';
import { appsKeyboard, configText, platformKeyboard } from '#bots/user/vpn/vpn-config-view.ts';
import { deviceHash, renderVpnDevices } from '#bots/user/vpn/vpn-devices-view.ts';
import { renderVpnStatus } from '#bots/user/vpn/vpn-status-view.ts';
import { AppError } from '#core/errors/app-error.ts';
import {
  listVpnDevices,
  removeVpnDevice,
  revokeVpnLink,
  setVpnAutoRenew,
} from '#core/vpn/account/panel-account.ts';
import { getVpnStatus } from '#core/vpn/account/vpn-status.ts';
import { subscriptionQrPng } from '#core/vpn/connect/qr-code.ts';
import type { TPanelClient } from '#core/vpn/panel/panel-client.ts';
import { panelFromEnv } from '#core/vpn/panel-sync/panel-from-env.ts';
import { isPaidTier, planProductId } from '#core/vpn/plans.ts';
import { activateTrial } from '#core/vpn/subscription/activate-trial.ts';

/** The panel, or the user hears that the VPN is unavailable (no REMNAWAVE_URL). */
function panelOf(deps: BotDeps): TPanelClient {
  const panel = panelFromEnv(deps.config);
  if (!panel) throw new AppError('VPN_UNAVAILABLE');
  return panel;
}

/** The account of a private chat (attachAccount creates it); only a broken update lacks one. */
function userIdOf(ctx: UserBotContext): bigint {
  if (!ctx.account) throw new AppError('VPN_NO_SUBSCRIPTION');
  return ctx.account.id;
}

/** /vpn and the main menu's entry: a new message with the status. */
export async function showVpnStatus(ctx: UserBotContext, deps: BotDeps): Promise<void> {
  panelOf(deps);
  const view = renderVpnStatus(ctx, await getVpnStatus(deps.db, userIdOf(ctx)));
  await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
}

/** The working subscription link, or the coded reason there is none to show. */
async function readyLink(ctx: UserBotContext, deps: BotDeps): Promise<string> {
  panelOf(deps);
  const status = await getVpnStatus(deps.db, userIdOf(ctx));
  if (status.state === 'none') throw new AppError('VPN_NO_SUBSCRIPTION');
  if (status.state === 'disabled') throw new AppError('VPN_DISABLED');
  if (!status.ready || !status.subscriptionUrl) throw new AppError('VPN_NOT_READY');
  return status.subscriptionUrl;
}

async function sendConfig(ctx: UserBotContext, deps: BotDeps): Promise<void> {
  const link = await readyLink(ctx, deps);
  const png = await subscriptionQrPng(link);
  await ctx.replyWithPhoto(new InputFile(png, 'vpn.png'), { caption: ctx.t('vpn-config-qr-caption') });
  await ctx.reply(configText(ctx, link), {
    parse_mode: 'HTML',
    reply_markup: platformKeyboard(ctx),
    link_preview_options: { is_disabled: true },
  });
}

async function startTrial(ctx: UserBotContext, deps: BotDeps): Promise<void> {
  panelOf(deps);
  const { expiresAt } = await activateTrial(deps.db, { userId: userIdOf(ctx) });
  await ctx.reply(ctx.t('vpn-trial-started', { until: formatUtc(expiresAt) }));
}

/** `/vpn`, `/trial`, `/config`: status, trial, the link with its QR code and apps, devices, link revoke. */
export function vpnFeature(deps: BotDeps) {
  const feature = new Composer<UserBotContext>();
  const chats = feature.chatType('private');

  chats.command('vpn', (ctx) => showVpnStatus(ctx, deps));
  chats.command('trial', (ctx) => startTrial(ctx, deps));
  chats.command('config', (ctx) => sendConfig(ctx, deps));

  const editStatus = async (ctx: UserBotContext) => {
    const view = renderVpnStatus(ctx, await getVpnStatus(deps.db, userIdOf(ctx)));
    await ctx.editMessageText(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
  };
  chats.callbackQuery(VPN_STATUS, async (ctx) => {
    panelOf(deps);
    await ctx.answerCallbackQuery();
    await editStatus(ctx);
  });
  chats.callbackQuery(VPN_TRIAL, async (ctx) => {
    await startTrial(ctx, deps);
    await ctx.answerCallbackQuery();
  });
  chats.callbackQuery(VPN_CONFIG, async (ctx) => {
    await sendConfig(ctx, deps);
    await ctx.answerCallbackQuery();
  });

  chats.callbackQuery(VPN_PLATFORMS, async (ctx) => {
    const link = await readyLink(ctx, deps);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(configText(ctx, link), {
      parse_mode: 'HTML',
      reply_markup: platformKeyboard(ctx),
      link_preview_options: { is_disabled: true },
    });
  });
  chats.callbackQuery(vpnPlatform.pattern, async (ctx) => {
    const choice = vpnPlatform.decode(ctx.callbackQuery.data);
    if (!choice) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    const link = await readyLink(ctx, deps);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(configText(ctx, link, choice.os), {
      parse_mode: 'HTML',
      reply_markup: appsKeyboard(ctx, deps, link, choice.os),
      link_preview_options: { is_disabled: true },
    });
  });

  chats.callbackQuery(vpnAutoRenew.pattern, async (ctx) => {
    const choice = vpnAutoRenew.decode(ctx.callbackQuery.data);
    if (!choice) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    panelOf(deps);
    const userId = userIdOf(ctx);
    const status = await getVpnStatus(deps.db, userId);
    if (status.state === 'none') throw new AppError('VPN_NO_SUBSCRIPTION');
    if (choice.on === '1') {
      // A trial has nothing to renew into: the user picks a plan first.
      if (!isPaidTier(status.tier))
        return ctx.answerCallbackQuery({ text: ctx.t('vpn-autorenew-trial'), show_alert: true });
      await setVpnAutoRenew(deps.db, userId, { on: true, productId: planProductId(status.tier, 30) });
    } else await setVpnAutoRenew(deps.db, userId, { on: false });
    await ctx.answerCallbackQuery({
      text: ctx.t(choice.on === '1' ? 'vpn-autorenew-turned-on' : 'vpn-autorenew-turned-off'),
    });
    await editStatus(ctx);
  });

  chats.callbackQuery(VPN_REVOKE_ASK, async (ctx) => {
    await readyLink(ctx, deps);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('vpn-revoke-confirm'), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t('vpn-button-revoke-yes'), VPN_REVOKE_DO)
        .row()
        .text(ctx.t('vpn-button-cancel'), VPN_STATUS),
    });
  });
  chats.callbackQuery(VPN_REVOKE_DO, async (ctx) => {
    const link = await revokeVpnLink({ db: deps.db, panel: panelOf(deps) }, userIdOf(ctx));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('vpn-revoke-done', { link: `<code>${escapeHtml(link)}</code>` }), {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard().text(ctx.t('vpn-button-config'), VPN_CONFIG),
      link_preview_options: { is_disabled: true },
    });
  });

  const editDevices = async (ctx: UserBotContext, panel: TPanelClient) => {
    const view = renderVpnDevices(ctx, await listVpnDevices({ db: deps.db, panel }, userIdOf(ctx)));
    await ctx.editMessageText(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
  };
  chats.callbackQuery(VPN_DEVICES, async (ctx) => {
    const panel = panelOf(deps);
    await editDevices(ctx, panel);
    await ctx.answerCallbackQuery();
  });
  chats.callbackQuery(vpnDeviceRemove.pattern, async (ctx) => {
    const choice = vpnDeviceRemove.decode(ctx.callbackQuery.data);
    if (!choice) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    const panel = panelOf(deps);
    const userId = userIdOf(ctx);
    const { devices } = await listVpnDevices({ db: deps.db, panel }, userId);
    const device = devices.find((d) => deviceHash(d.hwid) === choice.h);
    if (device) await removeVpnDevice({ db: deps.db, panel }, userId, device.hwid);
    await ctx.answerCallbackQuery({ text: ctx.t(device ? 'vpn-device-removed' : 'vpn-device-gone') });
    await editDevices(ctx, panel);
  });
  return feature;
}
