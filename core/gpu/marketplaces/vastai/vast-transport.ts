import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { TVastConfig } from './vast-config.ts';
import { type TVastErrorKind, VastError } from './vast-error.ts';

export type TVastRequest<T> = {
  method: 'GET' | 'PUT' | 'DELETE';
  /** `DELETE /api/v0/machines/{id}/asks/`: names the call in errors and logs. */
  route: string;
  /** The path with the machine id filled in, `/api/v0/…`. */
  path: string;
  /** Strings go as they are, other values as their JSON (`machid=123`, `sday=20430`), like vast-cli. */
  query?: Readonly<Record<string, string | number | null>>;
  body?: unknown;
  schema: z.ZodType<T>;
  /**
   * Sending it again after a lost answer leaves Vast.ai as one send would: then 429s, 5xx, timeouts and resets
   * are retried. Each call says why it is or is not.
   */
  repeatable: boolean;
};

export type TVastTransport = <T>(request: TVastRequest<T>) => Promise<T>;

/** Vast.ai's error body (docs: rate-limits-and-errors), read loosely: some routes send `msg`, some `message`. */
const ZVastErrorBodySchema = z.object({
  success: z.boolean().optional(),
  error: z.string().optional(),
  msg: z.string().optional(),
  message: z.string().optional(),
});

const MAX_MESSAGE_CHARS = 200;

function kindOfStatus(status: number): TVastErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'unavailable';
  // The API never redirects a call; something else (a login page, a captive portal) answered.
  if (status >= 300 && status < 400) return 'bad_response';
  return 'invalid';
}

/** Backoff with jitter: 0.5–1 × base × 2^(retry−1), so callers limited together do not retry together. */
export function backoffMs(retry: number, baseMs: number): number {
  const step = baseMs * 2 ** (retry - 1);
  return Math.round(step / 2 + Math.random() * (step / 2));
}

export function vastUrl(baseUrl: string, path: string, query: TVastRequest<unknown>['query']): URL {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [name, value] of Object.entries(query ?? {}))
    url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  return url;
}

/** Sends one call: bearer key, timeout, retries of repeatable calls, errors typed, the answer parsed. */
export function createVastTransport(config: TVastConfig): TVastTransport {
  const key = config.apiKey.replace(/^Bearer\s+/i, '');
  /** Vast.ai's messages are passed on in errors; one that echoed the key must not carry it into a log. */
  const redact = (text: string) =>
    (key ? text.split(key).join('[redacted]') : text).slice(0, MAX_MESSAGE_CHARS);

  function vastMessageOf(text: string): string | undefined {
    try {
      const body = ZVastErrorBodySchema.safeParse(JSON.parse(text));
      if (body.success) {
        const message = body.data.msg ?? body.data.message ?? body.data.error;
        return message === undefined ? undefined : redact(message);
      }
    } catch {
      // A 429 is usually plain text ("API requests too frequent"), a proxy's 5xx an HTML page.
    }
    const plain = text.trim();
    return plain && !plain.startsWith('<') ? redact(plain) : undefined;
  }

  function errorOfThrown(route: string, error: unknown): VastError {
    if (error instanceof VastError) return error;
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
      return new VastError({ kind: 'timeout', route, message: `no answer within ${config.timeoutMs} ms` });
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
    const code = cause && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
    const detail = redact(
      [code, cause?.message ?? (error instanceof Error ? error.message : String(error))]
        .filter(Boolean)
        .join(' '),
    );
    // The cause is not kept: an error from the fetch layer could name the request, and the request has the key.
    return new VastError({ kind: 'unavailable', route, message: `no answer: ${detail}` });
  }

  function parseAnswer<T>(route: string, status: number, schema: z.ZodType<T>, text: string): T {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new VastError({ kind: 'bad_response', route, status, message: 'the answer is not JSON' });
    }
    // Many host routes answer HTTP 200 with `success: false` and a `msg` when they refuse.
    const refusal = ZVastErrorBodySchema.safeParse(json);
    if (refusal.success && refusal.data.success === false) {
      const vastMessage = vastMessageOf(text);
      throw new VastError({
        kind: 'invalid',
        route,
        status,
        vastMessage,
        message: `refused${vastMessage ? `: ${vastMessage}` : ''}`,
      });
    }
    const result = schema.safeParse(json);
    if (result.success) return result.data;
    const issues = result.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new VastError({
      kind: 'bad_response',
      route,
      status,
      message: `the answer does not have the expected shape (${redact(issues)})`,
    });
  }

  async function once<T>(request: TVastRequest<T>, label: string): Promise<T> {
    const url = vastUrl(config.baseUrl, request.path, request.query);
    const headers = new Headers({ Authorization: `Bearer ${key}`, Accept: 'application/json' });
    const hasBody = request.body !== undefined;
    if (hasBody) headers.set('Content-Type', 'application/json');
    try {
      const response = await fetch(url, {
        method: request.method,
        headers,
        body: hasBody ? JSON.stringify(request.body) : undefined,
        signal: AbortSignal.timeout(config.timeoutMs),
        redirect: 'manual',
      });
      const text = await response.text();
      if (!response.ok) {
        const vastMessage = vastMessageOf(text);
        throw new VastError({
          kind: kindOfStatus(response.status),
          route: label,
          status: response.status,
          vastMessage,
          message: `HTTP ${response.status}${vastMessage ? ` ${vastMessage}` : ''}`,
        });
      }
      return parseAnswer(label, response.status, request.schema, text);
    } catch (error) {
      throw errorOfThrown(label, error);
    }
  }

  return async function send<T>(request: TVastRequest<T>): Promise<T> {
    const label = `${request.method} ${request.route}`;
    const attempts = request.repeatable ? Math.max(1, config.maxAttempts) : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(request, label);
      } catch (error) {
        if (!(error instanceof VastError) || !error.transient || attempt >= attempts) throw error;
        await sleep(backoffMs(attempt, config.retryBaseMs));
      }
    }
  };
}
