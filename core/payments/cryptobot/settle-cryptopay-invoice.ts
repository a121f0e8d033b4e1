import { isAppError } from '#core/errors/app-error.ts';
import { announcePayment, type TAnnounceDeps } from '#core/payments/announce-payment.ts';
import { confirmPayment } from '#core/payments/confirm-payment.ts';
import type { TProviderSettlement } from '#core/payments/provider-settlement.ts';
import { parsePaymentReference } from '#core/payments/start-checkout.ts';
import { parseMinorUnits } from '#core/payments/yookassa/money-format.ts';
import type { TCryptoPayClient } from './cryptopay-client.ts';
import type { TCryptoPayInvoice } from './cryptopay-schemas.ts';

/**
 * Acts on a verified Crypto Pay `invoice_paid` update for `invoiceId`. Even a correctly signed update is
 * checked against the API (a leaked token signs anything): the invoice must be `paid` per getInvoices,
 * carry our payment's reference as its payload, and be priced in our payment's currency and amount.
 * Safe to call any number of times; API failures are thrown so the caller answers non-200 and Crypto Pay
 * repeats the update.
 */
export async function settleCryptoPayInvoice(
  deps: TAnnounceDeps & { cryptopay: TCryptoPayClient },
  input: { invoiceId: number },
): Promise<TProviderSettlement> {
  const [invoice] = await deps.cryptopay.getInvoices({ invoiceIds: [input.invoiceId] });
  if (!invoice || invoice.invoice_id !== input.invoiceId)
    return { kind: 'ignored', reason: `unknown invoice ${input.invoiceId}` };
  if (invoice.status !== 'paid') return { kind: 'ignored', reason: `invoice is ${invoice.status}` };
  const paymentId = parsePaymentReference(invoice.payload ?? '');
  if (paymentId === null) return { kind: 'ignored', reason: 'invoice payload is not ours' };
  const payment = await deps.db.payment.findUnique({ where: { id: paymentId } });
  const invoiceRef = String(invoice.invoice_id);
  // Null until the bot stored the id after opening; the payload came from the API, so it still links.
  if (
    payment?.provider !== 'cryptobot' ||
    (payment.providerPaymentId !== null && payment.providerPaymentId !== invoiceRef)
  ) {
    return { kind: 'ignored', reason: `payment ${paymentId} is not invoice ${invoiceRef}`, paymentId };
  }
  const amount = fiatAmount(invoice, payment.currency);
  if (amount === null) {
    const got = `${invoice.amount} ${invoice.currency_type} ${invoice.fiat ?? invoice.asset ?? '?'}`;
    return { kind: 'ignored', reason: `invoice priced ${got}, payment is ${payment.currency}`, paymentId };
  }
  try {
    const outcome = await confirmPayment(deps.db, {
      paymentId,
      provider: 'cryptobot',
      providerPaymentId: invoiceRef,
      amount,
      currency: payment.currency,
      raw: {
        invoice_id: invoice.invoice_id,
        status: invoice.status,
        fiat: invoice.fiat ?? null,
        amount: invoice.amount,
        paid_asset: invoice.paid_asset ?? null,
        paid_amount: invoice.paid_amount ?? null,
        paid_at: invoice.paid_at ?? null,
      },
    });
    // A late repeat after a refund must not tell the buyer anything: only a paid payment is announced.
    if (outcome.payment.status === 'succeeded') await announcePayment(deps, outcome, { toBuyer: true });
    return { kind: outcome.fulfilled ? 'credited' : 'duplicate', paymentId };
  } catch (error) {
    if (isAppError(error, 'PAYMENT_MISMATCH') || isAppError(error, 'PAYMENT_NOT_PENDING'))
      return { kind: 'ignored', reason: `${error.code} ${JSON.stringify(error.details)}`, paymentId };
    throw error;
  }
}

/** The invoice's fiat price in minor units of `currency`, or null when it is priced otherwise. */
function fiatAmount(invoice: TCryptoPayInvoice, currency: string): bigint | null {
  if (invoice.currency_type !== 'fiat' || invoice.fiat !== currency) return null;
  try {
    // USD and RUB have two fraction digits; a price with more non-zero digits is not one we asked for.
    return parseMinorUnits(invoice.amount, 2);
  } catch {
    return null;
  }
}
