import { isContentRefusalCode, saysContentRefused } from './content-refusal.ts';
import type { TProviderFailure } from './provider-error.ts';

/**
 * An HTTP error answer in the terms the gateway acts on. 408 and 504 are the provider giving up on time; 404
 * is a model or job id the provider does not know. Any other 4xx is `rejected` (the request as sent is
 * wrong: our configuration's matter) unless the answer's code or words say the content rules refused it.
 */
export function failureOfStatus(
  status: number,
  said: { code?: string | null; message?: string | null } = {},
): TProviderFailure {
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'auth';
  if (status === 408 || status === 504) return 'timeout';
  if (status >= 500) return 'unavailable';
  if (isContentRefusalCode(said.code) || saysContentRefused(said.message)) return 'content_refused';
  return 'rejected';
}

/** Upstream messages may echo what was sent, the key included; callers pass the key to strip. */
export const withoutSecret = (text: string, secret: string, fingerprint: string): string =>
  (secret.length > 0 ? text.split(secret).join(`[key ${fingerprint}]`) : text).slice(0, 500);
