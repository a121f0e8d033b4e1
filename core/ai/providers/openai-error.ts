import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { isContentRefusalCode } from './content-refusal.ts';
import { failureOfStatus, withoutSecret } from './failure-of-status.ts';
import { isProviderError, ProviderError } from './provider-error.ts';
import { retryAfterMs } from './retry-after.ts';

/**
 * Any failure of an `openai` SDK call as a ProviderError. The caller's own abort is not a provider failure:
 * it is passed on as the AbortSignal's reason, so the caller sees what it asked for.
 */
export function fromOpenAiError(
  error: unknown,
  key: { secret: string; fingerprint: string },
  signal?: AbortSignal,
): unknown {
  if (isProviderError(error)) return error;
  if (error instanceof APIUserAbortError || (signal?.aborted && !(error instanceof APIError)))
    return signal?.reason ?? error;
  const clean = (text: string) => withoutSecret(text, key.secret, key.fingerprint);
  if (error instanceof APIConnectionTimeoutError) return new ProviderError('timeout', 'request timed out');
  if (error instanceof APIConnectionError)
    return new ProviderError('unavailable', clean(`connection failed: ${error.message}`));
  if (error instanceof APIError) {
    const message = clean(error.message);
    // An error event inside a stream has no status: the provider broke off, which is an outage, unless its
    // code says the content filter cut the reply.
    if (error.status === undefined)
      return new ProviderError(isContentRefusalCode(error.code) ? 'content_refused' : 'unavailable', message);
    // Out of credit answers 429 but is a billing matter, like a revoked key: rest the key for long.
    if (error.status === 429 && error.code === 'insufficient_quota')
      return new ProviderError('auth', message);
    const failure = failureOfStatus(error.status, { code: error.code, message: error.message });
    return new ProviderError(
      failure,
      message,
      failure === 'rate_limited' ? retryAfterMs(error.headers) : undefined,
    );
  }
  const text = error instanceof Error ? error.message : String(error);
  return new ProviderError('unavailable', clean(text));
}
