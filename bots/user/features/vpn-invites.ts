import { Composer } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { formatUtc, fullName } from '#bots/shared/format.ts';
import { renderInvites } from '#bots/user/vpn/vpn-invites-view.ts';
import { AppError } from '#core/errors/app-error.ts';
import { enqueueNotification } from '#core/notify/enqueue-notification.ts';
import { INVITE_PAYLOAD_PREFIX } from '#core/vpn/invites/invite-code.ts';
import { myInvites } from '#core/vpn/invites/issue-invites.ts';
import { redeemInvite } from '#core/vpn/invites/redeem-invite.ts';
import { INVITER_BONUS_DAYS } from '#core/vpn/invites/reward-inviter.ts';
import { loyaltyOf } from '#core/vpn/loyalty/loyalty-of.ts';
import { panelFromEnv } from '#core/vpn/panel-sync/panel-from-env.ts';

/**
 * VPN invites in the user bot: `/invites` (my codes with share links, who used them, my loyalty level),
 * `/invite <code>`, and `/start inv_<code>` from a shared link. Installed before the start feature: the
 * link's code is redeemed first, then /start goes on as usual (signup, or the menu).
 */
export function vpnInvitesFeature(deps: BotDeps) {
  const feature = new Composer<UserBotContext>();
  const chats = feature.chatType('private');
  const vpnOn = () => panelFromEnv(deps.config) !== null;

  const redeem = async (ctx: UserBotContext, code: string) => {
    if (!ctx.account) return;
    const outcome = await redeemInvite(deps.db, { userId: ctx.account.id, code });
    if (!outcome.ok) return ctx.reply(ctx.t(`invite-error-${outcome.reason}`));
    await ctx.reply(ctx.t('invite-redeemed', { days: outcome.days, until: formatUtc(outcome.expiresAt) }));
    // The inviter hears their code worked; a failed enqueue must not spoil the friend's answer.
    const inviter = await deps.db.user.findUnique({
      where: { id: outcome.inviterId },
      select: { language: true },
    });
    if (inviter)
      await enqueueNotification(
        deps.notifyQueue,
        {
          bot: 'user',
          chatId: outcome.inviterId.toString(),
          userId: outcome.inviterId.toString(),
          text: deps.translator.t(inviter.language, 'invite-friend-joined', {
            name: ctx.account.firstName,
            days: INVITER_BONUS_DAYS,
          }),
        },
        { dedupeKey: `vpn-invite-joined-${outcome.inviteId}` },
      ).catch((error: unknown) => ctx.log.warn({ err: String(error) }, 'invite notice not queued'));
  };

  chats.command('start', async (ctx, next) => {
    const payload = ctx.match.trim();
    if (payload.startsWith(INVITE_PAYLOAD_PREFIX) && vpnOn()) await redeem(ctx, payload);
    return next();
  });

  chats.command('invite', async (ctx) => {
    if (!vpnOn()) throw new AppError('VPN_UNAVAILABLE');
    const code = ctx.match.trim();
    if (!code) return ctx.reply(ctx.t('invite-ask-code'));
    await redeem(ctx, code);
  });

  chats.command('invites', async (ctx) => {
    if (!vpnOn()) throw new AppError('VPN_UNAVAILABLE');
    if (!ctx.account) return;
    const userId = ctx.account.id;
    const [invites, loyalty] = await Promise.all([myInvites(deps.db, userId), loyaltyOf(deps.db, userId)]);
    const friendIds = invites.flatMap((i) => (i.redeemedById === null ? [] : [i.redeemedById]));
    const friends = friendIds.length ? await deps.db.user.findMany({ where: { id: { in: friendIds } } }) : [];
    const view = renderInvites(ctx, {
      invites,
      loyalty,
      botUsername: ctx.me.username,
      names: new Map(friends.map((f) => [f.id, fullName(f)])),
    });
    await ctx.reply(view.text, {
      parse_mode: 'HTML',
      reply_markup: view.keyboard,
      link_preview_options: { is_disabled: true },
    });
  });
  return feature;
}
