/**
 * Why a provider call failed, in the terms the AI domain acts on:
 * - `rate_limited` and `auth` are the key's: the key rests and the next key is tried;
 * - `unavailable` and `timeout` are the provider's passing state: the next route is tried, a job waits;
 * - `content_refused`: the provider said the prompt or input (or what it would have made) breaks its
 *   content rules. Only this goes back to the user as "reword it"; it is never retried nor sent elsewhere;
 * - `rejected`: the provider (or the gateway) would not take the request as sent: a bad parameter, an
 *   unknown model, an operation the route cannot do; or an answer we cannot use (too big to keep, not the
 *   kind of output asked for). It is our configuration's or the provider's fault, never the user's; the
 *   same route would answer the same, the next route may not.
 */
export type TProviderFailure =
  | 'rate_limited'
  | 'auth'
  | 'unavailable'
  | 'timeout'
  | 'content_refused'
  | 'rejected';

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
