import { YooKassaError } from './yookassa-error.ts';
import { ZYooKassaErrorBodySchema } from './yookassa-schemas.ts';

export type TFetch = typeof fetch;

export type TYooKassaRetryPolicy = {
  /** Total tries, the first included. */
  attempts: number;
  /** Delay before the second try; doubles each time up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
};

export const DEFAULT_YOOKASSA_RETRY: TYooKassaRetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
};

// YooKassa answers within 30 s or gives up itself with a 500 ("result unknown"); waiting a little longer
// lets that documented answer arrive instead of our own timeout, which would say even less.
const DEFAULT_TIMEOUT_MS = 40_000;

export type TYooKassaTransportOptions = {
  shopId: string;
  secretKey: string;
  apiBase: string;
  fetch?: TFetch;
  retry?: Partial<TYooKassaRetryPolicy>;
  timeoutMs?: number;
  /** Injected by tests that count delays; defaults to a real timer. */
  sleep?: (ms: number) => Promise<void>;
};

export type TYooKassaRequest = {
  method: 'GET' | 'POST';
  /** Relative to apiBase, starting with a slash: `/payments`. */
  path: string;
  body?: unknown;
  /** Required by YooKassa on every creating POST; repeated unchanged on every retry. */
  idempotenceKey?: string;
};

/**
 * Sends one logical request to YooKassa and returns the JSON of its HTTP 200 answer. Network failures,
 * 202, 429 and 5xx are retried with backoff and the same Idempotence-Key and body, which is exactly what
 * the key exists for: YooKassa returns the first result for a repeated key instead of acting twice.
 */
export function createYooKassaTransport(opts: TYooKassaTransportOptions) {
  const fetchImpl = opts.fetch ?? fetch;
  const policy = { ...DEFAULT_YOOKASSA_RETRY, ...opts.retry };
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const apiBase = opts.apiBase.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${opts.shopId}:${opts.secretKey}`).toString('base64')}`;

  return async function request(req: TYooKassaRequest): Promise<unknown> {
    const headers: Record<string, string> = { authorization, accept: 'application/json' };
    if (req.idempotenceKey !== undefined) headers['idempotence-key'] = req.idempotenceKey;
    // Serialized once, so every retry sends byte-identical JSON under the same key.
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    if (body !== undefined) headers['content-type'] = 'application/json';

    for (let attempt = 1; ; attempt++) {
      const outcome = await attemptOnce(fetchImpl, `${apiBase}${req.path}`, {
        method: req.method,
        headers,
        body,
        timeoutMs,
      });
      if (outcome.ok) return outcome.json;
      const { error, delayHintMs } = outcome;
      if (!error.retryable || attempt >= policy.attempts) throw error;
      const backoff = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
      await sleep(Math.min(Math.max(backoff, delayHintMs ?? 0), policy.maxDelayMs));
    }
  };
}

type TAttemptOutcome =
  | { ok: true; json: unknown }
  | { ok: false; error: YooKassaError; delayHintMs?: number };

async function attemptOnce(
  fetchImpl: TFetch,
  url: string,
  init: { method: string; headers: Record<string, string>; body: string | undefined; timeoutMs: number },
): Promise<TAttemptOutcome> {
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      signal: AbortSignal.timeout(init.timeoutMs),
    });
    text = await response.text();
  } catch (cause) {
    // No answer: the request may or may not have reached YooKassa, so only a repeat with the same
    // key can tell; that makes it retryable.
    const message = `YooKassa request failed: ${cause instanceof Error ? cause.message : String(cause)}`;
    return {
      ok: false,
      error: new YooKassaError({ code: 'network_error', message, retryable: true, cause }),
    };
  }

  const json = parseJson(text);
  if (response.status === 200) {
    if (json === undefined) {
      return { ok: false, error: unexpected(response.status, 'HTTP 200 with a body that is not JSON') };
    }
    return { ok: true, json };
  }
  return { ok: false, ...errorFromResponse(response, json) };
}

function errorFromResponse(
  response: Response,
  json: unknown,
): { error: YooKassaError; delayHintMs?: number } {
  const status = response.status;
  const parsed = ZYooKassaErrorBodySchema.safeParse(json);
  const retryAfterHeader = Number(response.headers.get('retry-after'));
  const headerDelayMs =
    Number.isFinite(retryAfterHeader) && retryAfterHeader > 0 ? retryAfterHeader * 1000 : undefined;
  // A 202 carries `retry_after` in milliseconds: the operation was accepted and is still running.
  const bodyDelayMs = isRecord(json) && typeof json.retry_after === 'number' ? json.retry_after : undefined;
  const delayHintMs = bodyDelayMs ?? headerDelayMs;

  if (status === 202) {
    return {
      error: new YooKassaError({ code: 'processing', status, message: 'YooKassa is still processing' }),
      delayHintMs,
    };
  }
  if (!parsed.success)
    return { error: unexpected(status, `HTTP ${status} without a YooKassa error body`), delayHintMs };
  const body = parsed.data;
  const error = new YooKassaError({
    code: body.code,
    status,
    message: `YooKassa ${status} ${body.code}${body.description ? `: ${body.description}` : ''}`,
    errorId: body.id,
    parameter: body.parameter,
  });
  return { error, delayHintMs };
}

function unexpected(status: number, message: string): YooKassaError {
  return new YooKassaError({ code: 'unexpected_response', status, message });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // The caller reports a non-JSON answer together with its status.
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
