import type { AiRequestStatus, VideoTaskStatus } from '#core/db/generated/client.ts';

/** Run states the task counts as "in progress": the job is queued or a provider is working on it. */
export const ACTIVE_RUN_STATUSES: readonly AiRequestStatus[] = ['queued', 'running'];

/**
 * A task's status is its latest run's: draft before the first run, running while it is queued or being
 * made, then succeeded or failed (a canceled run counts as failed: it produced nothing and cost nothing).
 * The `video_tasks.status` column mirrors this for lists and the bot; pages derive it from the runs they
 * show, so a late write of the column never shows the user a stale state.
 */
export function taskStatusOf(latestRun: { status: AiRequestStatus } | null | undefined): VideoTaskStatus {
  if (!latestRun) return 'draft';
  if (ACTIVE_RUN_STATUSES.includes(latestRun.status)) return 'running';
  return latestRun.status === 'succeeded' ? 'succeeded' : 'failed';
}
