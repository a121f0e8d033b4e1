import { InlineKeyboard } from 'grammy';
import { z } from 'zod';
import type { AdminBotContext } from '#bots/shared/context.ts';
import { escapeHtml, formatUtc, fullName } from '#bots/shared/format.ts';
import { can } from '#core/accounts/permissions.ts';
import type { Payment } from '#core/db/generated/client.ts';
import { formatMoney, formatTokens } from '#core/money/format-money.ts';
import type { loadPayment } from '#core/payments/list-payments.ts';
import { cardAction, paymentCardAction, refundConfirm } from './callbacks.ts';

export type TPaymentCard = NonNullable<Awaited<ReturnType<typeof loadPayment>>>;

const ZProductSnapshotSchema = z.object({ titleKey: z.string() });

/** The product's name in the reader's language, from the snapshot the payment stored at checkout. */
export function productTitle(t: (key: string) => string, payment: Pick<Payment, 'product' | 'productId'>) {
  const snapshot = ZProductSnapshotSchema.safeParse(payment.product);
  return snapshot.success ? t(snapshot.data.titleKey) : payment.productId;
}

export const refundableOf = (payment: Pick<Payment, 'status' | 'amount' | 'refundedAmount'>): bigint =>
  payment.status === 'succeeded' || payment.status === 'partially_refunded'
    ? payment.amount - payment.refundedAmount
    : 0n;

export function renderPaymentCard(
  ctx: AdminBotContext,
  payment: TPaymentCard,
): { text: string; keyboard: InlineKeyboard } {
  const none = ctx.t('admin-none');
  const money = (amount: bigint) => formatMoney(amount, payment.currency, ctx.lang);
  const refunds = [...payment.refunds]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((r) =>
      ctx.t('admin-payment-refund-line', {
        id: r.id.toString(),
        amount: money(r.amount),
        status: ctx.t(`admin-refund-status-${r.status}`),
        clawed: formatTokens(r.tokensClawedBack, ctx.lang),
        shortfall: formatTokens(r.tokensShortfall, ctx.lang),
        date: formatUtc(r.createdAt),
        failure: r.failureReason ? ` · ${escapeHtml(r.failureReason)}` : '',
      }),
    );
  const text = ctx.t('admin-payment-card', {
    id: payment.id.toString(),
    name: escapeHtml(fullName(payment.user)),
    username: payment.user.username ? ` @${escapeHtml(payment.user.username)}` : '',
    userId: payment.userId.toString(),
    product: escapeHtml(productTitle((key) => ctx.t(key), payment)),
    amount: money(payment.amount),
    provider: payment.provider,
    providerId: escapeHtml(payment.providerPaymentId ?? none),
    status: ctx.t(`admin-payment-status-${payment.status}`),
    refunded: money(payment.refundedAmount),
    created: formatUtc(payment.createdAt),
    paid: payment.paidAt ? formatUtc(payment.paidAt) : none,
    refunds: refunds.join('\n') || none,
  });
  return { text, keyboard: paymentKeyboard(ctx, payment) };
}

function paymentKeyboard(ctx: AdminBotContext, payment: TPaymentCard): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const paymentId = payment.id.toString();
  const refundable = refundableOf(payment);
  if (can(ctx.staff.role, 'money.refund') && refundable > 0n) {
    keyboard.text(ctx.t('admin-button-refund-full'), paymentCardAction.encode({ action: 'full', paymentId }));
    // Telegram refunds a Stars payment whole or not at all.
    if (payment.provider !== 'stars')
      keyboard.text(
        ctx.t('admin-button-refund-part'),
        paymentCardAction.encode({ action: 'part', paymentId }),
      );
    keyboard.row();
  }
  return keyboard
    .text(ctx.t('admin-button-refresh'), paymentCardAction.encode({ action: 'refresh', paymentId }))
    .text(
      ctx.t('admin-button-user'),
      cardAction.encode({ action: 'refresh', userId: payment.userId.toString() }),
    );
}

/** The card again, asking to confirm a full refund of what is still refundable. */
export function renderFullRefundConfirm(
  ctx: AdminBotContext,
  payment: TPaymentCard,
): { text: string; keyboard: InlineKeyboard } {
  const amount = refundableOf(payment);
  const view = renderPaymentCard(ctx, payment);
  const shown = formatMoney(amount, payment.currency, ctx.lang);
  return {
    text: `${view.text}\n\n${ctx.t('admin-refund-full-confirm', { amount: shown })}`,
    keyboard: new InlineKeyboard()
      .text(
        ctx.t('admin-button-refund-confirm', { amount: shown }),
        refundConfirm.encode({ paymentId: payment.id.toString(), amount: amount.toString() }),
      )
      .text(
        ctx.t('admin-button-cancel'),
        paymentCardAction.encode({ action: 'back', paymentId: payment.id.toString() }),
      ),
  };
}
