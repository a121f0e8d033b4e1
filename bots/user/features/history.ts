import { Composer, InlineKeyboard } from 'grammy';
import { z } from 'zod';
import { callbackCodec } from '#bots/shared/callback-data.ts';
import type { UserBotContext } from '#bots/shared/context.ts';
import { escapeHtml, formatUtc } from '#bots/shared/format.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import { renderLocalizedText } from '#core/i18n/localized-text.ts';
import { balanceHistory } from '#core/ledger/history.ts';
import { formatMoney } from '#core/money/format-money.ts';

const PAGE = 10;
/**
 * Ten lines must fit one message (4096 characters); a support reason or a declined payout's reason may be
 * 500 characters long, so a long description is cut here (the Mini App shows it whole).
 */
const DESCRIPTION_MAX = 200;
const shorten = (text: string) =>
  text.length > DESCRIPTION_MAX ? `${text.slice(0, DESCRIPTION_MAX - 1).trimEnd()}…` : text;
const olderPage = callbackCodec(
  'hist',
  ['before'],
  z.object({
    before: z
      .string()
      .regex(/^\d{1,19}$/)
      .transform(BigInt),
  }),
);

async function render(ctx: UserBotContext, db: PrismaClient, beforeId?: bigint) {
  const account = ctx.account;
  if (!account) return { text: ctx.t('error-user-not-found'), keyboard: undefined };
  const items = await balanceHistory(db, { userId: account.id, beforeId, limit: PAGE });
  if (items.length === 0)
    return { text: `${ctx.t('history-title')}\n\n${ctx.t('history-empty')}`, keyboard: undefined };
  const lang = account.language;
  const lines = items.map((item) =>
    ctx.t('history-entry', {
      date: formatUtc(item.at),
      // The description carries people's own words (a task's title, support's reason): plain text here.
      description: escapeHtml(
        shorten(renderLocalizedText((key, args) => ctx.t(key, args), item.description)),
      ),
      amount: formatMoney(item.amount, item.asset, lang, { signed: true }),
      before: formatMoney(item.balanceBefore, item.asset, lang),
      after: formatMoney(item.balanceAfter, item.asset, lang),
    }),
  );
  const last = items.at(-1);
  const keyboard =
    items.length === PAGE && last
      ? new InlineKeyboard().text(
          ctx.t('history-more'),
          olderPage.encode({ before: last.entryId.toString() }),
        )
      : undefined;
  return { text: [ctx.t('history-title'), ...lines].join('\n\n'), keyboard };
}

/** `/history`: ledger entries, each with what it was for and the old and new balance, ten at a time. */
export function historyFeature(db: PrismaClient) {
  const feature = new Composer<UserBotContext>();
  const chats = feature.chatType('private');
  chats.command('history', async (ctx) => {
    const view = await render(ctx, db);
    await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
  });
  chats.callbackQuery(olderPage.pattern, async (ctx) => {
    const page = olderPage.decode(ctx.callbackQuery.data);
    if (!page) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    await ctx.answerCallbackQuery();
    const view = await render(ctx, db, page.before);
    await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
  });
  return feature;
}
