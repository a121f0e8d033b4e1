import type {
  Invoice,
  RefundedPayment,
  StarTransaction,
  SuccessfulPayment,
  TransactionPartnerUser,
  User,
} from 'grammy/types';
import type { BotRecord } from '#sandbox/telegram/state/bot-record.ts';
import type { MessageContent, StoredMessage } from '#sandbox/telegram/state/conversation.ts';
import type { Charge, StarLedgerEntry, StoredInvoice } from '#sandbox/telegram/state/payment-store.ts';
import type { TelegramState } from '#sandbox/telegram/state/telegram-state.ts';

/** Message.invoice exactly as Telegram returns it (start_parameter is "" when unset). */
export function invoiceObject(invoice: StoredInvoice): Invoice {
  return {
    title: invoice.title,
    description: invoice.description,
    start_parameter: invoice.startParameter,
    currency: invoice.currency,
    total_amount: invoice.totalAmount,
  };
}

/**
 * Field order follows tdlib/telegram-bot-api's JsonSuccessfulPaymentBot;
 * provider_payment_charge_id is always present, empty for Stars.
 */
export function successfulPayment(charge: Charge): SuccessfulPayment {
  const { invoice } = charge;
  const period = invoice.subscriptionPeriod;
  return {
    currency: invoice.currency,
    total_amount: invoice.totalAmount,
    invoice_payload: invoice.payload,
    // A subscription's first payment; renewals are not simulated.
    ...(period !== undefined
      ? { subscription_expiration_date: charge.date + period, is_recurring: true, is_first_recurring: true }
      : {}),
    telegram_payment_charge_id: charge.id,
    provider_payment_charge_id: '',
  };
}

/** "Currently, always “XTR”"; provider_payment_charge_id is optional and Stars have none. */
export function refundedPayment(charge: Charge): RefundedPayment {
  return {
    currency: charge.invoice.currency,
    total_amount: charge.invoice.totalAmount,
    invoice_payload: charge.invoice.payload,
    telegram_payment_charge_id: charge.id,
  };
}

/**
 * A ledger entry as StarTransaction: the id "coincides with
 * SuccessfulPayment.telegram_payment_charge_id" and a refund reuses the id of
 * the payment it refunds; the user is the source of a payment and the
 * receiver of a refund.
 */
export function starTransaction(entry: StarLedgerEntry, currentUser: User | undefined): StarTransaction {
  const { charge } = entry;
  const partner: TransactionPartnerUser = {
    type: 'user',
    transaction_type: 'invoice_payment',
    user: currentUser ?? charge.user,
    invoice_payload: charge.invoice.payload,
    ...(charge.invoice.subscriptionPeriod !== undefined
      ? { subscription_period: charge.invoice.subscriptionPeriod }
      : {}),
  };
  return {
    id: charge.id,
    amount: charge.invoice.totalAmount,
    date: entry.date,
    ...(entry.direction === 'incoming' ? { source: partner } : { receiver: partner }),
  };
}

/**
 * Payment service messages (successful_payment, refunded_payment) appear in
 * the user's private chat with the bot as the user's messages, and reach the
 * bot as `message` updates (bots get no updates for their own messages).
 */
export function postPaymentMessage(
  state: TelegramState,
  bot: BotRecord,
  user: User,
  content: MessageContent,
): StoredMessage {
  const stored = state.post(state.chats.privateChat(bot.id, user), { from: user, content });
  state.deliver(bot, { message: stored.message });
  return stored;
}
