import type { User } from 'grammy/types';
import { postPaymentMessage, successfulPayment } from '#sandbox/telegram/bot-api/payment-objects.ts';
import type { BotRecord } from '#sandbox/telegram/state/bot-record.ts';
import type { StoredInvoice } from '#sandbox/telegram/state/payment-store.ts';
import type { TelegramState } from '#sandbox/telegram/state/telegram-state.ts';
import type { InvoiceLinkInfo, PayInvoiceResult, TelegramServerEvent } from '#sandbox/telegram/types.ts';
import { requireBot, requireUser, userChat } from './chat-lookup.ts';
import { ControlError } from './control-error.ts';

export interface PayInvoiceRequest {
  token: string;
  userId: number;
  messageId?: number;
  invoiceLink?: string;
  outcome: 'pay' | 'decline_card';
}

/** What the user is paying: an invoice message in their chat, or a link. */
interface PaymentTarget {
  invoice: StoredInvoice;
  messageId?: number;
  link?: string;
}

/** `https://t.me/$slug`, as createInvoiceLink returns it, or the `t.me/invoice/slug` form. */
const INVOICE_LINK = /^(?:https?:\/\/)?t\.me\/(?:\$|invoice\/)([\w-]+)$/;

/** The invoice behind a createInvoiceLink link, as a client shows it before the user pays. */
export function describeInvoiceLink(state: TelegramState, link: string): InvoiceLinkInfo {
  const slug = INVOICE_LINK.exec(link)?.[1];
  const invoice = slug === undefined ? undefined : state.payments.link(slug);
  const bot = invoice ? state.bots.get(invoice.botId) : undefined;
  if (!invoice || !bot) throw new ControlError(`unknown invoice link ${link}`, 404);
  return {
    bot_username: bot.username,
    title: invoice.title,
    description: invoice.description,
    currency: invoice.currency,
    total_amount: invoice.totalAmount,
    prices: invoice.prices,
    ...(invoice.photoUrl !== undefined ? { photo_url: invoice.photoUrl } : {}),
    ...(invoice.subscriptionPeriod !== undefined ? { subscription_period: invoice.subscriptionPeriod } : {}),
  };
}

function findTarget(
  state: TelegramState,
  bot: BotRecord,
  user: User,
  input: PayInvoiceRequest,
): PaymentTarget {
  if (input.invoiceLink !== undefined) {
    const slug = INVOICE_LINK.exec(input.invoiceLink)?.[1];
    const invoice = slug === undefined ? undefined : state.payments.link(slug);
    if (!invoice) throw new ControlError(`unknown invoice link ${input.invoiceLink}`, 404);
    if (invoice.botId !== bot.id) throw new ControlError(`invoice link was not created by ${bot.username}`);
    return { invoice, link: input.invoiceLink };
  }
  const messageId = input.messageId ?? 0;
  const conversation = userChat(state, bot, user, undefined);
  if (!conversation.find(messageId)) {
    throw new ControlError(`message ${messageId} not found in chat ${user.id}`, 404);
  }
  const entry = state.payments.messageInvoice(bot.id, user.id, messageId);
  if (!entry) throw new ControlError(`message ${messageId} is not an invoice from ${bot.username}`);
  // Once paid, clients replace the Pay button with a receipt; links stay payable.
  if (entry.paid) throw new ControlError(`invoice message ${messageId} was already paid`);
  return { invoice: entry.invoice, messageId };
}

/**
 * A user pays an invoice as on Telegram: the bot gets a pre_checkout_query
 * and must answer within the pre-checkout timeout (10 s); after ok=true the
 * payment completes and the bot gets the user's successful_payment message.
 * Resolves once the payment ended; every step is also an `invoice_payment`
 * event for the chat emulator.
 *
 * Simplifications: only the private chat's invoices (or links) are payable,
 * and no Stars balance is checked.
 */
export async function payInvoice(state: TelegramState, input: PayInvoiceRequest): Promise<PayInvoiceResult> {
  const bot = requireBot(state, input.token);
  const user = requireUser(state, input.userId);
  const target = findTarget(state, bot, user, input);
  const { invoice } = target;
  const emit = (
    event: Pick<
      Extract<TelegramServerEvent, { type: 'invoice_payment' }>,
      'status' | 'charge_id' | 'error_message'
    >,
  ) =>
    state.events.emit({
      type: 'invoice_payment',
      token: bot.token,
      chat_id: user.id,
      user_id: user.id,
      currency: invoice.currency,
      total_amount: invoice.totalAmount,
      invoice_payload: invoice.payload,
      ...(target.messageId !== undefined ? { invoice_message_id: target.messageId } : {}),
      ...(target.link !== undefined ? { invoice_link: target.link } : {}),
      ...event,
    });

  const query = state.payments.openPreCheckout(bot.id);
  state.deliver(bot, {
    pre_checkout_query: {
      id: query.id,
      from: user,
      currency: invoice.currency,
      total_amount: invoice.totalAmount,
      invoice_payload: invoice.payload,
    },
  });
  emit({ status: 'pending' });

  const answer = await query.answer;
  if (!answer) {
    emit({ status: 'timeout' });
    return { status: 'timeout' };
  }
  if (!answer.ok) {
    emit({ status: 'rejected', error_message: answer.errorMessage });
    return { status: 'rejected', errorMessage: answer.errorMessage };
  }
  if (input.outcome === 'decline_card') {
    emit({ status: 'failed' });
    return { status: 'failed' };
  }

  const charge = state.payments.recordPayment(bot.id, user, invoice);
  if (target.messageId !== undefined) state.payments.markMessagePaid(bot.id, user.id, target.messageId);
  const stored = postPaymentMessage(state, bot, user, { successful_payment: successfulPayment(charge) });
  emit({ status: 'paid', charge_id: charge.id });
  return { status: 'paid', chargeId: charge.id, messageId: stored.message.message_id };
}
