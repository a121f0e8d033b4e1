import type { TGenerationKind } from './generation-rules.ts';

const MINUTE = 60_000;

/**
 * How long a provider may take once it has the job, by kind. Video models queue and render for minutes
 * (Sora, Veo and Kling typically 2–10, longer at peak); a job past this is canceled and the tokens released.
 */
export const POLL_DEADLINE_MS: Record<TGenerationKind, number> = {
  image: 10 * MINUTE,
  video: 45 * MINUTE,
  audio: 15 * MINUTE,
  tool: 10 * MINUTE,
};

/** While the provider answers "rate limited" or is down, submission is retried until this long after acceptance. */
export const SUBMIT_DEADLINE_MS = 30 * MINUTE;

/**
 * The hold must outlive the slowest path to delivery: every submission retry, then the longest poll, then
 * delivery retries. Ledger maintenance releases holds past their time, so a job that died for good gives
 * the tokens back by itself.
 */
export const HOLD_TTL_MS = SUBMIT_DEADLINE_MS + POLL_DEADLINE_MS.video + 60 * MINUTE;

/** Results are reused this long (the spec: 24 h). */
export const CACHE_TTL_MS = 24 * 60 * MINUTE;

/**
 * A worker polls inside one job run for this long, then hands the slot back and comes back as a delayed
 * job: quick images finish in one run, a ten-minute video does not hold a concurrency slot all along.
 */
export const INLINE_POLL_MS = 2 * MINUTE;

/**
 * Poll about every tenth of the time the job has run (a 5-second image is polled within half a second, a
 * 5-minute video every 30 seconds), never more often than twice a second nor less than every 15 seconds.
 */
export function pollIntervalMs(elapsedMs: number): number {
  return Math.min(15_000, Math.max(500, Math.round(elapsedMs / 10)));
}
