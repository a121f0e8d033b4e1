import type { Conversation } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import { moneyStep } from '#bots/admin/callbacks.ts';
import { notifyTarget } from '#bots/admin/notify-target.ts';
import { parseMajorAmount } from '#bots/admin/parse-money-input.ts';
import { productTitle, refundableOf, renderPaymentCard } from '#bots/admin/payment-card-view.ts';
import { attempt, type TAttempt } from '#bots/shared/attempt.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import type { TStaff } from '#core/accounts/staff.ts';
import type { Asset } from '#core/ledger/assets.ts';
import { formatMoney, formatTokens } from '#core/money/format-money.ts';
import { loadPayment } from '#core/payments/list-payments.ts';
import { refundPayment } from '#core/payments/refund-payment.ts';

export const REFUND_CONVERSATION = 'refund-part';

/** Amounts travel as strings: the result is stored in conversation state, which is JSON. */
export type TRefundDone = { refundId: string; amount: string; clawed: string; shortfall: string };

/**
 * Refunds through the provider and the ledger (core), then tells the user in their language how much came
 * back and how many tokens were taken. Errors come back as codes for `refundErrorText`.
 */
export async function performRefund(
  deps: BotDeps,
  staff: TStaff,
  input: { paymentId: bigint; amount: bigint; reason: string },
): Promise<TAttempt<TRefundDone>> {
  return attempt(async () => {
    const refund = await refundPayment(deps.db, deps.gateways, { staff, ...input });
    const payment = await loadPayment(deps.db, input.paymentId);
    if (payment) {
      const lang = payment.user.language;
      await notifyTarget(deps, { id: payment.userId, language: lang }, 'refund-notice', {
        amount: formatMoney(refund.amount, payment.currency, lang),
        product: productTitle((key) => deps.translator.t(lang, key), payment),
        tokens: formatTokens(refund.tokensClawedBack, lang),
      });
    }
    return {
      refundId: refund.id.toString(),
      amount: refund.amount.toString(),
      clawed: refund.tokensClawedBack.toString(),
      shortfall: refund.tokensShortfall.toString(),
    };
  });
}

const ERROR_KEYS: Record<string, string> = {
  PROVIDER_ERROR: 'admin-refund-provider-error',
  REFUND_NOT_ALLOWED: 'admin-refund-not-allowed',
  INVALID_INPUT: 'admin-refund-amount-changed',
  PAYMENT_NOT_FOUND: 'admin-payment-not-found',
  FORBIDDEN: 'error-forbidden',
};

export function refundErrorText(ctx: AdminBotContext, result: TAttempt<unknown> & { ok: false }): string {
  const { message, provider, status } = result.details;
  // PROVIDER_ERROR without a message: no gateway is configured for that provider in this deployment.
  if (result.code === 'PROVIDER_ERROR' && message === undefined)
    return ctx.t('admin-refund-provider-missing', { provider: String(provider ?? '') });
  return ctx.t(ERROR_KEYS[result.code] ?? 'error-generic', {
    message: String(message ?? ''),
    status: String(status ?? ''),
  });
}

export function refundDoneText(ctx: AdminBotContext, currency: Asset, done: TRefundDone) {
  const lang = ctx.lang;
  return ctx.t('admin-refund-done', {
    id: done.refundId,
    amount: formatMoney(BigInt(done.amount), currency, lang),
    clawed: formatTokens(BigInt(done.clawed), lang),
    shortfall: formatTokens(BigInt(done.shortfall), lang),
  });
}

/**
 * "Refund part": asks for an amount in major units (49.50), checks it against what is still refundable, asks
 * to confirm, refunds, and shows the updated card. Stars payments never get here (Telegram refunds them whole).
 */
export function createRefundConversation(deps: BotDeps) {
  return async function refundPart(
    conversation: Conversation<AdminBotContext, Context>,
    _ctx: Context,
    paymentIdText: string,
  ) {
    const paymentId = BigInt(paymentIdText);
    const start = await conversation.external(async (outer) => {
      const payment = await loadPayment(deps.db, paymentId);
      const refundable = payment ? refundableOf(payment) : 0n;
      if (!payment || refundable <= 0n || payment.provider === 'stars') {
        await outer.reply(outer.t(payment ? 'admin-refund-nothing' : 'admin-payment-not-found'));
        return null;
      }
      await outer.reply(
        outer.t('admin-refund-ask-amount', {
          id: paymentIdText,
          refundable: formatMoney(refundable, payment.currency, outer.lang),
        }),
        { parse_mode: 'HTML', reply_markup: cancelKeyboard(outer, '0') },
      );
      return { currency: payment.currency };
    });
    if (!start) return;
    // `nonce`: the id of the admin's message the amount came from; only that confirmation's button counts.
    let pending: { amount: string; reason: string; nonce: string } | null = null;
    for (;;) {
      const next = await conversation.wait();
      const step = moneyStep.decode(next.callbackQuery?.data ?? '');
      if (step?.action === 'cancel') {
        await next.answerCallbackQuery();
        await conversation.external((outer) => outer.reply(outer.t('cancelled')));
        return;
      }
      if (step?.action === 'apply' && pending && step.nonce === pending.nonce) {
        await next.answerCallbackQuery();
        const confirmed = pending;
        await conversation.external(async (outer) => {
          // The confirmation loses its button at once: it has been used, whatever the outcome.
          await outer.editMessageReplyMarkup();
          const result = await performRefund(deps, outer.staff, {
            paymentId,
            amount: BigInt(confirmed.amount),
            reason: confirmed.reason,
          });
          const payment = await loadPayment(deps.db, paymentId);
          if (result.ok)
            await outer.reply(refundDoneText(outer, start.currency, result.value), { parse_mode: 'HTML' });
          else await outer.reply(refundErrorText(outer, result));
          if (payment) {
            const view = renderPaymentCard(outer, payment);
            await outer.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
          }
        });
        // Done either way: after a refusal the card is shown again, and "Refund part" starts over.
        return;
      }
      const text = next.message?.text?.trim();
      if (text?.startsWith('/') || (next.callbackQuery && !text)) await conversation.skip({ next: true });
      if (!text) continue;
      const [amountText = '', ...rest] = text.split(/\s+/);
      const amount = parseMajorAmount(amountText, start.currency);
      const reason = rest.join(' ').slice(0, 500) || 'partial refund (admin bot)';
      const nonce = String(next.message?.message_id ?? 0);
      pending = await conversation.external(async (outer) => {
        const payment = await loadPayment(deps.db, paymentId);
        const refundable = payment ? refundableOf(payment) : 0n;
        const lang = outer.lang;
        const max = formatMoney(refundable, start.currency, lang);
        if (amount === null || amount > refundable) {
          await outer.reply(outer.t('admin-refund-amount-invalid', { max }));
          return null;
        }
        const shown = formatMoney(amount, start.currency, lang);
        await outer.reply(outer.t('admin-refund-part-confirm', { id: paymentIdText, amount: shown, max }), {
          parse_mode: 'HTML',
          reply_markup: new InlineKeyboard()
            .text(
              outer.t('admin-button-refund-confirm', { amount: shown }),
              moneyStep.encode({ action: 'apply', nonce }),
            )
            .text(outer.t('admin-button-cancel'), moneyStep.encode({ action: 'cancel', nonce })),
        });
        return { amount: amount.toString(), reason, nonce };
      });
    }
  };
}

const cancelKeyboard = (ctx: AdminBotContext, nonce: string) =>
  new InlineKeyboard().text(ctx.t('admin-button-cancel'), moneyStep.encode({ action: 'cancel', nonce }));
