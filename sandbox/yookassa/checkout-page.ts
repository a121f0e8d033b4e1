import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatMinorUnits } from '#core/payments/yookassa/money-format.ts';
import { escapeHtml, readBody, redirect, sendHtml } from '#sandbox/http-stand-in/http-basics.ts';
import type { TLedgerResult, TStoredPayment, YooKassaLedger } from './yookassa-ledger.ts';

/**
 * Stands in for YooKassa's hosted payment page (the `confirmation_url` of a redirect payment): the
 * user sees the amount and presses "Pay" or "Cancel", then goes back to the shop's `return_url`.
 * The real page asks for card details and may run 3-D Secure; here one button decides the outcome.
 */

export type TCheckoutActions = {
  pay: (paymentId: string) => TLedgerResult<TStoredPayment>;
  cancel: (paymentId: string) => TLedgerResult<TStoredPayment>;
};

export async function handleCheckoutRequest(
  ledger: YooKassaLedger,
  actions: TCheckoutActions,
  req: IncomingMessage,
  res: ServerResponse,
  paymentId: string,
): Promise<void> {
  const payment = ledger.getPayment(paymentId);
  if (!payment) {
    sendHtml(res, 404, page('Payment not found', '<p>This payment link is not valid.</p>'));
    return;
  }
  if (req.method === 'GET') {
    sendHtml(res, 200, renderCheckoutPage(payment));
    return;
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'GET, POST' }).end();
    return;
  }
  const action = new URLSearchParams((await readBody(req)).toString('utf8')).get('action');
  if (action !== 'pay' && action !== 'cancel') {
    sendHtml(res, 400, page('Unknown action', '<p>Press Pay or Cancel.</p>'));
    return;
  }
  // A second press after the outcome is settled changes nothing; the user goes back to the shop,
  // which reads the payment's real status from the API.
  if (payment.status === 'pending') (action === 'pay' ? actions.pay : actions.cancel)(payment.id);
  redirect(res, payment.returnUrl);
}

export function renderCheckoutPage(payment: TStoredPayment): string {
  const amount = `${formatMinorUnits(payment.amountMinor)} ${payment.currency}`;
  const details = `<p class="amount">${escapeHtml(amount)}</p>${
    payment.description === undefined ? '' : `<p>${escapeHtml(payment.description)}</p>`
  }`;
  if (payment.status !== 'pending') {
    const back = `<p><a href="${escapeHtml(payment.returnUrl)}">Back to the shop</a></p>`;
    return page(`Payment ${payment.status}`, `${details}<p>Status: ${payment.status}</p>${back}`);
  }
  const action = `/checkout/${encodeURIComponent(payment.id)}`;
  const form = `<form method="post" action="${escapeHtml(action)}">
  <button type="submit" name="action" value="pay">Pay</button>
  <button type="submit" name="action" value="cancel">Cancel</button>
</form>`;
  return page('Payment', `${details}${form}`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · YooKassa stand-in</title>
<style>
body { font: 16px/1.4 system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; }
.amount { font-size: 2rem; font-weight: 600; margin: 0.5rem 0; }
button { font-size: 1rem; padding: 0.6rem 1.4rem; margin-right: 0.5rem; }
.note { color: #666; font-size: 0.85rem; margin-top: 2rem; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
<p class="note">Local YooKassa stand-in: no money moves.</p>
</body>
</html>
`;
}
