import { Composer, InputFile } from 'grammy';
import QRCode from 'qrcode';
import type { UserBotContext } from '#bots/shared/context.ts';
import { escapeHtml, formatUtc } from '#bots/shared/format.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import { formatTokens } from '#core/money/format-money.ts';
import { referralStats } from '#core/referrals/referral-stats.ts';

export const referralLink = (botUsername: string, code: string) =>
  `https://t.me/${botUsername}?start=${code}`;

export async function showReferral(ctx: UserBotContext, db: PrismaClient): Promise<void> {
  const account = ctx.account;
  if (!account) return;
  const link = referralLink(ctx.me.username, account.referralCode);
  const stats = await referralStats(db, account.id);
  const lines = [
    ctx.t('referral-title'),
    ctx.t('referral-explain'),
    '',
    ctx.t('referral-link', { link }),
    '',
    ctx.t('referral-stats', {
      invited: stats.invited,
      paying: stats.paying,
      earned: formatTokens(stats.earnedTokens, account.language),
    }),
  ];
  if (stats.recent.length > 0) {
    lines.push('', ctx.t('referral-recent-title'));
    for (const r of stats.recent) {
      const args = { name: escapeHtml(r.firstName), date: formatUtc(r.joinedAt).slice(0, 10) };
      lines.push(ctx.t(r.paid ? 'referral-recent-paid' : 'referral-recent', args));
    }
  }
  await ctx.reply(lines.join('\n'), { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
  // A QR code people can show on a phone screen or print: the same deep link, error-corrected for print.
  const png = await QRCode.toBuffer(link, { type: 'png', width: 512, margin: 2, errorCorrectionLevel: 'M' });
  await ctx.replyWithPhoto(new InputFile(png, 'invite.png'), { caption: ctx.t('referral-qr-caption') });
}

export function referralFeature(db: PrismaClient) {
  const feature = new Composer<UserBotContext>();
  feature.chatType('private').command('referral', (ctx) => showReferral(ctx, db));
  return feature;
}
