import { Composer, InlineKeyboard } from 'grammy';
import { paymentCardAction, paymentsPage, userPaymentsButton } from '#bots/admin/callbacks.ts';
import { parsePaymentFilter } from '#bots/admin/parse-payment-filter.ts';
import { productTitle } from '#bots/admin/payment-card-view.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { escapeHtml, formatUtc } from '#bots/shared/format.ts';
import { findUser } from '#core/accounts/find-user.ts';
import { assertCan } from '#core/accounts/staff.ts';
import { formatMoney } from '#core/money/format-money.ts';
import { listPayments, type TPaymentFilter } from '#core/payments/list-payments.ts';

const PAGE_SIZE = 10;

/** `/payments [@user|id] [provider] [status] [from..to]`, "🧾 Payments" on a user card, and "More". */
export function paymentsFeature(deps: BotDeps) {
  const feature = new Composer<AdminBotContext>();

  feature.command('payments', async (ctx) => {
    assertCan(ctx.staff, 'users.view');
    const parsed = parsePaymentFilter(ctx.match);
    if (!parsed.ok)
      return ctx.reply(ctx.t('admin-payments-bad-filter', { token: escapeHtml(parsed.token) }), {
        parse_mode: 'HTML',
      });
    const { user, ...filter } = parsed.query;
    const found = user ? await findUser(deps.db, user) : null;
    if (user && !found)
      return ctx.reply(ctx.t('admin-find-none', { query: escapeHtml(ctx.match.trim()) }), {
        parse_mode: 'HTML',
      });
    await replyPage(ctx, deps, { ...filter, userId: found?.id });
  });

  feature.callbackQuery(userPaymentsButton.pattern, async (ctx) => {
    const data = userPaymentsButton.decode(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    assertCan(ctx.staff, 'users.view');
    await ctx.answerCallbackQuery();
    await replyPage(ctx, deps, { userId: data.userId });
  });

  feature.callbackQuery(paymentsPage.pattern, async (ctx) => {
    const page = paymentsPage.decode(ctx.callbackQuery.data);
    if (!page) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    assertCan(ctx.staff, 'users.view');
    await ctx.answerCallbackQuery();
    const { user, before, ...filter } = page;
    await replyPage(ctx, deps, { ...filter, userId: user, beforeId: before });
  });

  return feature;
}

/** Up to ten payments, newest first, a button per payment, and "More" when older ones exist. */
async function replyPage(ctx: AdminBotContext, deps: BotDeps, filter: TPaymentFilter) {
  const rows = await listPayments(deps.db, { ...filter, limit: PAGE_SIZE + 1 });
  const page = rows.slice(0, PAGE_SIZE);
  if (page.length === 0)
    return ctx.reply(ctx.t(filter.beforeId ? 'admin-payments-no-more' : 'admin-payments-none'));
  const lang = ctx.lang;
  const lines = page.map((p) =>
    ctx.t('admin-payments-line', {
      id: p.id.toString(),
      date: formatUtc(p.createdAt),
      name: escapeHtml(p.user.username ? `@${p.user.username}` : p.user.firstName),
      userId: p.userId.toString(),
      product: escapeHtml(productTitle((key) => ctx.t(key), p)),
      amount: formatMoney(p.amount, p.currency, lang),
      provider: p.provider,
      status: ctx.t(`admin-payment-status-${p.status}`),
    }),
  );
  const keyboard = new InlineKeyboard();
  page.forEach((p, i) => {
    keyboard.text(
      `#${p.id} · ${formatMoney(p.amount, p.currency, lang)}`,
      paymentCardAction.encode({ action: 'open', paymentId: p.id.toString() }),
    );
    if (i % 2 === 1) keyboard.row();
  });
  const last = page[page.length - 1];
  if (rows.length > PAGE_SIZE && last) {
    if (page.length % 2 === 1) keyboard.row();
    keyboard.text(
      ctx.t('admin-button-more'),
      paymentsPage.encode({
        user: filter.userId,
        provider: filter.provider,
        status: filter.status,
        from: filter.from,
        to: filter.to,
        before: last.id,
      }),
    );
  }
  const title = ctx.t('admin-payments-title', { filters: describeFilter(ctx, filter) });
  await ctx.reply(`${title}\n\n${lines.join('\n')}`, { parse_mode: 'HTML', reply_markup: keyboard });
}

function describeFilter(ctx: AdminBotContext, filter: TPaymentFilter): string {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const lastDay = (to: Date) => day(new Date(to.getTime() - 86_400_000));
  const parts = [
    filter.userId !== undefined ? `👤 ${filter.userId}` : '',
    filter.provider ?? '',
    filter.status ? ctx.t(`admin-payment-status-${filter.status}`) : '',
    filter.from || filter.to
      ? `${filter.from ? day(filter.from) : ''}..${filter.to ? lastDay(filter.to) : ''}`
      : '',
  ].filter(Boolean);
  return parts.length > 0 ? ` · ${parts.join(' · ')}` : '';
}
