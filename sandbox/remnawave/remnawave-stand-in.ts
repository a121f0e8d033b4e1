// A local Remnawave panel (3.x API) for tests and the offline sandbox: the production panel client
// points its base URL at `url`, users and devices live in memory, webhooks go to `webhookUrl`
// signed like the panel's, and `control` plays the nodes and the panel's own jobs (traffic,
// devices, expiry, a node going offline) and injects failures. See README.md for what it simplifies.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { ERRORS } from '@remnawave/backend-contract';
import {
  BodyTooLargeError,
  closeServer,
  connectableHost,
  type Logger,
  listen,
  readBody,
} from '#sandbox/http-stand-in/http-basics.ts';
import type { TFaultOptions } from '#sandbox/http-stand-in/request-faults.ts';
import { RequestFaults } from '#sandbox/http-stand-in/request-faults.ts';
import type { TDelivery } from '#sandbox/http-stand-in/webhook-outbox.ts';
import { panelControl, type TPanelControl } from './remnawave-control.ts';
import { panelError, routeNotFound, type TReply, unauthorized } from './remnawave-replies.ts';
import { matchRoute, type TPanel, type TRoute } from './remnawave-routes.ts';
import { RemnawaveStore } from './remnawave-store.ts';
import { subscriptionRoutes } from './remnawave-subscription.ts';
import { systemRoutes } from './remnawave-system-api.ts';
import { userRoutes } from './remnawave-users-api.ts';
import { RemnawaveWebhooks, webhookPayload } from './remnawave-webhooks.ts';

export type TRemnawaveStandInOptions = {
  port?: number;
  host?: string;
  /** The API token requests must carry as `Authorization: Bearer …`; random when absent. */
  token?: string;
  /** What `/api/system/metadata` reports; default 3.3.2, the panel this contract era serves. */
  version?: string;
  /**
   * The panel in production destroys the socket of any request lacking `X-Forwarded-For` and
   * `X-Forwarded-Proto: https` (its reverse-proxy check). Default true; false for a lax panel.
   */
  requireForwardedHeaders?: boolean;
  /** WEBHOOK_URL; no webhooks are sent without it. */
  webhookUrl?: string;
  /** WEBHOOK_SECRET_HEADER (64 alphanumerics in the panel); random when absent. */
  webhookSecret?: string;
  /** The panel retries 3 times 5 s apart; locally a few quick tries. */
  webhookRetry?: { attempts?: number; delayMs?: number };
  /** BANDWIDTH_USAGE_NOTIFICATIONS_THRESHOLD; default [60, 80] as in the panel's .env.sample. */
  bandwidthThresholds?: number[];
  logger?: Logger;
};

export type TRemnawaveStandIn = {
  /** The panel's origin, e.g. `http://127.0.0.1:PORT` (what the panel's clients call the base URL). */
  url: string;
  /** `${url}/api`. */
  apiBase: string;
  token: string;
  webhookSecret: string;
  control: TPanelControl;
  close(): Promise<void>;
};

export type { TDelivery, TFaultOptions };

const MAX_BODY_BYTES = 100 * 1024 * 1024;
const routes: TRoute[] = [...subscriptionRoutes, ...systemRoutes, ...userRoutes];

export async function startRemnawaveStandIn(opts: TRemnawaveStandInOptions = {}): Promise<TRemnawaveStandIn> {
  const log = opts.logger ?? (() => {});
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? fakeApiToken();
  const webhookSecret = opts.webhookSecret ?? randomAlnum(64);
  const requireForwarded = opts.requireForwardedHeaders ?? true;
  const faults = new RequestFaults<never>();
  const webhooks = new RemnawaveWebhooks({
    url: opts.webhookUrl,
    secret: webhookSecret,
    attempts: opts.webhookRetry?.attempts ?? 3,
    delayMs: opts.webhookRetry?.delayMs ?? 100,
    logger: log,
  });
  const panel: TPanel = {
    store: new RemnawaveStore({
      errors: ERRORS,
      bandwidthThresholds: opts.bandwidthThresholds ?? [60, 80],
      onEvent: (event) =>
        webhooks.send(webhookPayload(event, panel.store.squads, panel.subscriptionBase, new Date())),
    }),
    subscriptionBase: '',
    version: opts.version ?? '3.3.2',
    startedAt: new Date(),
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(
        `remnawave stand-in: ${req.method} ${req.url} failed: ${err instanceof Error ? err.stack : String(err)}`,
      );
      if (!res.headersSent) send(res, panelError(ERRORS.INTERNAL_SERVER_ERROR, req.url ?? '/'));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    // Subscription links are opened by VPN apps, which reach the real panel through the operator's
    // proxy (that adds the headers); here they reach the stand-in directly, so they are spared.
    if (requireForwarded && !path.startsWith('/api/sub/') && !forwardedAsHttps(req)) {
      log(`remnawave stand-in: ${method} ${path} without X-Forwarded-* headers: connection dropped`);
      req.socket.destroy();
      return;
    }
    const fault = faults.next('panel', path);
    if (fault?.kind === 'fault') {
      send(res, { ...panelError(ERRORS.INTERNAL_SERVER_ERROR, path), status: fault.status });
      return;
    }
    const matched = matchRoute(routes, method, path);
    if (!matched.route) {
      send(res, routeNotFound(method, path));
      return;
    }
    if (!matched.route.public && req.headers.authorization !== `Bearer ${token}`) {
      send(res, unauthorized);
      return;
    }
    let body: unknown;
    try {
      const raw = (await readBody(req, { maxBytes: MAX_BODY_BYTES })).toString('utf8');
      body = raw.trim() === '' ? undefined : JSON.parse(raw);
    } catch (err) {
      if (err instanceof BodyTooLargeError) throw err;
      // Express's body parser refusing malformed JSON, as Nest passes it on.
      send(res, { status: 400, body: { statusCode: 400, message: 'Malformed JSON', error: 'Bad Request' } });
      return;
    }
    const query = Object.fromEntries(url.searchParams);
    send(
      res,
      matched.route.handle(panel, {
        method,
        path,
        params: matched.params,
        query,
        body,
        headers: req.headers,
      }),
    );
  }

  const port = await listen(server, opts.port ?? 0, host);
  const origin = `http://${connectableHost(host)}:${port}`;
  panel.subscriptionBase = `${origin}/api/sub`;
  log(`remnawave stand-in: panel API on ${origin}/api`);

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    apiBase: `${origin}/api`,
    token,
    webhookSecret,
    control: panelControl(panel, webhooks, faults),
    // Idempotent, so test teardown can call it unconditionally.
    close: () => {
      closing ??= (async () => {
        webhooks.outbox.close();
        await closeServer(server);
        log('remnawave stand-in: closed');
      })();
      return closing;
    },
  };
}

function forwardedAsHttps(req: IncomingMessage): boolean {
  return Boolean(req.headers['x-forwarded-for']) && req.headers['x-forwarded-proto'] === 'https';
}

function send(res: ServerResponse, reply: TReply): void {
  const isText = typeof reply.body === 'string';
  res.writeHead(reply.status, {
    ...(reply.body !== undefined && !isText && { 'content-type': 'application/json; charset=utf-8' }),
    'cache-control': 'no-store',
    ...reply.headers,
  });
  if (reply.body === undefined) res.end();
  else res.end(isText ? reply.body : JSON.stringify(reply.body));
}

/** Panel API tokens are JWTs made in its UI; this one only has to look like one. */
function fakeApiToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ uuid: 'stand-in', role: 'API' })}.${randomBytes(32).toString('base64url')}`;
}

function randomAlnum(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
}
