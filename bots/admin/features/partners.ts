import { Api, Composer } from 'grammy';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { escapeHtml, fullName } from '#bots/shared/format.ts';
import { findUser, parseUserQuery } from '#core/accounts/find-user.ts';
import { assertCan } from '#core/accounts/staff.ts';
import { isAppError } from '#core/errors/app-error.ts';
import type { Asset } from '#core/ledger/assets.ts';
import { formatMoney } from '#core/money/format-money.ts';
import { createPartner } from '#core/referrals/create-partner.ts';
import { listPartners } from '#core/referrals/list-partners.ts';
import { partnerLink } from '#core/referrals/partner-link.ts';

/**
 * The user bot's @username, which partner links point at. The admin bot only has the user bot's token (from
 * config), so it asks Telegram once, on first need, and keeps the answer; a failed ask is retried next time.
 */
function userBotUsername(deps: BotDeps): () => Promise<string> {
  let pending: Promise<string> | null = null;
  return () => {
    pending ??= new Api(deps.config.BOT_TOKEN, { apiRoot: deps.config.TELEGRAM_API_ROOT })
      .getMe()
      .then((me) => me.username)
      .catch((error: unknown) => {
        pending = null;
        throw error;
      });
    return pending;
  };
}

const money = (items: { asset: Asset; amount: bigint }[], lang: 'ru' | 'en') =>
  items.length === 0 ? '0' : items.map((i) => formatMoney(i.amount, i.asset, lang)).join(', ');

/** `/partner_new <@user | id> [percent]` and `/partners`. */
export function partnersFeature(deps: BotDeps) {
  const feature = new Composer<AdminBotContext>();
  const botUsername = userBotUsername(deps);

  feature.command('partner_new', async (ctx) => {
    assertCan(ctx.staff, 'partners.manage');
    const [who, rawPercent, extra] = ctx.match.trim().split(/\s+/);
    const query = who ? parseUserQuery(who) : null;
    const percent = rawPercent === undefined ? undefined : Number(rawPercent.replace(/%$/, ''));
    if (!query || extra !== undefined || (percent !== undefined && !Number.isInteger(percent)))
      return ctx.reply(ctx.t('admin-partner-new-usage'), { parse_mode: 'HTML' });
    const user = await findUser(deps.db, query);
    if (!user) return ctx.reply(ctx.t('error-user-not-found'));
    const name = escapeHtml(fullName(user));
    try {
      const { partner } = await createPartner(deps.db, { staff: ctx.staff, userId: user.id, percent });
      const link = partnerLink(await botUsername(), partner.code);
      await ctx.reply(
        ctx.t('admin-partner-created', { name, percent: String(partner.commissionPercent), link }),
        {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
        },
      );
    } catch (error) {
      if (!isAppError(error, 'PARTNER_EXISTS')) throw error;
      const link = partnerLink(await botUsername(), String(error.details.code));
      await ctx.reply(ctx.t('admin-partner-exists', { name, link }), {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      });
    }
  });

  feature.command('partners', async (ctx) => {
    assertCan(ctx.staff, 'partners.manage');
    const lang = ctx.lang;
    const rows = await listPartners(deps.db);
    if (rows.length === 0) return ctx.reply(ctx.t('admin-partners-empty'));
    const lines = rows.map((row) => {
      const line = ctx.t('admin-partner-line', {
        name: escapeHtml(row.username ? `${row.name} (@${row.username})` : row.name),
        percent: String(row.commissionPercent),
        referred: String(row.referred),
        earned: money(row.earned, lang),
        paid: money(row.paidOut, lang),
      });
      return row.disabled ? ctx.t('admin-partner-line-disabled', { line }) : line;
    });
    await ctx.reply([ctx.t('admin-partners-title'), '', ...lines].join('\n'), { parse_mode: 'HTML' });
  });
  return feature;
}
