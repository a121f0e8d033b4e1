/**
 * A classic token bucket: `capacity` tokens, refilled continuously at
 * `refillPerSecond`. Time is passed in so the limiter stays deterministic.
 */
export class TokenBucket {
  #tokens: number;
  #updatedAt: number;

  constructor(
    readonly capacity: number,
    readonly refillPerSecond: number,
    now: number,
  ) {
    this.#tokens = capacity;
    this.#updatedAt = now;
  }

  /** Milliseconds until one whole token is available (0 when one is available now). */
  msUntilToken(now: number): number {
    this.#refill(now);
    if (this.#tokens >= 1) return 0;
    if (this.refillPerSecond <= 0) return Number.POSITIVE_INFINITY;
    return ((1 - this.#tokens) / this.refillPerSecond) * 1000;
  }

  take(now: number): void {
    this.#refill(now);
    this.#tokens -= 1;
  }

  /** True when the bucket is full again, i.e. it can be forgotten without changing behaviour. */
  isFull(now: number): boolean {
    this.#refill(now);
    return this.#tokens >= this.capacity;
  }

  #refill(now: number): void {
    const elapsed = Math.max(0, now - this.#updatedAt) / 1000;
    this.#tokens = Math.min(this.capacity, this.#tokens + elapsed * this.refillPerSecond);
    this.#updatedAt = now;
  }
}
