import type { Queue } from 'bullmq';
import type { PrismaClient } from '#core/db/generated/client.ts';
import type { Translator } from '#core/i18n/translator.ts';
import { enqueueNotification } from '#core/notify/enqueue-notification.ts';
import type { TNotifyJob } from '#core/notify/notify-job.ts';
import { recordRunFinished } from './task-launch-event.ts';
import { type TNoticeLinks, taskRunNotice } from './task-run-notice.ts';
import { ACTIVE_RUN_STATUSES, taskStatusOf } from './task-status.ts';

export interface TFinishTaskRunDeps {
  db: PrismaClient;
  notifyQueue: Queue<TNotifyJob>;
  translator: Translator;
  links: TNoticeLinks;
}

/** The run's time is the app's clock, the event's the database's: a margin keeps skew from hiding a row. */
const CLOCK_MARGIN_MS = 60 * 60 * 1000;

export type TFinishOutcome = 'not_a_task_run' | 'not_final' | 'finished';

/**
 * What a video task does when one of its runs reached its end (the `ai` worker calls it after every final
 * generation; other requests return at once). In one transaction: the task's status follows the run if it
 * is still the task's latest, and the launch log gets its `finished` row with the provider's job id. Then
 * the user hears about it in the bot, with the task's name.
 *
 * Safe to call any number of times: the run's row lock and a look for its `finished` row (within the
 * task_launch events written since the run began, on the events' (type, created_at) index) write the row
 * once; the notification's dedupe key sends the message once. Task runs come from the Mini App without a
 * chat, so the generation worker's own Telegram delivery stays silent for them: no double message.
 */
export async function finishTaskRun(deps: TFinishTaskRunDeps, requestId: bigint): Promise<TFinishOutcome> {
  // Most generations are not task runs: one indexed read, no transaction, for them.
  const owner = await deps.db.aiRequest.findUnique({ where: { id: requestId }, select: { taskId: true } });
  if (!owner?.taskId) return 'not_a_task_run';
  const outcome = await deps.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM ai_requests WHERE id = ${requestId} FOR UPDATE`;
    const run = await tx.aiRequest.findUnique({ where: { id: requestId } });
    if (!run?.taskId) return { kind: 'not_a_task_run' as const };
    if (ACTIVE_RUN_STATUSES.includes(run.status)) return { kind: 'not_final' as const };
    const task = await tx.videoTask.findUniqueOrThrow({ where: { id: run.taskId } });
    const latest = await tx.aiRequest.findFirst({
      where: { taskId: task.id },
      orderBy: { id: 'desc' },
      select: { id: true },
    });
    if (latest?.id === run.id)
      await tx.videoTask.update({ where: { id: task.id }, data: { status: taskStatusOf(run) } });
    const [logged] = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM analytics_events
      WHERE type = 'task_launch' AND created_at >= ${new Date(run.createdAt.getTime() - CLOCK_MARGIN_MS)}
        AND payload->>'taskid' = ${task.id.toString()}
        AND payload->'task_properties'->>'run_id' = ${run.id.toString()}
        AND payload->'task_properties'->>'phase' = 'finished'`;
    if (!logged?.n) await recordRunFinished(tx, { task, run });
    return { kind: 'finished' as const, task, run };
  });
  if (outcome.kind !== 'finished') return outcome.kind;
  const { task, run } = outcome;
  // A task deleted while its run was going: the run ends quietly, the tokens settle as for any request.
  if (task.deletedAt) return 'finished';
  const result = run.resultFileId
    ? await deps.db.storedFile.findFirst({
        where: { id: run.resultFileId, userId: run.userId, deletedAt: null },
      })
    : null;
  await enqueueNotification(deps.notifyQueue, taskRunNotice(deps, { task, run, result }), {
    dedupeKey: `task-run-${run.id}`,
  });
  return 'finished';
}
