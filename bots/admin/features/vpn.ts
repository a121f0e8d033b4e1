import { Composer } from 'grammy';
import { VPN_DAYS_CONVERSATION } from '#bots/admin/conversations/vpn-days.ts';
import { deviceKey, vpnCardAction, vpnDeviceRemove } from '#bots/admin/vpn-callbacks.ts';
import { renderVpnCard, renderVpnConfirm, renderVpnDevices } from '#bots/admin/vpn-card-view.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { escapeHtml, formatUtc, fullName } from '#bots/shared/format.ts';
import { assertCan } from '#core/accounts/staff.ts';
import { AppError, isAppError } from '#core/errors/app-error.ts';
import { countryFlag, listVpnServers } from '#core/vpn/account/vpn-servers.ts';
import { adminExtendDays } from '#core/vpn/admin/admin-extend-days.ts';
import {
  adminListDevices,
  adminRemoveDevice,
  adminResetTraffic,
  adminRevokeLink,
  type TVpnAdminDeps,
} from '#core/vpn/admin/admin-panel-actions.ts';
import { adminSetEnabled } from '#core/vpn/admin/admin-set-enabled.ts';
import { VPN_ADMIN_PERMISSIONS } from '#core/vpn/admin/vpn-admin-permissions.ts';
import { isPanelError } from '#core/vpn/panel/panel-error.ts';
import { panelFromEnv } from '#core/vpn/panel-sync/panel-from-env.ts';

const notModified = (error: unknown) => {
  // Pressing "refresh" on an unchanged card is not a failure.
  if (!String(error).includes('message is not modified')) throw error;
};

/** The VPN failures an admin meets on the card, told in the admin's words rather than the user's. */
const ADMIN_VPN_ERRORS = ['VPN_NO_SUBSCRIPTION', 'VPN_NOT_READY', 'VPN_UNAVAILABLE'] as const;

/**
 * The VPN card of a user (opened from the user card): free days, switch off/on, traffic reset, a new link,
 * devices; and `/vpn_servers`, the panel's nodes. The permissions are checked again in core/vpn/admin/.
 */
export function vpnFeature(deps: BotDeps) {
  const feature = new Composer<AdminBotContext>();
  const panelDeps = (): TVpnAdminDeps => ({ db: deps.db, panel: panelFromEnv(deps.config) });

  const cardView = async (ctx: AdminBotContext, userId: bigint) => {
    const [user, sub] = await Promise.all([
      deps.db.user.findUnique({ where: { id: userId } }),
      deps.db.vpnSubscription.findUnique({ where: { userId } }),
    ]);
    if (!user) throw new AppError('USER_NOT_FOUND');
    return renderVpnCard(ctx, { userId, name: fullName(user), sub });
  };
  const editCard = async (ctx: AdminBotContext, userId: bigint) => {
    const view = await cardView(ctx, userId);
    await ctx
      .editMessageText(view.text, {
        parse_mode: 'HTML',
        reply_markup: view.keyboard,
        link_preview_options: { is_disabled: true },
      })
      .catch(notModified);
  };
  const editDevices = async (ctx: AdminBotContext, userId: bigint) => {
    const list = await adminListDevices(panelDeps(), { staff: ctx.staff, userId });
    const view = renderVpnDevices(ctx, userId, list);
    await ctx
      .editMessageText(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard })
      .catch(notModified);
  };

  /** Runs a card action; a known VPN refusal or a panel failure is answered on the button, not thrown. */
  const act = async (ctx: AdminBotContext, action: () => Promise<string | undefined>): Promise<boolean> => {
    try {
      const text = await action();
      await ctx.answerCallbackQuery(text ? { text } : undefined);
      return true;
    } catch (error) {
      const code = ADMIN_VPN_ERRORS.find((c) => isAppError(error, c));
      if (code) {
        await ctx.answerCallbackQuery({ text: ctx.t(`admin-vpn-error-${code}`), show_alert: true });
        return false;
      }
      if (isPanelError(error)) {
        ctx.log.warn({ err: String(error) }, 'VPN panel call from the admin bot failed');
        await ctx.answerCallbackQuery({
          text: ctx.t('admin-vpn-panel-failed', { kind: error.kind }),
          show_alert: true,
        });
        return false;
      }
      throw error;
    }
  };

  feature.callbackQuery(vpnCardAction.pattern, async (ctx) => {
    const data = vpnCardAction.decode(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    assertCan(ctx.staff, VPN_ADMIN_PERMISSIONS.view);
    const { userId } = data;
    const staff = ctx.staff;
    const extend = (days: number) =>
      act(ctx, async () => {
        const { expiresAt } = await adminExtendDays(deps.db, { staff, userId, days });
        return ctx.t('admin-vpn-extended', { days, until: formatUtc(expiresAt) });
      });
    switch (data.action) {
      case 'open': {
        const view = await cardView(ctx, userId);
        await ctx.answerCallbackQuery();
        return ctx.reply(view.text, {
          parse_mode: 'HTML',
          reply_markup: view.keyboard,
          link_preview_options: { is_disabled: true },
        });
      }
      case 'refresh':
        await ctx.answerCallbackQuery();
        return editCard(ctx, userId);
      case 'add7':
        if (await extend(7)) await editCard(ctx, userId);
        return;
      case 'add30':
        if (await extend(30)) await editCard(ctx, userId);
        return;
      case 'custom':
        assertCan(staff, VPN_ADMIN_PERMISSIONS.extend);
        await ctx.answerCallbackQuery();
        await ctx.conversation.exitAll();
        return ctx.conversation.enter(VPN_DAYS_CONVERSATION, userId.toString());
      case 'reset':
        if (
          await act(ctx, async () => {
            await adminResetTraffic(panelDeps(), { staff, userId });
            return ctx.t('admin-vpn-reset-done');
          })
        )
          await editCard(ctx, userId);
        return;
      case 'disable_ask':
      case 'link_ask': {
        assertCan(
          staff,
          data.action === 'link_ask' ? VPN_ADMIN_PERMISSIONS.revokeLink : VPN_ADMIN_PERMISSIONS.setEnabled,
        );
        const view = renderVpnConfirm(ctx, userId, data.action === 'link_ask' ? 'link' : 'disable');
        await ctx.answerCallbackQuery();
        return ctx.editMessageText(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
      }
      case 'disable':
      case 'enable': {
        const enabled = data.action === 'enable';
        await act(ctx, async () => {
          const { changed } = await adminSetEnabled(deps.db, { staff, userId, enabled });
          if (!changed) return ctx.t('admin-vpn-unchanged');
          return ctx.t(enabled ? 'admin-vpn-enabled' : 'admin-vpn-disabled');
        });
        return editCard(ctx, userId);
      }
      case 'link':
        if (
          await act(ctx, async () => {
            await adminRevokeLink(panelDeps(), { staff, userId });
            return ctx.t('admin-vpn-link-done');
          })
        )
          await editCard(ctx, userId);
        return;
      case 'devices':
        return act(ctx, async () => {
          await editDevices(ctx, userId);
          return undefined;
        });
    }
  });

  feature.callbackQuery(vpnDeviceRemove.pattern, async (ctx) => {
    const data = vpnDeviceRemove.decode(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    const staff = ctx.staff;
    const ok = await act(ctx, async () => {
      const { devices } = await adminListDevices(panelDeps(), { staff, userId: data.userId });
      const device = devices.find((d) => deviceKey(d.hwid) === data.device);
      // Removed meanwhile (by the user, another admin): the list below shows what is left.
      if (!device) return ctx.t('admin-vpn-device-gone');
      await adminRemoveDevice(panelDeps(), { staff, userId: data.userId, hwid: device.hwid });
      return ctx.t('admin-vpn-device-removed');
    });
    if (ok) await editDevices(ctx, data.userId);
  });

  feature.command('vpn_servers', async (ctx) => {
    assertCan(ctx.staff, VPN_ADMIN_PERMISSIONS.view);
    const panel = panelFromEnv(deps.config);
    if (!panel) return ctx.reply(ctx.t('admin-vpn-error-VPN_UNAVAILABLE'));
    const servers = await listVpnServers(panel);
    const lines = servers.map((s) =>
      ctx.t('admin-vpn-server-line', {
        flag: countryFlag(s.countryCode),
        name: escapeHtml(s.name),
        status: ctx.t(s.online ? 'admin-vpn-server-online' : 'admin-vpn-server-offline'),
        users: s.usersOnline,
      }),
    );
    const total = servers.reduce((sum, s) => sum + s.usersOnline, 0);
    await ctx.reply(
      [
        ctx.t('admin-vpn-servers-title', { count: servers.length, users: total }),
        ...(lines.length > 0 ? lines : [ctx.t('admin-vpn-servers-none')]),
      ].join('\n'),
      { parse_mode: 'HTML' },
    );
  });

  return feature;
}
