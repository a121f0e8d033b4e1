import { InlineKeyboard } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import { escapeHtml, formatUtc } from '#bots/shared/format.ts';
import { inviteLink } from '#core/vpn/invites/invite-code.ts';
import type { TMyInvite } from '#core/vpn/invites/issue-invites.ts';
import { INVITER_BONUS_DAYS } from '#core/vpn/invites/reward-inviter.ts';
import type { TLoyaltyState } from '#core/vpn/loyalty/loyalty-levels.ts';

/** A message has room for this many codes with their links; the rest are there when these are used. */
const SHOWN = 12;
const ORDER = { available: 0, used: 1, expired: 2 } as const;

/** /invites: the loyalty level, then the codes (available first, with links), who used which, and a share button. */
export function renderInvites(
  ctx: UserBotContext,
  input: {
    invites: TMyInvite[];
    names: Map<bigint, string>;
    botUsername: string;
    loyalty: TLoyaltyState;
  },
): { text: string; keyboard: InlineKeyboard } {
  const lines = [ctx.t('invites-title')];
  const { loyalty } = input;
  lines.push(
    loyalty.level
      ? ctx.t('invites-loyalty', {
          level: ctx.t(`vpn-loyalty-level-${loyalty.level}`),
          months: Math.floor(loyalty.paidDays / 30),
        })
      : ctx.t('invites-loyalty-none'),
  );
  lines.push('', ctx.t('invites-intro', { days: INVITER_BONUS_DAYS }), '');
  const shown = [...input.invites].sort((a, b) => ORDER[a.status] - ORDER[b.status]).slice(0, SHOWN);
  if (shown.length === 0) lines.push(ctx.t('invites-none'));
  for (const invite of shown) {
    if (invite.status === 'available')
      lines.push(
        ctx.t('invites-code-available', {
          code: invite.code,
          days: invite.friendDays,
          until: formatUtc(invite.expiresAt),
          link: inviteLink(input.botUsername, invite.code),
        }),
      );
    else if (invite.status === 'used')
      lines.push(
        ctx.t('invites-code-used', {
          code: invite.code,
          name: escapeHtml(input.names.get(invite.redeemedById ?? 0n) ?? '—'),
          rewarded: invite.rewardedAt ? 'yes' : 'no',
        }),
      );
    else lines.push(ctx.t('invites-code-expired', { code: invite.code }));
  }
  lines.push('', ctx.t('invites-redeem-hint'));
  const keyboard = new InlineKeyboard();
  const first = shown.find((i) => i.status === 'available');
  if (first) {
    const link = inviteLink(input.botUsername, first.code);
    keyboard.url(
      ctx.t('invites-share-button', { code: first.code }),
      `https://t.me/share/url?url=${encodeURIComponent(link)}`,
    );
  }
  return { text: lines.join('\n'), keyboard };
}
