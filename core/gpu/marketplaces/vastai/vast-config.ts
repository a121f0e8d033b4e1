/** The Vast.ai client's settings; the env variables proposed for them are in README.md. */
export type TVastConfig = {
  /** `https://console.vast.ai` in production; tests and the sandbox point it at a stand-in. */
  baseUrl: string;
  /** The host account's API key (scopes machine_read, machine_write, billing_read). */
  apiKey: string;
  /** Per request, each attempt on its own. */
  timeoutMs: number;
  /** Attempts per call that is safe to repeat, the first included. */
  maxAttempts: number;
  /** First backoff step; each retry doubles it, with jitter. */
  retryBaseMs: number;
};

export const VAST_DEFAULT_BASE_URL = 'https://console.vast.ai';

/** Defaults for what the caller leaves out: the CLI's 120 s timeout is far longer than a sync job wants. */
export function vastConfig(given: Partial<TVastConfig> & { apiKey: string }): TVastConfig {
  return {
    baseUrl: given.baseUrl ?? VAST_DEFAULT_BASE_URL,
    apiKey: given.apiKey,
    timeoutMs: given.timeoutMs ?? 30_000,
    maxAttempts: given.maxAttempts ?? 4,
    // Vast.ai limits by a minimum interval between calls per endpoint; the CLI waits 0.15 s, ×1.5 per retry.
    retryBaseMs: given.retryBaseMs ?? 500,
  };
}
