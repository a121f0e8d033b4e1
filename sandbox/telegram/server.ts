import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { keepConnectionsLikeAPublicApi } from '#sandbox/http-stand-in/http-basics.ts';
import { executeBotApiCall } from './bot-api/execute-method.ts';
import { handleControlRequest } from './control/control-routes.ts';
import { handleBotApiRequest, handleFileDownload } from './http/bot-api-routes.ts';
import { sendJson } from './http/respond.ts';
import { DEFAULT_RATE_LIMITS } from './limits/send-rate-limiter.ts';
import { TelegramState } from './state/telegram-state.ts';
import type { RateLimits } from './types.ts';

export interface TelegramServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Flood limits; defaults to Telegram's documented ones. `false` disables them (benchmarks). */
  limits?: RateLimits | false;
  logger?: (msg: string) => void;
  /**
   * How long a payment waits for answerPreCheckoutQuery before it is
   * cancelled. Default 10 000, Telegram's limit; tests of the timeout path
   * shorten it.
   */
  preCheckoutTimeoutMs?: number;
}

export interface TelegramServer {
  /** Base URL, usable as grammY's `client.apiRoot`, e.g. http://127.0.0.1:PORT. */
  url: string;
  /** Ends pending long polls, stops webhook delivery and frees the port. */
  close(): Promise<void>;
}

/** How long close() lets answered long polls flush before cutting connections. */
const CLOSE_GRACE_MS = 200;

/** "The Bot API must receive an answer within 10 seconds after the pre-checkout query was sent." */
export const PRE_CHECKOUT_TIMEOUT_MS = 10_000;

export { DEFAULT_RATE_LIMITS };

/**
 * Starts a local stand-in for api.telegram.org: the Bot API under
 * `/bot<token>/<method>`, file downloads under `/file/bot<token>/<path>`,
 * and the control API (simulated users, assertions, event stream) under
 * `/control/`.
 */
export async function startTelegramServer(opts: TelegramServerOptions = {}): Promise<TelegramServer> {
  const logger = opts.logger ?? (() => {});
  const host = opts.host ?? '127.0.0.1';
  const shutdown = new AbortController();
  const state: TelegramState = new TelegramState({
    limits: opts.limits === false ? false : (opts.limits ?? DEFAULT_RATE_LIMITS),
    logger,
    preCheckoutTimeoutMs: opts.preCheckoutTimeoutMs ?? PRE_CHECKOUT_TIMEOUT_MS,
    // Telegram executes a method returned as a webhook response body.
    onWebhookReply: async (bot, { method, ...params }) => {
      await executeBotApiCall(state, {
        token: bot.token,
        method: String(method),
        params,
        files: new Map(),
        signal: shutdown.signal,
      });
    },
  });
  const inFlight = new Set<Promise<void>>();

  const route = async (req: IncomingMessage, res: ServerResponse, signal: AbortSignal) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/bot')) return handleBotApiRequest(state, req, res, url, signal);
    if (url.pathname.startsWith('/file/bot')) return handleFileDownload(state, res, url);
    if (url.pathname.startsWith('/control/'))
      return handleControlRequest({ state, req, res, url, shutdown: shutdown.signal });
    sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
  };

  const server = createServer((req, res) => {
    // Aborted when the client goes away mid-request (e.g. grammY cancels a long poll) or on close().
    const request = new AbortController();
    res.on('close', () => request.abort());
    const task = route(req, res, AbortSignal.any([request.signal, shutdown.signal]))
      .catch((error: unknown) => {
        logger(
          `request ${req.method} ${req.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        sendJson(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  });
  keepConnectionsLikeAPublicApi(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger(`telegram server listening on ${url}`);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      shutdown.abort();
      state.close();
      // Released long polls answer right away; give them a moment to reach the bot.
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((r) => setTimeout(r, CLOSE_GRACE_MS)),
      ]);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // grammY keeps connections alive; without this close() would wait for them to idle out.
      server.closeAllConnections();
      await closed;
    })();
    return closing;
  };

  return { url, close };
}
