import { decodeJobHandle } from '#core/ai/providers/provider-job-handle.ts';
import { recordEvent } from '#core/analytics/record-event.ts';
import type { AiRequest, TaskMaterial, VideoTask } from '#core/db/generated/client.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';

/**
 * The vgen spec's launch log (`task_launch`: time, user, email, task id, task properties), kept because
 * providers forget expired jobs. Each run writes two rows that share `taskid` and `run_id`:
 *
 * - `phase: "accepted"`, in the transaction that inserts the run's ai_requests row: every launch the user
 *   confirmed is logged, also one that never reaches a provider (provider down, rejected), and a launch
 *   exists in the log exactly when the run exists.
 * - `phase: "finished"`, in the transaction that moves the task to succeeded or failed, with the provider,
 *   the provider's job id, the outcome and the charge.
 *
 * Why not one row when the provider takes the job: the provider's id is stored by the generation worker's
 * submission step, which knows nothing of tasks; a hook inside it would tie the generation engine to the
 * studio for one field. The id is durable on ai_requests from the moment it is known, and the finished row
 * carries it to the warehouse; the task's status change makes that row exactly-once (see finishTaskRun).
 */
const PROMPT_LOGGED = 500;

/** The task's options as stored (validated scalars: seconds, aspect), typed for the event's JSON. */
function scalarParams(params: unknown): Record<string, string | number | boolean> {
  const entries = params && typeof params === 'object' ? Object.entries(params) : [];
  return Object.fromEntries(
    entries.filter(
      (entry): entry is [string, string | number | boolean] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number' || typeof entry[1] === 'boolean',
    ),
  );
}

export async function recordRunAccepted(
  tx: TTx,
  input: {
    task: VideoTask;
    run: AiRequest;
    materials: readonly Pick<TaskMaterial, 'kind' | 'fileId'>[];
    regenerate: boolean;
  },
): Promise<void> {
  const { task, run } = input;
  await recordEvent(tx, {
    type: 'task_launch',
    userId: task.userId,
    payload: {
      taskid: task.id.toString(),
      task_properties: {
        phase: 'accepted',
        run_id: run.id.toString(),
        title: task.title,
        model: run.modelId,
        prompt: run.prompt.slice(0, PROMPT_LOGGED),
        params: scalarParams(task.params),
        materials: input.materials.map((m) => ({ kind: m.kind, file_id: m.fileId })),
        price: run.price.toString(),
        regenerate: input.regenerate,
        source: run.source,
        cache_hit: run.cacheHit,
        provider: null,
        provider_task_id: null,
      },
    },
  });
}

export async function recordRunFinished(tx: TTx, input: { task: VideoTask; run: AiRequest }): Promise<void> {
  const { task, run } = input;
  const job = run.providerJobId ? decodeJobHandle(run.providerJobId) : null;
  const tookMs = run.finishedAt && run.createdAt ? run.finishedAt.getTime() - run.createdAt.getTime() : null;
  await recordEvent(tx, {
    type: 'task_launch',
    userId: task.userId,
    payload: {
      taskid: task.id.toString(),
      task_properties: {
        phase: 'finished',
        run_id: run.id.toString(),
        model: run.modelId,
        status: run.status,
        provider: run.provider,
        // The provider's own id (what its dashboard and support know), and which of our keys created it.
        provider_task_id: job?.upstreamId ?? null,
        provider_key: job?.fingerprint ?? null,
        error_code: run.errorCode,
        charged: run.charged.toString(),
        cache_hit: run.cacheHit,
        took_ms: tookMs,
      },
    },
  });
}
