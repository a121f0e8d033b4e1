import type { Api } from 'grammy';
import type { Translator } from '#core/i18n/translator.ts';
import type { PaymentGateway } from '#core/payments/payment-gateway.ts';
import { paymentReference } from '#core/payments/start-checkout.ts';

/**
 * Telegram Stars as a payment gateway: an invoice link (what the Mini App passes to openInvoice) and refunds
 * through refundStarPayment. In chat, the bot sends the invoice itself (features/buy.ts).
 */
export function createStarsGateway(api: Api, translator: Translator): PaymentGateway {
  return {
    async open(payment, opts) {
      const url = await api.createInvoiceLink(
        translator.t('en', 'buy-invoice-title'),
        opts.description,
        paymentReference(payment.id),
        '',
        'XTR',
        [{ label: opts.description.slice(0, 32), amount: Number(payment.amount) }],
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
