import type { Queue } from 'bullmq';
import { z } from 'zod';

export const AI_QUEUE = 'ai';

/** A job carries only the request's id: the row is the truth, so a retried or resumed job reads where it is. */
export const ZAiJobSchema = z.object({ requestId: z.string().regex(/^\d{1,19}$/) });
export type TAiJob = z.infer<typeof ZAiJobSchema>;

/**
 * The request id names the job, so enqueueing the same request twice is a no-op while the job exists.
 * BullMQ refuses custom ids that are plain integers, hence the prefix.
 */
export const aiJobId = (requestId: bigint) => `ai-${requestId}`;

/**
 * Attempts cover what is not the provider's answer (a database or Telegram outage): provider rate limits
 * and long polls wait as delayed jobs without using an attempt.
 */
export const AI_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

export async function enqueueGeneration(queue: Queue<TAiJob>, requestId: bigint): Promise<void> {
  await queue.add(
    'generate',
    { requestId: requestId.toString() },
    { ...AI_JOB_OPTIONS, jobId: aiJobId(requestId) },
  );
}
