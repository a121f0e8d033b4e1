import type { PaymentGateway } from '#core/payments/payment-gateway.ts';
import { paymentReference } from '#core/payments/start-checkout.ts';
import { formatMinorUnits } from '#core/payments/yookassa/money-format.ts';
import type { TCryptoPayClient } from './cryptopay-client.ts';

/** What a buyer may pay a fiat invoice with: the stable coin and the two most held coins. */
const ACCEPTED_ASSETS = ['USDT', 'TON', 'BTC'];

/**
 * Crypto Pay (CryptoBot) as a payment gateway: an invoice priced in the payment's fiat currency (USD or
 * RUB) and paid in crypto at Crypto Pay's rate. `botUrl` is where the "Open Bot" button on the paid
 * invoice takes the buyer: back to our bot, where the confirmation arrives.
 */
export function createCryptoPayGateway(opts: { client: TCryptoPayClient; botUrl: string }): PaymentGateway {
  const { client } = opts;
  return {
    async open(payment, { description }) {
      if (payment.currency !== 'USD' && payment.currency !== 'RUB') {
        throw new Error(
          `Crypto Pay invoices are in USD or RUB, payment ${payment.id} is ${payment.currency}`,
        );
      }
      const invoice = await client.createInvoice({
        currencyType: 'fiat',
        fiat: payment.currency,
        acceptedAssets: ACCEPTED_ASSETS,
        // USD and RUB both have two fraction digits, as the payment's minor units do.
        amount: formatMinorUnits(payment.amount),
        description: description.slice(0, 1024),
        // Read back from the re-fetched invoice by the webhook route: the link to our payment row.
        payload: paymentReference(payment.id),
        paidBtnName: 'openBot',
        paidBtnUrl: opts.botUrl,
      });
      return { providerPaymentId: String(invoice.invoice_id), confirmationUrl: invoice.bot_invoice_url };
    },

    async refund(payment) {
      // Crypto Pay has no refund of an invoice. Its `transfer` method sends coins from the app's balance
      // to a Telegram user, but it does not fit a refund: an invoice does not say who paid it (anyone with
      // the link can, anonymously), the amount is in crypto at today's rate rather than the fiat paid,
      // and transfers are off for new apps and need the recipient to have used @CryptoBot. So a crypto
      // refund is done by hand: support agrees the asset with the buyer and sends a transfer from the
      // Crypto Pay app. Throwing here leaves our books unchanged (refundPayment marks its refund row
      // failed); the ledger has no "refunded outside the provider" entry yet.
      throw new Error(
        `Crypto Pay has no refunds: refund payment ${payment.id} (invoice ${payment.providerPaymentId ?? '?'}) by hand with a transfer from the Crypto Pay app`,
      );
    },
  };
}
