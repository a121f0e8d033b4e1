import type { Api } from 'grammy';
import type { LabeledPrice } from 'grammy/types';
import type { Payment } from '#core/db/generated/client.ts';
import type { TLang, Translator } from '#core/i18n/translator.ts';
import type { PaymentGateway } from '#core/payments/payment-gateway.ts';
import { paymentReference } from '#core/payments/start-checkout.ts';

/**
 * The one Stars invoice of a payment, sent into a chat or made a link: the payload is our reference. Title,
 * description and price label are all in the buyer's language: Telegram's payment sheet shows them as given.
 */
function starsInvoice(translator: Translator, payment: Payment, opts: { description: string; lang: TLang }) {
  const { description, lang } = opts;
  const prices: LabeledPrice[] = [{ label: description.slice(0, 32), amount: Number(payment.amount) }];
  return {
    title: translator.t(lang, 'buy-invoice-title'),
    description,
    payload: paymentReference(payment.id),
    prices,
  };
}

/**
 * Telegram Stars as a payment gateway: an invoice link (what the Mini App passes to openInvoice) and refunds
 * through refundStarPayment.
 */
export function createStarsGateway(api: Api, translator: Translator): PaymentGateway {
  return {
    async open(payment, opts) {
      const invoice = starsInvoice(translator, payment, opts);
      // Stars invoices carry no provider token.
      const url = await api.createInvoiceLink(
        invoice.title,
        invoice.description,
        invoice.payload,
        '',
        'XTR',
        invoice.prices,
      );
      return { confirmationUrl: url };
    },
    async refund(payment) {
      if (!payment.providerPaymentId) throw new Error(`payment ${payment.id} has no Telegram charge id`);
      // Stars are refunded whole: Telegram has no partial refunds of a Stars payment.
      await api.refundStarPayment(Number(payment.userId), payment.providerPaymentId);
      return { providerRefundId: payment.providerPaymentId };
    },
  };
}

/**
 * Stars in the bot's chat: the same invoice sent as a message the user pays in place. Its "confirmation URL"
 * is the chat itself, where the invoice waits.
 */
export function createChatStarsGateway(
  api: Api,
  translator: Translator,
  chat: { id: number; url: string },
): PaymentGateway {
  return {
    ...createStarsGateway(api, translator),
    async open(payment, opts) {
      const invoice = starsInvoice(translator, payment, opts);
      await api.sendInvoice(
        chat.id,
        invoice.title,
        invoice.description,
        invoice.payload,
        'XTR',
        invoice.prices,
      );
      return { confirmationUrl: chat.url };
    },
  };
}
