import type { PaymentGateway } from '#core/payments/payment-gateway.ts';
import { paymentReference } from '#core/payments/start-checkout.ts';
import type { TYooKassaClient } from './yookassa-client.ts';

// 54-FZ receipt fields as YooKassa numbers them: VAT code 1 is "no VAT"; the tokens are a service,
// paid in full at once and delivered at once.
const RECEIPT_VAT_CODE = 1;
const RECEIPT_PAYMENT_SUBJECT = 'service';
const RECEIPT_PAYMENT_MODE = 'full_payment';

/**
 * YooKassa as a payment gateway: a one-stage payment with a redirect to YooKassa's page, and refunds.
 * The Idempotence-Key is derived from our payment, so opening the same checkout twice (a retried tap,
 * a lost answer) gives back the one YooKassa payment instead of a second one.
 */
export function createYooKassaGateway(opts: { client: TYooKassaClient; receipts: boolean }): PaymentGateway {
  const { client } = opts;
  return {
    async open(payment, { description, returnUrl, email }) {
      if (payment.currency !== 'RUB')
        throw new Error(`YooKassa charges RUB, payment ${payment.id} is ${payment.currency}`);
      const title = description.slice(0, 128);
      const created = await client.createPayment({
        idempotenceKey: `payment:${payment.id}`,
        amount: { valueMinor: payment.amount, currency: 'RUB' },
        description: title,
        returnUrl,
        // Read back from the re-fetched payment by the notification route: the link to our payment row.
        metadata: { paymentRef: paymentReference(payment.id) },
        ...(opts.receipts &&
          email && {
            receipt: {
              email,
              items: [
                {
                  description: title,
                  quantity: 1,
                  amountMinor: payment.amount,
                  vatCode: RECEIPT_VAT_CODE,
                  paymentSubject: RECEIPT_PAYMENT_SUBJECT,
                  paymentMode: RECEIPT_PAYMENT_MODE,
                },
              ],
            },
          }),
      });
      if (!created.confirmation_url)
        throw new Error(`YooKassa payment ${created.id} has no confirmation URL`);
      return { providerPaymentId: created.id, confirmationUrl: created.confirmation_url };
    },

    async refund(payment, amount, { idempotenceKey, reason }) {
      if (!payment.providerPaymentId) throw new Error(`payment ${payment.id} has no YooKassa payment id`);
      if (payment.currency !== 'RUB') throw new Error(`payment ${payment.id} is not in RUB`);
      const refund = await client.createRefund({
        idempotenceKey,
        paymentId: payment.providerPaymentId,
        amountMinor: amount,
        currency: 'RUB',
        description: reason.slice(0, 250),
      });
      // A pending refund is under way (some payment methods take a while); only a canceled one failed.
      if (refund.status === 'canceled') {
        const why = refund.cancellation_details?.reason ?? 'no reason given';
        throw new Error(`YooKassa canceled refund ${refund.id}: ${why}`);
      }
      return { providerRefundId: refund.id };
    },
  };
}
