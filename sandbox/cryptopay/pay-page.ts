import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml, readBody, redirect, sendHtml } from '#sandbox/http-stand-in/http-basics.ts';
import type { CryptoPayStore, TStoredInvoice, TStoreResult } from './cryptopay-store.ts';

/**
 * Stands in for paying an invoice in CryptoBot (the chat, Mini App or web app behind `bot_invoice_url`):
 * one "Pay" button, and for fiat invoices a choice of asset. After paying, the user goes to
 * `paid_btn_url` when the invoice has one, as CryptoBot's button would take them.
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
    sendHtml(res, 200, renderPayPage(invoice));
    return;
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'GET, POST' }).end();
    return;
  }
  const form = new URLSearchParams((await readBody(req)).toString('utf8'));
  const result = pay(invoice.id, form.get('asset') ?? undefined);
  if (!result.ok) {
    sendHtml(res, 409, page('Cannot pay', `<p>${escapeHtml(result.problem)}</p>`));
    return;
  }
  if (invoice.paidBtnUrl !== undefined) redirect(res, invoice.paidBtnUrl);
  else sendHtml(res, 200, renderPayPage(invoice));
}

export function renderPayPage(invoice: TStoredInvoice): string {
  const price = `${invoice.amount} ${invoice.currencyType === 'crypto' ? invoice.asset : invoice.fiat}`;
  const details = `<p class="amount">${escapeHtml(price)}</p>${
    invoice.description === undefined ? '' : `<p>${escapeHtml(invoice.description)}</p>`
  }`;
  if (invoice.status !== 'active') {
    const secret =
      invoice.status === 'paid' && invoice.hiddenMessage ? `<p>${escapeHtml(invoice.hiddenMessage)}</p>` : '';
    return page(`Invoice ${invoice.status}`, `${details}<p>Status: ${invoice.status}</p>${secret}`);
  }
  const assets = invoice.currencyType === 'fiat' ? (invoice.acceptedAssets ?? ['USDT', 'TON']) : [];
  const choice =
    assets.length === 0
      ? ''
      : `<p><label>Pay with <select name="asset">${assets
          .map((a) => `<option value="${escapeHtml(a)}">${escapeHtml(a)}</option>`)
          .join('')}</select></label></p>`;
  const form = `<form method="post" action="/invoice/${escapeHtml(encodeURIComponent(invoice.hash))}">
${choice}<button type="submit">Pay</button>
</form>`;
  return page('Invoice', `${details}${form}`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Crypto Pay stand-in</title>
<style>
body { font: 16px/1.4 system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; }
.amount { font-size: 2rem; font-weight: 600; margin: 0.5rem 0; }
button { font-size: 1rem; padding: 0.6rem 1.4rem; }
.note { color: #666; font-size: 0.85rem; margin-top: 2rem; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
<p class="note">Local Crypto Pay stand-in: no coins move.</p>
</body>
</html>
`;
}
