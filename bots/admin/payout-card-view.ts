import { InlineKeyboard } from 'grammy';
import type { AdminBotContext } from '#bots/shared/context.ts';
import { escapeHtml, formatUtc, fullName } from '#bots/shared/format.ts';
import { describePayoutRequest, type TPayoutRequestView } from '#bots/shared/payout-text.ts';
import { payoutAction } from './payout-callbacks.ts';

type TPayoutUser = { firstName: string; lastName: string | null; email: string | null };

/**
 * One pending request as finance sees it: who, what to send where (the destination as a copyable code), from
 * which balance at which rate, and the two decisions as buttons.
 */
export function renderPayoutCard(
  ctx: AdminBotContext,
  request: TPayoutRequestView & { id: bigint; userId: bigint; createdAt: Date; user: TPayoutUser },
): { text: string; keyboard: InlineKeyboard } {
  const id = request.id.toString();
  const lang = ctx.lang;
  const shown = describePayoutRequest((key, args) => ctx.t(key, args), request, lang);
  const text = ctx.t('admin-payout-card', {
    id,
    send: shown.send,
    method: escapeHtml(shown.method),
    destination: escapeHtml(shown.destination),
    amount: shown.amount,
    rate: shown.rate,
    name: escapeHtml(fullName(request.user)),
    userId: request.userId.toString(),
    email: escapeHtml(request.user.email ?? ctx.t('admin-none')),
    date: formatUtc(request.createdAt),
  });
  const keyboard = new InlineKeyboard()
    .text(ctx.t('admin-payout-approve'), payoutAction.encode({ action: 'approve', id }))
    .text(ctx.t('admin-payout-reject'), payoutAction.encode({ action: 'reject', id }));
  return { text, keyboard };
}
