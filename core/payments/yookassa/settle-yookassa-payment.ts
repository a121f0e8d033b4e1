import { isAppError } from '#core/errors/app-error.ts';
import { announcePayment, type TAnnounceDeps } from '#core/payments/announce-payment.ts';
import { confirmPayment, failPayment } from '#core/payments/confirm-payment.ts';
import type { TProviderSettlement } from '#core/payments/provider-settlement.ts';
import { parsePaymentReference } from '#core/payments/start-checkout.ts';
import { formatMinorUnits } from './money-format.ts';
import type { TYooKassaClient } from './yookassa-client.ts';
import { isYooKassaError } from './yookassa-error.ts';
import type { TYooKassaPayment } from './yookassa-schemas.ts';

/**
 * Acts on a YooKassa notification about payment `yookassaPaymentId`. The notification itself is only a
 * hint (YooKassa does not sign them): the payment is read again from the API and only what the API says
 * counts: its status, amount, currency and the `paymentRef` metadata we set when creating it. Safe to
 * call any number of times for the same payment. API failures that may pass (network, 5xx) are thrown,
 * so the caller answers non-200 and YooKassa repeats the notification later.
 */
export async function settleYooKassaPayment(
  deps: TAnnounceDeps & { yookassa: TYooKassaClient },
  input: { yookassaPaymentId: string },
): Promise<TProviderSettlement> {
  let fetched: TYooKassaPayment;
  try {
    fetched = await deps.yookassa.getPayment(input.yookassaPaymentId);
  } catch (error) {
    if (isYooKassaError(error, 'not_found') || isYooKassaError(error, 'invalid_request'))
      return { kind: 'ignored', reason: `unknown YooKassa payment: ${error.code}` };
    throw error;
  }
  const paymentId = parsePaymentReference(fetched.metadata.paymentRef ?? '');
  if (paymentId === null) return { kind: 'ignored', reason: 'no paymentRef in metadata' };
  const payment = await deps.db.payment.findUnique({ where: { id: paymentId } });
  // Null until the bot stored the id after opening; the metadata came from the API, so it still links.
  if (
    payment?.provider !== 'yookassa' ||
    (payment.providerPaymentId !== null && payment.providerPaymentId !== fetched.id)
  ) {
    return { kind: 'ignored', reason: `payment ${paymentId} is not this YooKassa payment`, paymentId };
  }

  if (fetched.status === 'succeeded') {
    if (fetched.amount.currency !== payment.currency)
      return {
        kind: 'ignored',
        reason: `paid in ${fetched.amount.currency}, not ${payment.currency}`,
        paymentId,
      };
    try {
      const outcome = await confirmPayment(deps.db, {
        paymentId,
        provider: 'yookassa',
        providerPaymentId: fetched.id,
        amount: fetched.amount.valueMinor,
        currency: payment.currency,
        raw: rawPayment(fetched),
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
  if (fetched.status === 'canceled') {
    const why = fetched.cancellation_details;
    await failPayment(deps.db, paymentId, `yookassa: ${why ? `${why.party} ${why.reason}` : 'canceled'}`);
    const current = await deps.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    if (current.status !== 'canceled')
      return { kind: 'ignored', reason: `canceled at YooKassa but ${current.status} here`, paymentId };
    await announcePayment(deps, { payment: current, referralBonus: null }, { toBuyer: true });
    return { kind: 'canceled', paymentId };
  }
  return { kind: 'ignored', reason: `YooKassa payment is still ${fetched.status}`, paymentId };
}

/** The re-fetched payment as stored with ours (amounts back to YooKassa's decimal strings). */
function rawPayment(p: TYooKassaPayment) {
  return {
    id: p.id,
    status: p.status,
    paid: p.paid,
    amount: { value: formatMinorUnits(p.amount.valueMinor), currency: p.amount.currency },
    metadata: p.metadata,
    test: p.test,
    ...(p.captured_at && { captured_at: p.captured_at }),
    ...(p.payment_method && { payment_method: p.payment_method.type }),
  };
}
