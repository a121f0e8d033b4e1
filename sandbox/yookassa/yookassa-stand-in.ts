// A local YooKassa (API v3) for tests and the offline sandbox: the production client points its
// apiBase at `url`, users "pay" on the stand-in's checkout page, and notifications are POSTed to
// `notificationUrl` like YooKassa's HTTP notifications. State lives in memory, per instance.
//
// Where it is simpler than YooKassa: see yookassa-ledger.ts (one-stage payments, instant refunds, no
// commission, no expiry), yookassa-api.ts (only the four endpoints Polygram uses) and
// checkout-page.ts (one button instead of card entry). Notifications come from the loopback address,
// so tests allow 127.0.0.1 instead of YooKassa's published ranges.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  closeServer,
  connectableHost,
  type Logger,
  listen,
  sendJson,
} from '#sandbox/http-stand-in/http-basics.ts';
import { type TDelivery, WebhookOutbox } from '#sandbox/http-stand-in/webhook-outbox.ts';
import { handleCheckoutRequest } from './checkout-page.ts';
import {
  handleApiRequest,
  type TApiContext,
  type TInjectedFault,
  type TLoggedRequest,
} from './yookassa-api.ts';
import {
  type TCancellation,
  type TLedgerResult,
  type TStoredPayment,
  YooKassaLedger,
} from './yookassa-ledger.ts';

export type TYooKassaStandInOptions = {
  port?: number;
  host?: string;
  shopId: string;
  secretKey: string;
  /** Where notifications go; none are sent without it. */
  notificationUrl?: string;
  /** Origin of the checkout page in `confirmation_url`, when a browser reaches the stand-in elsewhere. */
  publicBaseUrl?: string;
  /** YooKassa repeats for 24 hours; locally a few quick tries are enough. */
  notificationRetry?: { attempts?: number; delayMs?: number };
  logger?: Logger;
};

export type TYooKassaControl = {
  /** The user pays: payment.succeeded, and a notification. Returns the payment as the API shows it. */
  pay(paymentId: string): Record<string, unknown>;
  /** The user gives up: payment.canceled, and a notification. */
  cancel(paymentId: string, cancellation?: TCancellation): Record<string, unknown>;
  /** One POST of any body to notificationUrl, no retry: forged or repeated notifications. */
  sendNotification(body: unknown): Promise<{ status: number }>;
  /** The next `count` API requests fail with HTTP `status` (500), before or after taking effect. */
  failNext(opts?: { count?: number; stage?: 'before' | 'after'; status?: number }): void;
  payments(): Record<string, unknown>[];
  requests(): readonly TLoggedRequest[];
  notifications(): readonly TDelivery[];
  /** Waits until every queued notification was delivered or gave up. */
  flushNotifications(): Promise<void>;
};

export type TYooKassaStandIn = {
  /** The API base for the client, e.g. `http://127.0.0.1:PORT/v3`. */
  url: string;
  close(): Promise<void>;
  control: TYooKassaControl;
};

// The user pressed Cancel on the payment page; YooKassa reports an abandoned confirmation like this.
const USER_CANCELLATION: TCancellation = { party: 'yoo_money', reason: 'expired_on_confirmation' };

export async function startYooKassaStandIn(opts: TYooKassaStandInOptions): Promise<TYooKassaStandIn> {
  const log = opts.logger ?? (() => {});
  const host = opts.host ?? '127.0.0.1';
  let origin = '';
  const ledger = new YooKassaLedger({
    shopId: opts.shopId,
    checkoutUrl: (id) =>
      `${opts.publicBaseUrl?.replace(/\/+$/, '') ?? origin}/checkout/${encodeURIComponent(id)}`,
  });
  const outbox = new WebhookOutbox({
    url: opts.notificationUrl,
    attempts: opts.notificationRetry?.attempts ?? 5,
    delayMs: opts.notificationRetry?.delayMs ?? 100,
    logger: log,
  });
  const notify = (event: string, object: Record<string, unknown>) =>
    outbox.enqueue(JSON.stringify({ type: 'notification', event, object }));

  const settled = (result: TLedgerResult<TStoredPayment>, event: string) => {
    if (result.ok && result.changed) notify(event, ledger.paymentJson(result.value));
    return result;
  };
  const actions = {
    pay: (id: string) => settled(ledger.pay(id), 'payment.succeeded'),
    cancel: (id: string, cancellation = USER_CANCELLATION) =>
      settled(ledger.cancel(id, cancellation), 'payment.canceled'),
  };
  const api: TApiContext = {
    shopId: opts.shopId,
    secretKey: opts.secretKey,
    ledger,
    faults: [],
    requestLog: [],
    onRefund: (refund) => notify('refund.succeeded', ledger.refundJson(refund)),
  };

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      log(
        `yookassa stand-in: ${req.method} ${req.url} failed: ${err instanceof Error ? err.stack : String(err)}`,
      );
      if (!res.headersSent) sendJson(res, 500, { type: 'error', code: 'internal_server_error' });
      else res.destroy();
    });
  });
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    // Payment ids are UUIDs: the path segment needs no decoding.
    const checkoutId = /^\/checkout\/([^/]+)$/.exec(path)?.[1];
    if (path === '/v3' || path.startsWith('/v3/')) await handleApiRequest(api, req, res, path);
    else if (checkoutId !== undefined) await handleCheckoutRequest(ledger, actions, req, res, checkoutId);
    else sendJson(res, 404, { type: 'error', code: 'not_found', description: `no route for ${path}` });
  }

  const port = await listen(server, opts.port ?? 0, host);
  origin = `http://${connectableHost(host)}:${port}`;
  log(`yookassa stand-in: API on ${origin}/v3, shop ${opts.shopId}`);

  const unwrap = (result: TLedgerResult<TStoredPayment>) => {
    if (!result.ok) throw new Error(`yookassa stand-in: ${result.description}`);
    return ledger.paymentJson(result.value);
  };
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/v3`,
    // Idempotent, so test teardown can call it unconditionally.
    close: () => {
      closing ??= (async () => {
        outbox.close();
        await closeServer(server);
        log('yookassa stand-in: closed');
      })();
      return closing;
    },
    control: {
      pay: (id) => unwrap(actions.pay(id)),
      cancel: (id, cancellation) => unwrap(actions.cancel(id, cancellation)),
      sendNotification: (body) => {
        if (opts.notificationUrl === undefined)
          throw new Error('yookassa stand-in: no notificationUrl configured');
        return outbox.sendOnce(opts.notificationUrl, typeof body === 'string' ? body : JSON.stringify(body));
      },
      failNext: ({ count = 1, stage = 'before', status = 500 } = {}) => {
        for (let i = 0; i < count; i++) api.faults.push({ stage, status } satisfies TInjectedFault);
      },
      payments: () => ledger.listPayments().map((p) => ledger.paymentJson(p)),
      requests: () => api.requestLog,
      notifications: () => outbox.list(),
      flushNotifications: () => outbox.flush(),
    },
  };
}
