import type { Queue } from 'bullmq';
import type { PrismaClient } from '#core/db/generated/client.ts';
import { release } from '#core/ledger/holds.ts';
import { aiJobId, enqueueGeneration, type TAiJob } from './generation-job.ts';
import { HOLD_TTL_MS } from './generation-timing.ts';

/** A request younger than this may still be on its way into the queue (accepted a moment ago). */
const GRACE_MS = 2 * 60_000;
/** Re-enqueued only while its hold can still be captured; older ones cannot be finished and are settled. */
const RESUMABLE_MS = HOLD_TTL_MS - 30 * 60_000;
const BATCH = 2_000;
/**
 * Chat replies, transcriptions and speech run inside the app process and finish within minutes (their own
 * deadlines are shorter); one still `running` after this died with its process.
 */
const IN_PROCESS_DEAD_MS = 15 * 60_000;

export interface TRecovered {
  /** Requests whose job was gone from Redis and was enqueued again (the run resumes from the row). */
  requeued: bigint[];
  /** Requests that cannot finish any more (too old, or their process died): failed, tokens released. */
  abandoned: bigint[];
}

/**
 * The row is the truth and the job only a pointer to it, so a job lost with Redis's data (a failover, a
 * flush) must not leave a request "working" forever with its tokens held. Requests still in progress whose
 * job no longer exists are enqueued again — the run resumes from the row, polling the provider job it had
 * submitted, so nothing is paid twice — or, past the time their hold lives, failed, released and handed to
 * a job again that only announces the failure (announce-outcome.ts). Requests
 * that ran inside a process that died (a chat reply at a kill -9) are failed and released the same way.
 */
export async function recoverLostGenerations(
  deps: { db: PrismaClient; queue: Queue<TAiJob> },
  now = new Date(),
): Promise<TRecovered> {
  const stuck = await deps.db.aiRequest.findMany({
    where: {
      status: { in: ['queued', 'running'] },
      createdAt: { lt: new Date(now.getTime() - GRACE_MS) },
    },
    select: { id: true, holdKey: true, createdAt: true, deliveredAt: true },
    orderBy: { id: 'asc' },
    take: BATCH,
  });
  const recovered: TRecovered = { requeued: [], abandoned: [] };
  const age = (request: { createdAt: Date }) => now.getTime() - request.createdAt.getTime();
  for (const request of stuck) {
    // Queue jobs hold `ai:<request id>` (accept-generation.ts); everything else ran in a process.
    const queued = request.holdKey === `ai:${request.id}`;
    if (queued) {
      if (await deps.queue.getJob(aiJobId(request.id))) continue;
      // A delivered result only needs settling, however old: the worker charges what its hold still allows.
      if (age(request) < RESUMABLE_MS || request.deliveredAt) {
        await enqueueGeneration(deps.queue, request.id);
        recovered.requeued.push(request.id);
        continue;
      }
    } else if (age(request) < IN_PROCESS_DEAD_MS) continue;
    const failed = await deps.db.aiRequest.updateMany({
      where: { id: request.id, status: { in: ['queued', 'running'] } },
      data: {
        status: 'failed',
        errorCode: 'lost',
        errorMessage: 'its job or process was lost',
        finishedAt: now,
      },
    });
    if (failed.count === 0) continue;
    if (request.holdKey) await release(deps.db, request.holdKey);
    // A job again, only to announce it: the status message says it failed, the user is told (once).
    if (queued) await enqueueGeneration(deps.queue, request.id);
    recovered.abandoned.push(request.id);
  }
  return recovered;
}
