// A local Replicate-style prediction API for tests and the offline sandbox: asynchronous jobs that a
// client creates, polls and cancels, with outputs served by the stand-in at /files/<id>. `url` is
// the origin; clients append `/v1` (Replicate's base is https://api.replicate.com/v1). Requests
// carry `Authorization: Bearer <token>` (the older `Token <token>` works too). State lives in
// memory, per instance.
//
// Timing and failures are configurable per model (`models`) or for all (`defaults`): `delayMs` from
// creation to a final status (default 1000), `failureRate` 0..1 drawn from a random sequence seeded
// by `seed`, so the same test run fails the same predictions. What a prediction outputs depends on
// its model's kind (model-specs.ts, prediction-outputs.ts). Where the API is simpler than
// Replicate's is said at the top of prediction-api.ts.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  BodyTooLargeError,
  closeServer,
  connectableHost,
  type Logger,
  listen,
  readBody,
  sendJson,
} from '#sandbox/http-stand-in/http-basics.ts';
import { RequestFaults, type TFaultOptions } from '#sandbox/http-stand-in/request-faults.ts';
import { ServedFiles } from '#sandbox/http-stand-in/served-files.ts';
import { resolveModel, type TModelDefaults, type TModelSpec } from './model-specs.ts';
import { handlePredictionApi } from './prediction-api.ts';
import { PredictionStore } from './prediction-store.ts';
import { problem, serverError, type TReply, throttled, unauthenticated } from './replicate-errors.ts';
import { seededRandom } from './seeded-random.ts';

export type TPredictionStandInOptions = {
  port?: number;
  host?: string;
  /** The API tokens that authenticate; anything else is 401. */
  tokens: readonly string[];
  /** Per model ("owner/name"): kind, version id, delay, failure rate, output shape. */
  models?: Record<string, TModelSpec>;
  defaults?: Partial<TModelDefaults>;
  /** Seeds the failure-rate draws; default 1. */
  seed?: number;
  /** Origin for output URLs, when clients reach the stand-in under another address. */
  publicBaseUrl?: string;
  /** Input files travel as base64 data URLs, a third larger than the file: 64 MiB by default. */
  maxBodyBytes?: number;
  logger?: Logger;
};

export type TLoggedPredictionRequest = {
  at: number;
  method: string;
  path: string;
  token: string | undefined;
  status: number;
  /** The prediction created, for a successful create. */
  predictionId?: string;
};

export type TPredictionControl = {
  /** The next `count` (default 1) requests with `token` answer 429 with `retry-after`. */
  rateLimitToken(token: string, count?: number, opts?: { retryAfterMs?: number }): void;
  /** The next `count` authenticated requests (matching `path`, a prefix) fail with `status`. */
  failNext(opts?: TFaultOptions): void;
  /** For predictions created from now on. */
  setModel(name: string, spec: TModelSpec): void;
  setDefaults(defaults: Partial<TModelDefaults>): void;
  /** Ends a running prediction now: succeeded, or failed with `error`. */
  finish(id: string, opts?: { error?: string }): Record<string, unknown>;
  predictions(): Record<string, unknown>[];
  requests(): readonly TLoggedPredictionRequest[];
};

export type TPredictionStandIn = {
  /** The origin, e.g. `http://127.0.0.1:PORT`; clients append `/v1`. */
  url: string;
  close(): Promise<void>;
  control: TPredictionControl;
};

const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

export async function startPredictionStandIn(opts: TPredictionStandInOptions): Promise<TPredictionStandIn> {
  const log = opts.logger ?? (() => {});
  const host = opts.host ?? '127.0.0.1';
  const tokens = new Set(opts.tokens);
  const specs = new Map(Object.entries(opts.models ?? {}));
  const defaults: TModelDefaults = { delayMs: 1000, failureRate: 0, ...opts.defaults };
  const random = seededRandom(opts.seed ?? 1);
  const faults = new RequestFaults<'throttled'>();
  const files = new ServedFiles();
  const closing = new AbortController();
  const requestLog: TLoggedPredictionRequest[] = [];
  const videoBytes = await readFile(new URL('../openai/fixtures/sample-video.mp4', import.meta.url));
  let origin = '';
  const base = () => opts.publicBaseUrl?.replace(/\/+$/, '') ?? origin;
  const store = new PredictionStore(
    { files, fileUrl: (id) => `${base()}/files/${id}`, videoBytes, closing: closing.signal },
    (id) => ({
      get: `${base()}/v1/predictions/${id}`,
      cancel: `${base()}/v1/predictions/${id}/cancel`,
    }),
  );
  const model = (name: string) => resolveModel(name, specs.get(name), defaults);
  const api = {
    store,
    model,
    modelByVersion: (version: string) => [...specs.keys()].map(model).find((m) => m.version === version),
    // One draw per prediction whatever its rate, so changing one model's rate leaves the others' draws alone.
    drawFailure: (m: { failureRate: number }) => random() < m.failureRate,
    closing: closing.signal,
  };

  async function answer(
    req: IncomingMessage,
    method: string,
    path: string,
    token: string | undefined,
  ): Promise<TReply> {
    if (!path.startsWith('/v1/')) return problem(404, 'Not found', `no route for ${path}`);
    let json: unknown = {};
    try {
      const raw = await readBody(req, { maxBytes: opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES });
      if (raw.length > 0) json = JSON.parse(raw.toString('utf8'));
    } catch (err) {
      if (err instanceof BodyTooLargeError) return problem(413, 'Request Entity Too Large', err.message);
      return problem(400, 'Bad Request', 'The request body is not valid JSON.');
    }
    if (token === undefined || !tokens.has(token)) return unauthenticated();
    const decision = faults.next(token, path);
    if (decision?.kind === 'throttled') return throttled(decision.retryAfterMs);
    if (decision?.kind === 'fault')
      return decision.status === 429 ? throttled(1000) : serverError(decision.status);
    return handlePredictionApi(api, method, path, req.headers, json);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    if (files.serve(res, method, path)) return;
    const token = /^(?:Bearer|Token)\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const reply = await answer(req, method, path, token);
    const created = reply.status === 201 ? (reply.body as { id?: unknown }).id : undefined;
    requestLog.push({
      at: Date.now(),
      method,
      path,
      token,
      status: reply.status,
      ...(typeof created === 'string' && { predictionId: created }),
    });
    if (reply.headers) for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
    sendJson(res, reply.status, reply.body);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      log(
        `prediction stand-in: ${req.method} ${req.url} failed: ${err instanceof Error ? err.stack : String(err)}`,
      );
      if (!res.headersSent) sendJson(res, 500, serverError(500).body);
      else res.destroy();
    });
  });
  const port = await listen(server, opts.port ?? 0, host);
  origin = `http://${connectableHost(host)}:${port}`;
  log(`prediction stand-in: API on ${origin}/v1`);

  let closed: Promise<void> | undefined;
  return {
    url: origin,
    // Idempotent, so test teardown can call it unconditionally.
    close: () => {
      closed ??= (async () => {
        closing.abort();
        await closeServer(server);
        log('prediction stand-in: closed');
      })();
      return closed;
    },
    control: {
      rateLimitToken: (token, count = 1, rateOpts = {}) =>
        faults.throttle(token, count, { retryAfterMs: rateOpts.retryAfterMs ?? 1000, reason: 'throttled' }),
      failNext: (faultOpts) => faults.failNext(faultOpts),
      setModel: (name, spec) => {
        specs.set(name, spec);
      },
      setDefaults: (changes) => {
        Object.assign(defaults, changes);
      },
      finish: (id, finishOpts = {}) => {
        const prediction = store.get(id);
        if (!prediction) throw new Error(`prediction stand-in: no prediction ${id}`);
        store.finish(prediction, finishOpts.error);
        return store.json(prediction);
      },
      predictions: () => store.list().map((p) => store.json(p)),
      requests: () => requestLog,
    },
  };
}
