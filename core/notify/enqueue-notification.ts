import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { type TNotifyJob, ZNotifyJobSchema } from './notify-job.ts';

/**
 * The only way to message someone outside a direct reply. `dedupeKey` makes a retried caller enqueue once:
 * BullMQ ignores a job whose id already exists. The job id also keys the worker's send journal
 * (notification_sends), so a job without a dedupe key gets a random one: BullMQ's own numbers start again
 * at 1 when Redis is emptied and would match journal rows of other messages.
 */
export async function enqueueNotification(
  queue: Queue<TNotifyJob>,
  job: TNotifyJob,
  opts: { dedupeKey?: string } = {},
): Promise<void> {
  const data = ZNotifyJobSchema.parse(job);
  await queue.add('message', data, { ...NOTIFY_JOB_OPTIONS, jobId: opts.dedupeKey ?? `n-${randomUUID()}` });
}

/** Retries for network errors and 5xx; a 429 does not use an attempt (the worker delays the job instead). */
export const NOTIFY_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
