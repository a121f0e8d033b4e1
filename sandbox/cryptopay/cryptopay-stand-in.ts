// A local Crypto Pay API (CryptoBot) for tests and the offline sandbox: the production client points
// its apiBase at `url`, users pay on the stand-in's invoice page, and `invoice_paid` updates are POSTed
// to `webhookUrl` signed like Crypto Pay's. State lives in memory, per instance.
//
// Where it is simpler than Crypto Pay: see cryptopay-store.ts (rate 1, no fees, lazy expiry),
// cryptopay-api.ts (three methods, error names) and pay-page.ts (one button instead of a wallet).
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  closeServer,
  connectableHost,
  type Logger,
  listen,
  sendJson,
} from '#sandbox/http-stand-in/http-basics.ts';
import { type TDelivery, WebhookOutbox } from '#sandbox/http-stand-in/webhook-outbox.ts';
import { handleApiRequest, type TApiContext } from './cryptopay-api.ts';
import { CryptoPayStore, invoiceJson, type TStoredInvoice, type TStoreResult } from './cryptopay-store.ts';
import { handlePayPage } from './pay-page.ts';

export type TCryptoPayStandInOptions = {
  port?: number;
  host?: string;
  /** The app's API token: requests must carry it, webhooks are signed with it. */
  token: string;
  /** Where `invoice_paid` updates go; none are sent without it. */
  webhookUrl?: string;
  /** Origin of the pay page in invoice URLs, when a browser reaches the stand-in elsewhere. */
  publicBaseUrl?: string;
  /** Crypto Pay repeats for days; locally a few quick tries are enough. */
  webhookRetry?: { attempts?: number; delayMs?: number };
  appName?: string;
  logger?: Logger;
};

export type TCryptoPayControl = {
  /** The user pays (a fiat invoice with `asset`, default its first accepted one); sends the webhook. */
  pay(invoiceId: number, opts?: { asset?: string }): Record<string, unknown>;
  /** The invoice runs out of time: status `expired`, no webhook (Crypto Pay sends only invoice_paid). */
  expire(invoiceId: number): Record<string, unknown>;
  /**
   * One POST of any body to webhookUrl, no retry: forged or repeated updates. Signed with the app's
   * token unless `signWith` names another token, or is `null` for no signature header at all.
   */
  sendWebhook(body: unknown, opts?: { signWith?: string | null }): Promise<{ status: number }>;
  invoices(): Record<string, unknown>[];
  webhooks(): readonly TDelivery[];
  /** Waits until every queued webhook was delivered or gave up. */
  flushWebhooks(): Promise<void>;
};

export type TCryptoPayStandIn = {
  /** The API base for the client, e.g. `http://127.0.0.1:PORT/api`. */
  url: string;
  close(): Promise<void>;
  control: TCryptoPayControl;
};

export async function startCryptoPayStandIn(opts: TCryptoPayStandInOptions): Promise<TCryptoPayStandIn> {
  const log = opts.logger ?? (() => {});
  const host = opts.host ?? '127.0.0.1';
  let origin = '';
  const store = new CryptoPayStore();
  const payUrl = (hash: string) =>
    `${opts.publicBaseUrl?.replace(/\/+$/, '') ?? origin}/invoice/${encodeURIComponent(hash)}`;
  const outbox = new WebhookOutbox({
    url: opts.webhookUrl,
    attempts: opts.webhookRetry?.attempts ?? 5,
    delayMs: opts.webhookRetry?.delayMs ?? 100,
    logger: log,
  });
  let lastUpdateId = 0;

  const pay = (invoiceId: number, asset?: string): TStoreResult => {
    const result = store.pay(invoiceId, asset);
    if (result.ok && result.changed) {
      const raw = JSON.stringify(paidUpdate(++lastUpdateId, result.invoice, payUrl(result.invoice.hash)));
      outbox.enqueue(raw, { 'crypto-pay-api-signature': sign(raw, opts.token) });
    }
    return result;
  };
  const api: TApiContext = {
    token: opts.token,
    appName: opts.appName ?? 'Polygram (stand-in)',
    store,
    payUrl,
    requestLog: [],
  };

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      log(
        `cryptopay stand-in: ${req.method} ${req.url} failed: ${err instanceof Error ? err.stack : String(err)}`,
      );
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 500, name: 'INTERNAL_ERROR' } });
      else res.destroy();
    });
  });
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const apiMethod = /^\/api\/([A-Za-z]+)$/.exec(path)?.[1];
    // Invoice hashes are base64url: the path segment needs no decoding.
    const hash = /^\/invoice\/([^/]+)$/.exec(path)?.[1];
    if (apiMethod !== undefined) await handleApiRequest(api, req, res, apiMethod);
    else if (hash !== undefined) await handlePayPage(store, pay, req, res, hash);
    else sendJson(res, 404, { ok: false, error: { code: 404, name: 'NOT_FOUND' } });
  }

  const port = await listen(server, opts.port ?? 0, host);
  origin = `http://${connectableHost(host)}:${port}`;
  log(`cryptopay stand-in: API on ${origin}/api`);

  const unwrap = (result: TStoreResult) => {
    if (!result.ok) throw new Error(`cryptopay stand-in: ${result.problem}`);
    return invoiceJson(result.invoice, payUrl(result.invoice.hash));
  };
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/api`,
    // Idempotent, so test teardown can call it unconditionally.
    close: () => {
      closing ??= (async () => {
        outbox.close();
        await closeServer(server);
        log('cryptopay stand-in: closed');
      })();
      return closing;
    },
    control: {
      pay: (invoiceId, payOpts) => unwrap(pay(invoiceId, payOpts?.asset)),
      expire: (invoiceId) => unwrap(store.expire(invoiceId)),
      sendWebhook: (body, sendOpts = {}) => {
        if (opts.webhookUrl === undefined) throw new Error('cryptopay stand-in: no webhookUrl configured');
        const raw = typeof body === 'string' ? body : JSON.stringify(body);
        const signWith = sendOpts.signWith === undefined ? opts.token : sendOpts.signWith;
        const headers: Record<string, string> =
          signWith === null ? {} : { 'crypto-pay-api-signature': sign(raw, signWith) };
        return outbox.sendOnce(opts.webhookUrl, raw, headers);
      },
      invoices: () => store.list().map((i) => invoiceJson(i, payUrl(i.hash))),
      webhooks: () => outbox.list(),
      flushWebhooks: () => outbox.flush(),
    },
  };
}

function paidUpdate(updateId: number, invoice: TStoredInvoice, payUrl: string) {
  return {
    update_id: updateId,
    update_type: 'invoice_paid',
    request_date: new Date().toISOString(),
    payload: invoiceJson(invoice, payUrl),
  };
}

// Computed here rather than with core/payments/cryptobot's signer, so that the end-to-end tests check
// the production verifier against an independent implementation of Crypto Pay's rule:
// hex HMAC-SHA-256 of the raw body, keyed with SHA-256 of the API token.
function sign(raw: string, token: string): string {
  return createHmac('sha256', createHash('sha256').update(token).digest()).update(raw).digest('hex');
}
