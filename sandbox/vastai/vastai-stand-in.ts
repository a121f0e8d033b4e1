// A local Vast.ai host API (fact sheet /work/shared/reference/vastai.md) for tests and the offline
// sandbox: the host's machines live in memory, `control` plays the clients who rent them and the
// passing of time, and the transport behaves like Vast's (bearer or `api_key` auth, plain-text 429s
// without Retry-After, injectable failures). See README.md for what it simplifies.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  BodyTooLargeError,
  closeServer,
  connectableHost,
  type Logger,
  listen,
  readBody,
} from '#sandbox/http-stand-in/http-basics.ts';
import { RequestFaults, type TFaultOptions } from '#sandbox/http-stand-in/request-faults.ts';
import { StandInClock } from './vastai-clock.ts';
import { type TVastaiControl, vastaiControl } from './vastai-control.ts';
import { hostRoutes } from './vastai-host-api.ts';
import type { TAccount } from './vastai-json.ts';
import { DEFAULT_RATE_LIMIT, RateLimiter, type TRateLimitOptions } from './vastai-rate-limit.ts';
import {
  failure,
  invalidArgs,
  notFound,
  serverError,
  type TReply,
  tooFrequent,
  unauthorized,
} from './vastai-replies.ts';
import { matchRoute, type THost } from './vastai-routes.ts';
import { VastaiStore } from './vastai-store.ts';

export type TVastaiStandInOptions = {
  port?: number;
  host?: string;
  /** The host account's API key; random (64 hex, like Vast's) when absent. */
  apiKey?: string;
  account?: Partial<TAccount>;
  /** Freeze the clock at this instant: time then moves only with `control.advance`. Default: real time. */
  now?: Date;
  /** Calls per endpoint × identity: `burst`, then one per `minIntervalMs`; false for none. */
  rateLimit?: TRateLimitOptions | false;
  logger?: Logger;
};

export type TVastaiStandIn = {
  /** The origin, e.g. `http://127.0.0.1:PORT` (what the CLI calls VAST_URL; routes are under /api/v0). */
  url: string;
  apiKey: string;
  control: TVastaiControl;
  close(): Promise<void>;
};

export type { TFaultOptions };

export async function startVastaiStandIn(opts: TVastaiStandInOptions = {}): Promise<TVastaiStandIn> {
  const log = opts.logger ?? (() => {});
  const bindHost = opts.host ?? '127.0.0.1';
  const apiKey = opts.apiKey ?? randomBytes(32).toString('hex');
  const host: THost = {
    store: new VastaiStore(new StandInClock(opts.now)),
    account: {
      id: opts.account?.id ?? 314_159,
      username: opts.account?.username ?? 'standin-host',
      email: opts.account?.email ?? 'host@example.test',
      fullname: opts.account?.fullname ?? 'Stand-in Host',
    },
    apiKey,
  };
  const faults = new RequestFaults<never>();
  const limiter = new RateLimiter(opts.rateLimit ?? DEFAULT_RATE_LIMIT);

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(
        `vastai stand-in: ${req.method} ${req.url} failed: ${err instanceof Error ? err.stack : String(err)}`,
      );
      if (err instanceof BodyTooLargeError) send(res, failure(413, 'invalid_args', 'Request body too large'));
      else if (!res.headersSent) send(res, serverError(500));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const fault = faults.next('vast', path);
    if (fault?.kind === 'fault') {
      send(res, serverError(fault.status));
      return;
    }
    const matched = matchRoute(hostRoutes, method, path);
    const presented = presentedKey(req, url);
    // Vast's identity is token + session + api_key + client IP; one account here, so key or IP.
    const identity = presented ?? `ip:${req.socket.remoteAddress ?? ''}`;
    if (!limiter.take(matched ? `${method} ${matched.route.path}` : `${method} ${path}`, identity)) {
      send(res, tooFrequent(limiter.describe()));
      return;
    }
    if (!matched) {
      send(res, notFound(method, path));
      return;
    }
    if (presented !== apiKey) {
      send(res, unauthorized);
      return;
    }
    let body: unknown;
    // GET requests may carry a JSON body too (`reports` does); it is read whatever the method.
    const raw = (await readBody(req)).toString('utf8');
    try {
      body = raw.trim() === '' ? undefined : JSON.parse(raw);
    } catch {
      send(res, invalidArgs('Malformed JSON body'));
      return;
    }
    send(
      res,
      matched.route.handle(host, { method, path, params: matched.params, query: url.searchParams, body }),
    );
  }

  const port = await listen(server, opts.port ?? 0, bindHost);
  const origin = `http://${connectableHost(bindHost)}:${port}`;
  log(`vastai stand-in: host API on ${origin}/api/v0`);

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    apiKey,
    control: vastaiControl(host, faults, limiter),
    // Idempotent, so test teardown can call it unconditionally.
    close: () => {
      closing ??= closeServer(server).then(() => log('vastai stand-in: closed'));
      return closing;
    },
  };
}

/** `Authorization: Bearer <key>`, or the legacy `?api_key=` that older tools still send. */
function presentedKey(req: IncomingMessage, url: URL): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  return url.searchParams.get('api_key') ?? undefined;
}

function send(res: ServerResponse, reply: TReply): void {
  const isText = typeof reply.body === 'string';
  res.writeHead(reply.status, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...reply.headers,
  });
  if (reply.body === undefined) res.end();
  else res.end(isText ? reply.body : JSON.stringify(reply.body));
}
