import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml, readBody, redirect, sendHtml } from '#sandbox/http-stand-in/http-basics.ts';
import type { CryptoPayStore, TStoredInvoice, TStoreResult } from './cryptopay-store.ts';

/**
 * Stands in for paying an invoice in CryptoBot (the chat, Mini App or web app behind `bot_invoice_url`):
 * "Pay" (for fiat invoices with a choice of asset) or "Cancel". A paid invoice then shows its outcome with
 * the button the invoice named (`paid_btn_name`, to `paid_btn_url`), as CryptoBot shows it. Cancelling
 * changes nothing at Crypto Pay, which has no cancelled state: the invoice stays active until it expires.
 */

export type TPayAction = (invoiceId: number, asset?: string) => TStoreResult;

export async function handlePayPage(
  store: CryptoPayStore,
  pay: TPayAction,
  req: IncomingMessage,
  res: ServerResponse,
  hash: string,
): Promise<void> {
  const invoice = store.findByHash(hash);
  if (!invoice) {
    sendHtml(res, 404, page('Invoice not found', '<p>This invoice link is not valid.</p>'));
    return;
  }
  if (req.method === 'GET') {
    const cancelled = new URL(req.url ?? '/', 'http://stand-in').searchParams.has('cancelled');
    sendHtml(res, 200, renderPayPage(invoice, { cancelled }));
    return;
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'GET, POST' }).end();
    return;
  }
  const form = new URLSearchParams((await readBody(req)).toString('utf8'));
  // Back to the page by GET, so a reload shows the outcome instead of posting the form again.
  if (form.get('action') === 'cancel') {
    redirect(res, `${invoicePath(invoice)}?cancelled`);
    return;
  }
  const result = pay(invoice.id, form.get('asset') ?? undefined);
  if (!result.ok) {
    sendHtml(res, 409, page('Cannot pay', `<p>${escapeHtml(result.problem)}</p>`));
    return;
  }
  redirect(res, invoicePath(invoice));
}

const invoicePath = (invoice: TStoredInvoice) => `/invoice/${encodeURIComponent(invoice.hash)}`;

/** The labels CryptoBot gives the button after payment, by `paid_btn_name`. */
const PAID_BUTTON_LABELS: Record<string, string> = {
  viewItem: 'View Item',
  openChannel: 'View Channel',
  openBot: 'Open Bot',
  callback: 'Return',
};

function paidButton(invoice: TStoredInvoice): string {
  if (invoice.paidBtnUrl === undefined) return '';
  const label = PAID_BUTTON_LABELS[invoice.paidBtnName ?? 'callback'] ?? 'Return';
  return `<p><a class="button" href="${escapeHtml(invoice.paidBtnUrl)}">${escapeHtml(label)}</a></p>`;
}

export function renderPayPage(invoice: TStoredInvoice, opts: { cancelled?: boolean } = {}): string {
  const price = `${invoice.amount} ${invoice.currencyType === 'crypto' ? invoice.asset : invoice.fiat}`;
  const details = `<p class="amount">${escapeHtml(price)}</p>${
    invoice.description === undefined ? '' : `<p>${escapeHtml(invoice.description)}</p>`
  }`;
  const status = `<p class="status">Status: ${invoice.status}</p>`;
  if (invoice.status === 'paid') {
    const paidWith =
      invoice.currencyType === 'fiat' && invoice.paidAsset
        ? ` Paid in ${escapeHtml(invoice.paidAsset)}.`
        : '';
    const secret = invoice.hiddenMessage ? `<p>${escapeHtml(invoice.hiddenMessage)}</p>` : '';
    const text = `<p>The payment went through.${paidWith} Return to the bot to continue.</p>`;
    return page('Payment succeeded', `${details}${status}${text}${secret}${paidButton(invoice)}`, 'paid');
  }
  if (invoice.status === 'expired')
    return page(
      'Invoice expired',
      `${details}${status}<p>This invoice can no longer be paid.</p>`,
      'expired',
    );
  if (opts.cancelled) {
    const again = `<p><a href="${escapeHtml(invoicePath(invoice))}">Pay after all</a></p>`;
    const text = '<p>Nothing was paid. The invoice stays open until it expires.</p>';
    return page('Payment cancelled', `${details}${status}${text}${again}`, 'cancelled');
  }
  const assets = invoice.currencyType === 'fiat' ? (invoice.acceptedAssets ?? ['USDT', 'TON']) : [];
  const choice =
    assets.length === 0
      ? ''
      : `<p><label>Pay with <select name="asset">${assets
          .map((a) => `<option value="${escapeHtml(a)}">${escapeHtml(a)}</option>`)
          .join('')}</select></label></p>`;
  const form = `<form method="post" action="${escapeHtml(invoicePath(invoice))}">
${choice}<button type="submit" name="action" value="pay">Pay</button>
<button type="submit" name="action" value="cancel" class="secondary">Cancel</button>
</form>`;
  return page('Invoice', `${details}${form}`);
}

function page(title: string, body: string, outcome?: 'paid' | 'expired' | 'cancelled'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Crypto Pay stand-in</title>
<style>
body { font: 16px/1.4 system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; }
.amount { font-size: 2rem; font-weight: 600; margin: 0.5rem 0; }
button, .button { display: inline-block; font-size: 1rem; padding: 0.6rem 1.4rem; margin-right: 0.5rem;
  border: 0; border-radius: 0.5rem; background: #2481cc; color: #fff; text-decoration: none; cursor: pointer; }
button.secondary { background: #e8eaed; color: #202124; }
h1.paid { color: #188038; }
h1.expired, h1.cancelled { color: #c5221f; }
.status { color: #666; }
.note { color: #666; font-size: 0.85rem; margin-top: 2rem; }
</style>
</head>
<body>
<h1${outcome ? ` class="${outcome}"` : ''}>${escapeHtml(title)}</h1>
${body}
<p class="note">Local Crypto Pay stand-in: no coins move.</p>
</body>
</html>
`;
}
