// Per-key throttling and injected failures, the two ways a provider stand-in lets tests rehearse
// "this call fails" (key rotation, retries, backoff). Each stand-in words the refusals its own way.

export type TFaultOptions = {
  /** How many requests fail; default 1. */
  count?: number;
  /** Default 500. */
  status?: number;
  /** Only requests whose path starts with this, e.g. `/v1/chat/completions`. */
  path?: string;
};

export type TThrottle<TReason extends string> = { retryAfterMs: number; reason: TReason };

export type TFaultDecision<TReason extends string> =
  | ({ kind: 'throttled' } & TThrottle<TReason>)
  | { kind: 'fault'; status: number };

type TCounted<T> = T & { remaining: number };

export class RequestFaults<TReason extends string> {
  private readonly throttles = new Map<string, TCounted<TThrottle<TReason>>>();
  private readonly faults: TCounted<{ status: number; path: string | undefined }>[] = [];

  /** The next `count` requests with `key` are refused (a count of Infinity: until further notice). */
  throttle(key: string, count: number, throttle: TThrottle<TReason>): void {
    this.throttles.set(key, { ...throttle, remaining: count });
  }

  failNext(opts: TFaultOptions = {}): void {
    this.faults.push({ remaining: opts.count ?? 1, status: opts.status ?? 500, path: opts.path });
  }

  /** What happens to this request, consuming one throttle or fault; undefined to let it through. */
  next(key: string, path: string): TFaultDecision<TReason> | undefined {
    const throttle = this.throttles.get(key);
    if (throttle && throttle.remaining > 0) {
      throttle.remaining--;
      return { kind: 'throttled', retryAfterMs: throttle.retryAfterMs, reason: throttle.reason };
    }
    const fault = this.faults.find(
      (f) => f.remaining > 0 && (f.path === undefined || path.startsWith(f.path)),
    );
    if (!fault) return undefined;
    fault.remaining--;
    return { kind: 'fault', status: fault.status };
  }
}
