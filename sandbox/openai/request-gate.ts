// What stands between a request and the API: the bearer key, per-key throttling and injected
// faults, in that order (an unknown key is refused before it could be throttled).
import { RequestFaults, type TFaultOptions } from '#sandbox/http-stand-in/request-faults.ts';
import { openAiError, serverError, type TOpenAiReply } from './openai-errors.ts';

export type TRateLimitOptions = {
  /** Sent as `retry-after` (whole seconds, rounded up) and `retry-after-ms`. Default 1000. */
  retryAfterMs?: number;
  /** `insufficient_quota` is OpenAI's "out of credit", which retrying does not cure. */
  code?: TRateLimitCode;
};

type TRateLimitCode = 'rate_limit_exceeded' | 'insufficient_quota';

export class RequestGate {
  private readonly keys: Set<string>;
  private readonly faults = new RequestFaults<TRateLimitCode>();

  constructor(keys: readonly string[]) {
    this.keys = new Set(keys);
  }

  addKey(key: string): void {
    this.keys.add(key);
  }

  revokeKey(key: string): void {
    this.keys.delete(key);
  }

  rateLimitKey(key: string, count: number, opts: TRateLimitOptions): void {
    this.faults.throttle(key, count, {
      retryAfterMs: opts.retryAfterMs ?? 1000,
      reason: opts.code ?? 'rate_limit_exceeded',
    });
  }

  failNext(opts: TFaultOptions): void {
    this.faults.failNext(opts);
  }

  /** The refusal for this request, or undefined to let it through. Consumes throttles and faults. */
  check(key: string | undefined, path: string): TOpenAiReply | undefined {
    if (key === undefined) {
      return openAiError(
        401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      );
    }
    if (!this.keys.has(key)) {
      return openAiError(
        401,
        `Incorrect API key provided: ${redact(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        { code: 'invalid_api_key' },
      );
    }
    const decision = this.faults.next(key, path);
    if (decision?.kind === 'throttled') return throttled(decision.reason, decision.retryAfterMs);
    if (decision?.kind === 'fault') {
      return decision.status === 429 ? throttled('rate_limit_exceeded', 1000) : serverError(decision.status);
    }
    return undefined;
  }
}

function throttled(code: TRateLimitCode, retryAfterMs: number): TOpenAiReply {
  if (code === 'insufficient_quota') {
    return openAiError(429, 'You exceeded your current quota, please check your plan and billing details.', {
      type: 'insufficient_quota',
      code: 'insufficient_quota',
    });
  }
  const seconds = Math.ceil(retryAfterMs / 1000);
  return openAiError(
    429,
    `Rate limit reached for requests on this API key. Please try again in ${seconds}s.`,
    { type: 'requests', code: 'rate_limit_exceeded' },
    {
      'retry-after': String(seconds),
      // The SDK prefers the millisecond header, which lets tests retry quickly.
      'retry-after-ms': String(retryAfterMs),
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': `${seconds}s`,
    },
  );
}

/** OpenAI shows only the ends of a rejected key. */
function redact(key: string): string {
  if (key.length <= 10) return `${key.slice(0, 2)}***`;
  return `${key.slice(0, 6)}${'*'.repeat(Math.min(20, key.length - 10))}${key.slice(-4)}`;
}
