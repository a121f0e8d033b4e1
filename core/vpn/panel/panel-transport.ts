import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { TPanelConfig } from './panel-config.ts';
import { PanelError, type TPanelErrorKind } from './panel-error.ts';

/**
 * A contract response schema, typed by what it parses to. The contract package brings its own zod copy,
 * so its schemas are used through `safeParse` only, never mixed into this project's zod objects.
 */
export type TResponseSchema<T> = {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
};

export type TPanelRequest<T> = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The contract's route template (`/api/users/:userId`): names the call in errors and logs. */
  route: string;
  /** The path with its parameters filled in, plus any query. */
  path: string;
  body?: unknown;
  /** null: the panel answers with no body (a 204 on delete). */
  schema: TResponseSchema<T> | null;
  /**
   * Sending it twice does what sending it once does, so a call that failed in transit may be repeated.
   * A create is not: createUser checks by username before repeating it.
   */
  idempotent: boolean;
};

export type TPanelTransport = <T>(request: TPanelRequest<T>) => Promise<T>;

/** The panel's error body (http-exception.filter.ts) or nestjs-zod's validation body: read loosely. */
const ZPanelErrorBodySchema = z.object({
  errorCode: z.string().optional(),
  message: z.union([z.string(), z.array(z.string())]).optional(),
});

/** The panel's "username already exists" (ERRORS.USER_USERNAME_ALREADY_EXISTS, HTTP 400). */
const USERNAME_TAKEN_CODE = 'A019';

function kindOfStatus(status: number, panelCode: string | undefined, message: string): TPanelErrorKind {
  if (status === 404) return 'not_found';
  if (status === 409 || panelCode === USERNAME_TAKEN_CODE || /username already exists/i.test(message))
    return 'conflict';
  // The panel never redirects an API call; an auth layer in front of it sends us to its login page.
  if (status === 401 || status === 403 || (status >= 300 && status < 400)) return 'auth';
  if (status === 408) return 'timeout';
  // 429 comes only from a proxy in front of the panel (the panel has no rate limit): wait and repeat.
  if (status === 429 || status >= 500) return 'unavailable';
  return 'invalid';
}

async function errorOfResponse(route: string, response: Response): Promise<PanelError> {
  const text = await response.text().catch(() => '');
  let parsed: z.infer<typeof ZPanelErrorBodySchema> = {};
  try {
    const body = ZPanelErrorBodySchema.safeParse(JSON.parse(text));
    if (body.success) parsed = body.data;
  } catch {
    // Not JSON: a proxy's HTML page. The status says enough.
  }
  const panelMessage = Array.isArray(parsed.message) ? parsed.message.join('; ') : parsed.message;
  const kind = kindOfStatus(response.status, parsed.errorCode, panelMessage ?? '');
  return new PanelError({
    kind,
    route,
    status: response.status,
    panelCode: parsed.errorCode,
    panelMessage,
    message: `HTTP ${response.status}${parsed.errorCode ? ` ${parsed.errorCode}` : ''}${panelMessage ? ` ${panelMessage}` : ''}`,
  });
}

/** What fetch threw, as a panel failure: an abort by our timer, or no answer (reset, refused, DNS). */
function errorOfThrown(route: string, error: unknown, timeoutMs: number): PanelError {
  if (error instanceof PanelError) return error;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return new PanelError({
      kind: 'timeout',
      route,
      message: `no answer within ${timeoutMs} ms`,
      cause: error,
    });
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const code = cause && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
  // ECONNRESET / "other side closed" is also what the panel does without the X-Forwarded-* headers.
  const detail = [code, cause?.message ?? (error instanceof Error ? error.message : String(error))]
    .filter(Boolean)
    .join(' ');
  return new PanelError({ kind: 'unavailable', route, message: `no answer: ${detail}`, cause: error });
}

function parseBody<T>(route: string, schema: TResponseSchema<T>, text: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PanelError({ kind: 'bad_response', route, message: 'the answer is not JSON' });
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new PanelError({
    kind: 'bad_response',
    route,
    message: `the answer does not match the panel contract (${issues})`,
  });
}

/** Exponential backoff with full jitter: 0.5–1 × base × 2^(retry−1). */
export function backoffMs(retry: number, baseMs: number): number {
  const step = baseMs * 2 ** (retry - 1);
  return Math.round(step / 2 + Math.random() * (step / 2));
}

export function panelRequestHeaders(config: TPanelConfig, url: URL, hasBody: boolean): Headers {
  const headers = new Headers(config.extraHeaders);
  headers.set('Authorization', `Bearer ${config.token.replace(/^Bearer\s+/i, '')}`);
  headers.set('Accept', 'application/json');
  if (hasBody) headers.set('Content-Type', 'application/json');
  if (config.cookie) headers.set('Cookie', config.cookie);
  // In production the panel destroys the socket of any request that does not look proxied over https
  // (proxy-check.middleware.ts); talking to it directly over http, we say we are that proxy.
  if (url.protocol === 'http:') {
    headers.set('X-Forwarded-For', '127.0.0.1');
    headers.set('X-Forwarded-Proto', 'https');
  }
  return headers;
}

const withoutTrailingSlash = (path: string) => path.replace(/(?<=.)\/+(?=\?|$)/, '');

/** Sends one call: headers, timeout, retries of idempotent calls, errors typed, the answer parsed. */
export function createPanelTransport(config: TPanelConfig): TPanelTransport {
  const baseUrl = config.baseUrl.replace(/\/+$/, '');
  const retryBaseMs = config.retryBaseMs ?? 300;

  async function once<T>(request: TPanelRequest<T>, label: string): Promise<T> {
    const url = new URL(baseUrl + request.path);
    const hasBody = request.body !== undefined;
    try {
      const response = await fetch(url, {
        method: request.method,
        headers: panelRequestHeaders(config, url, hasBody),
        body: hasBody ? JSON.stringify(request.body) : undefined,
        signal: AbortSignal.timeout(config.timeoutMs),
        redirect: 'manual',
      });
      if (!response.ok) throw await errorOfResponse(label, response);
      const text = await response.text();
      if (request.schema === null) return undefined as T;
      return parseBody(label, request.schema, text);
    } catch (error) {
      throw errorOfThrown(label, error, config.timeoutMs);
    }
  }

  return async function send<T>(given: TPanelRequest<T>): Promise<T> {
    // The contract writes list routes with a trailing slash (`/api/nodes/`); the panel (Express, not
    // strict) answers both, and stand-ins and logs read better without it.
    const request = {
      ...given,
      route: withoutTrailingSlash(given.route),
      path: withoutTrailingSlash(given.path),
    };
    const label = `${request.method} ${request.route}`;
    const attempts = request.idempotent ? config.maxAttempts : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(request, label);
      } catch (error) {
        if (!(error instanceof PanelError) || !error.transient || attempt >= attempts) throw error;
        await sleep(backoffMs(attempt, retryBaseMs));
      }
    }
  };
}
