// Vast enforces a minimum interval between calls per endpoint × identity, with some burst allowance
// (fact sheet §4). Here: a bucket of `burst` calls per endpoint × identity that refills one call every
// `minIntervalMs` of wall time (not the stand-in clock: `advance` moves rentals, not callers).
export type TRateLimitOptions = { burst: number; minIntervalMs: number };

export const DEFAULT_RATE_LIMIT: TRateLimitOptions = { burst: 30, minIntervalMs: 50 };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly opts: TRateLimitOptions | false,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** True when the call may go ahead (and is counted). */
  take(endpoint: string, identity: string): boolean {
    if (!this.opts) return true;
    const { burst, minIntervalMs } = this.opts;
    const key = `${endpoint}\u0000${identity}`;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    const refilled = minIntervalMs > 0 ? (now - bucket.at) / minIntervalMs : Number.POSITIVE_INFINITY;
    bucket.tokens = Math.min(burst, bucket.tokens + refilled);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      return false;
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    return true;
  }

  describe(): string {
    return this.opts ? `${this.opts.minIntervalMs / 1000}s` : 'none';
  }

  reset(): void {
    this.buckets.clear();
  }
}
