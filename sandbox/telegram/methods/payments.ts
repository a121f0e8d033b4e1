import type { InlineKeyboardMarkup, StarTransactions } from 'grammy/types';
import { z } from 'zod';
import { badRequest, parameterRequired, QUERY_ID_INVALID } from '#sandbox/telegram/bot-api/api-error.ts';
import { assertCanSend, resolveChat, resolveReplyTarget } from '#sandbox/telegram/bot-api/chat-access.ts';
import { defineMethod, type MethodTable } from '#sandbox/telegram/bot-api/define-method.ts';
import { invoiceOptions, readInvoice, validateInvoice } from '#sandbox/telegram/bot-api/invoice-params.ts';
import { postBotMessage } from '#sandbox/telegram/bot-api/outgoing.ts';
import { bool, int, sendOptions, str } from '#sandbox/telegram/bot-api/params.ts';
import {
  invoiceObject,
  postPaymentMessage,
  refundedPayment,
  starTransaction,
} from '#sandbox/telegram/bot-api/payment-objects.ts';
import { inlineMarkupSchema } from '#sandbox/telegram/bot-api/reply-markup-schema.ts';

/**
 * Numbers the Bot API reads leniently (td::to_integer: garbage is 0), so bad
 * values reach the method's own checks instead of failing zod.
 */
const lenientInt = () => int().optional().catch(undefined);

/**
 * "If not empty, the first button must be a Pay button"; otherwise Telegram
 * answers REPLY_MARKUP_BUY_EMPTY ("Reply markup for buy button empty").
 */
function assertPayButtonFirst(markup: InlineKeyboardMarkup | undefined): void {
  const first = markup?.inline_keyboard[0]?.[0];
  if (markup && !(first && 'pay' in first && first.pay)) throw badRequest('REPLY_MARKUP_BUY_EMPTY');
}

export const paymentMethods: MethodTable = {
  /**
   * Telegram Stars invoices only (see invoice-params.ts). The invoice
   * message is remembered so a user can pay it (control API payInvoice).
   */
  sendInvoice: defineMethod(
    z.object({
      ...sendOptions,
      ...invoiceOptions,
      start_parameter: str().optional(),
      reply_markup: inlineMarkupSchema.optional(),
    }),
    (params, ctx) => {
      const draft = readInvoice(ctx.bot.id, params, { startParameter: params.start_parameter });
      const conversation = resolveChat(ctx, params.chat_id);
      assertCanSend(ctx, conversation);
      const invoice = validateInvoice(draft);
      assertPayButtonFirst(params.reply_markup);
      const replyTo = resolveReplyTarget(conversation, params);
      const message = postBotMessage(ctx, conversation, {
        content: { invoice: invoiceObject(invoice) },
        replyTo,
        replyMarkup: params.reply_markup,
      });
      ctx.state.payments.attachToMessage(ctx.bot.id, conversation.chat.id, message.message_id, invoice);
      return message;
    },
  ),

  /** Returns `https://t.me/$<slug>`; the server keeps the invoice behind the slug. */
  createInvoiceLink: defineMethod(
    z.object({
      ...invoiceOptions,
      business_connection_id: str().optional(),
      subscription_period: lenientInt(),
    }),
    (params, ctx) => {
      const draft = readInvoice(ctx.bot.id, params, {
        ...(params.subscription_period ? { subscriptionPeriod: params.subscription_period } : {}),
      });
      const slug = ctx.state.payments.addLink(validateInvoice(draft));
      return `https://t.me/$${slug}`;
    },
  ),

  /**
   * As tdlib/telegram-bot-api reads it: a missing `ok` is false, which then
   * requires error_message; an unknown, answered or expired (past the
   * pre-checkout timeout) query fails with QUERY_ID_INVALID's description.
   */
  answerPreCheckoutQuery: defineMethod(
    z.object({
      pre_checkout_query_id: str().optional(),
      ok: bool().optional(),
      error_message: str().optional(),
    }),
    (params, ctx) => {
      const ok = params.ok ?? false;
      if (!ok && !params.error_message) throw parameterRequired('error_message');
      const answered = ctx.state.payments.answerPreCheckout(
        params.pre_checkout_query_id ?? '',
        ctx.bot.id,
        ok ? { ok: true } : { ok: false, errorMessage: params.error_message ?? '' },
      );
      if (!answered) throw badRequest(QUERY_ID_INVALID);
      return true;
    },
  ),

  /**
   * Refunds a Stars payment and posts the refunded_payment service message
   * (Bot API 7.10) into the user's chat. Errors: "invalid user_id specified"
   * (Bot API, reported live), CHARGE_ALREADY_REFUNDED (documented and seen
   * live). UNVERIFIED: USER_ID_INVALID (documented) for a user Telegram does
   * not know, and CHARGE_NOT_FOUND (a known server error name) for a charge
   * id that is not this user's payment to this bot.
   */
  refundStarPayment: defineMethod(
    z.object({ user_id: lenientInt(), telegram_payment_charge_id: str().optional() }),
    (params, ctx) => {
      if (params.user_id === undefined || params.user_id <= 0) throw badRequest('invalid user_id specified');
      const chargeId = params.telegram_payment_charge_id;
      if (!chargeId) throw parameterRequired('telegram_payment_charge_id');
      const user = ctx.state.users.get(params.user_id);
      if (!user) throw badRequest('USER_ID_INVALID');
      const charge = ctx.state.payments.charge(ctx.bot.id, chargeId);
      if (!charge || charge.user.id !== user.id) throw badRequest('CHARGE_NOT_FOUND');
      if (charge.refunded) throw badRequest('CHARGE_ALREADY_REFUNDED');
      ctx.state.payments.refund(charge);
      postPaymentMessage(ctx.state, ctx.bot, user, { refunded_payment: refundedPayment(charge) });
      ctx.state.events.emit({
        type: 'payment_refunded',
        token: ctx.bot.token,
        chat_id: user.id,
        user_id: user.id,
        charge_id: charge.id,
        currency: charge.invoice.currency,
        total_amount: charge.invoice.totalAmount,
        invoice_payload: charge.invoice.payload,
      });
      return true;
    },
  ),

  /**
   * "Returns the bot's Telegram Star transactions in chronological order."
   * offset (default 0) and limit (default 100) are clamped to 0… and 1-100,
   * never rejected, like tdlib/telegram-bot-api's get_integer_arg.
   */
  getStarTransactions: defineMethod(
    z.object({ offset: lenientInt(), limit: lenientInt() }),
    (params, ctx): StarTransactions => {
      const offset = Math.max(0, params.offset ?? 0);
      const limit = Math.min(100, Math.max(1, params.limit ?? 100));
      const entries = ctx.state.payments.ledger(ctx.bot.id).slice(offset, offset + limit);
      return {
        transactions: entries.map((entry) =>
          starTransaction(entry, ctx.state.users.get(entry.charge.user.id)),
        ),
      };
    },
  ),
};
