import { InlineKeyboard } from 'grammy';
import type { AdminBotContext } from '#bots/shared/context.ts';
import { escapeHtml, formatUtc, fullName } from '#bots/shared/format.ts';
import type { PayoutRequest } from '#core/db/generated/client.ts';
import { formatMoney } from '#core/money/format-money.ts';
import { payoutAction } from './payout-callbacks.ts';

type TPayoutUser = { firstName: string; lastName: string | null; email: string | null } | undefined;

/** One pending request as finance sees it, with the two decisions as buttons. */
export function renderPayoutCard(
  ctx: AdminBotContext,
  request: PayoutRequest,
  partnerUserId: bigint,
  user: TPayoutUser,
): { text: string; keyboard: InlineKeyboard } {
  const id = request.id.toString();
  const text = ctx.t('admin-payout-card', {
    id,
    amount: formatMoney(request.amount, request.currency, ctx.lang),
    name: escapeHtml(user ? fullName(user) : '?'),
    userId: partnerUserId.toString(),
    email: escapeHtml(user?.email ?? ctx.t('admin-none')),
    details: escapeHtml(request.details),
    date: formatUtc(request.createdAt),
  });
  const keyboard = new InlineKeyboard()
    .text(ctx.t('admin-payout-approve'), payoutAction.encode({ action: 'approve', id }))
    .text(ctx.t('admin-payout-reject'), payoutAction.encode({ action: 'reject', id }));
  return { text, keyboard };
}
