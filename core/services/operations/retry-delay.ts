/**
 * Exponential backoff between attempts, capped at ten minutes: a provider back after an hour's outage is
 * noticed within ten minutes, and a long outage costs one call per row every ten minutes.
 */
export function retryDelayMs(attempts: number, baseMs = 5_000, capMs = 10 * 60_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
}
