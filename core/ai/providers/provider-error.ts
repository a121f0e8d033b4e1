/**
 * Why a provider call failed, in the terms the AI domain acts on: `rate_limited` and `auth` move to the
 * next key, `unavailable` to the fallback provider, `rejected` (a bad prompt, content policy) goes back to
 * the user and is never retried.
 */
export type TProviderFailure = 'rate_limited' | 'auth' | 'unavailable' | 'rejected' | 'timeout';

export class ProviderError extends Error {
  constructor(
    readonly failure: TProviderFailure,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

export const isProviderError = (error: unknown): error is ProviderError => error instanceof ProviderError;
