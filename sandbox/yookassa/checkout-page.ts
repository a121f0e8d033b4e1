import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatMinorUnits } from '#core/payments/yookassa/money-format.ts';
import { escapeHtml, readBody, redirect, sendHtml } from '#sandbox/http-stand-in/http-basics.ts';
import type { TLedgerResult, TStoredPayment, YooKassaLedger } from './yookassa-ledger.ts';

/**
 * Stands in for YooKassa's hosted payment page (the `confirmation_url` of a redirect payment): the
 * user sees the amount and presses "Pay" or "Cancel", then sees the outcome with a button back to the
 * shop's `return_url`, as YooKassa's own page ends. The real page asks for card details and may run
 * 3-D Secure; here one button decides the outcome.
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
  // A second press after the outcome is settled changes nothing: the page shows the outcome there is.
  if (payment.status === 'pending') (action === 'pay' ? actions.pay : actions.cancel)(payment.id);
  // Back to this page by GET, so a reload shows the outcome instead of posting the form again.
  redirect(res, checkoutPath(payment));
}

const checkoutPath = (payment: TStoredPayment) => `/checkout/${encodeURIComponent(payment.id)}`;

const OUTCOMES: Record<Exclude<TStoredPayment['status'], 'pending'>, { title: string; text: string }> = {
  succeeded: { title: 'Payment succeeded', text: 'The payment went through. Return to the bot to continue.' },
  canceled: { title: 'Payment cancelled', text: 'No money was taken. Return to the bot to choose again.' },
};

export function renderCheckoutPage(payment: TStoredPayment): string {
  const amount = `${formatMinorUnits(payment.amountMinor)} ${payment.currency}`;
  const details = `<p class="amount">${escapeHtml(amount)}</p>${
    payment.description === undefined ? '' : `<p>${escapeHtml(payment.description)}</p>`
  }`;
  if (payment.status !== 'pending') {
    const outcome = OUTCOMES[payment.status];
    const back = `<p><a class="button" href="${escapeHtml(payment.returnUrl)}">Return to the bot</a></p>`;
    return page(
      outcome.title,
      `${details}<p class="status">Status: ${payment.status}</p><p>${outcome.text}</p>${back}`,
      payment.status,
    );
  }
  const form = `<form method="post" action="${escapeHtml(checkoutPath(payment))}">
  <button type="submit" name="action" value="pay">Pay</button>
  <button type="submit" name="action" value="cancel" class="secondary">Cancel</button>
</form>`;
  return page('Payment', `${details}${form}`);
}

function page(title: string, body: string, outcome?: TStoredPayment['status']): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · YooKassa stand-in</title>
<style>
body { font: 16px/1.4 system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; }
.amount { font-size: 2rem; font-weight: 600; margin: 0.5rem 0; }
button, .button { display: inline-block; font-size: 1rem; padding: 0.6rem 1.4rem; margin-right: 0.5rem;
  border: 0; border-radius: 0.5rem; background: #1a73e8; color: #fff; text-decoration: none; cursor: pointer; }
button.secondary { background: #e8eaed; color: #202124; }
h1.succeeded { color: #188038; }
h1.canceled { color: #c5221f; }
.status { color: #666; }
.note { color: #666; font-size: 0.85rem; margin-top: 2rem; }
</style>
</head>
<body>
<h1${outcome ? ` class="${outcome}"` : ''}>${escapeHtml(title)}</h1>
${body}
<p class="note">Local YooKassa stand-in: no money moves.</p>
</body>
</html>
`;
}
