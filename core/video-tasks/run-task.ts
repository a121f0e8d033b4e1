import { acceptGeneration, type TAcceptDeps } from '#core/ai/generation/accept-generation.ts';
import { findModel } from '#core/ai/models/list-models.ts';
import type { AiRequest, AiRequestSource } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { Redis } from '#core/redis/create-redis.ts';
import { ownedTask } from './owned-task.ts';
import { takeRunLock } from './run-lock.ts';
import { syncTaskStatus } from './sync-task-status.ts';
import { recordRunAccepted } from './task-launch-event.ts';
import { videoRules } from './task-rules.ts';
import { ACTIVE_RUN_STATUSES } from './task-status.ts';

/** Acceptance's dependencies, and Redis for the task's run lock. */
export type TRunTaskDeps = TAcceptDeps & { redis: Redis; keyPrefix: string };

export interface TRunTask {
  userId: bigint;
  taskId: bigint;
  /** Language of the bot message that tells the user how the run ended. */
  language: 'en' | 'ru';
  source?: AiRequestSource;
  /** The price the user confirmed (quoteTask); a different live price is TASK_PRICE_CHANGED `{ price }`. */
  expectedPrice?: bigint;
  now?: Date;
}

export interface TTaskRun {
  run: AiRequest;
  /** A later run of a task that ran before: it skips the result cache, the user wants a new result. */
  regenerate: boolean;
}

/**
 * Starts a run of the task as it stands: its prompt, parameters and materials go to the generation engine
 * as one `ai` job carrying the task's id, so a regenerate is simply another run of the same stored inputs,
 * nothing uploaded again. The price is reserved now and captured when the video is delivered; a failure
 * releases it (core/ai/generation). The run's row, the task's `running` status and the launch log's
 * `accepted` row are written in one transaction.
 *
 * Refused before anything is reserved: NOT_FOUND, TASK_PROMPT_REQUIRED, TASK_MATERIAL_MISSING,
 * MODEL_UNAVAILABLE, TASK_PRICE_CHANGED, TASK_RUN_ACTIVE; then whatever acceptGeneration refuses
 * (INSUFFICIENT_FUNDS, RATE_LIMITED …).
 */
export async function runTask(deps: TRunTaskDeps, input: TRunTask): Promise<TTaskRun> {
  const { db } = deps;
  const now = input.now ?? new Date();
  const task = await ownedTask(db, input);
  // Still a video model of the catalog (a retired id would be MODEL_NOT_FOUND here, not deep in the engine).
  videoRules(task.modelId);
  if (task.prompt.trim() === '') throw new AppError('TASK_PROMPT_REQUIRED');
  const model = await findModel(db, task.modelId);
  if (!model?.enabled || !deps.ai.serves(task.modelId))
    throw new AppError('MODEL_UNAVAILABLE', { modelId: task.modelId });
  if (input.expectedPrice !== undefined && input.expectedPrice !== model.tokenPrice)
    throw new AppError('TASK_PRICE_CHANGED', { price: model.tokenPrice.toString() });

  const materials = await db.taskMaterial.findMany({
    where: { taskId: task.id },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
  });
  const fileIds = [...new Set(materials.map((m) => m.fileId))];
  const stored = await db.storedFile.count({
    where: {
      id: { in: fileIds },
      userId: input.userId,
      deletedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    },
  });
  if (stored !== fileIds.length) throw new AppError('TASK_MATERIAL_MISSING');

  const lock = await takeRunLock(deps.redis, deps.keyPrefix, task.id);
  if (!lock) throw new AppError('TASK_RUN_ACTIVE');
  try {
    const [active, earlier] = await Promise.all([
      db.aiRequest.count({ where: { taskId: task.id, status: { in: [...ACTIVE_RUN_STATUSES] } } }),
      db.aiRequest.count({ where: { taskId: task.id } }),
    ]);
    if (active > 0) throw new AppError('TASK_RUN_ACTIVE');
    const regenerate = earlier > 0;
    const { request } = await acceptGeneration(deps, {
      userId: input.userId,
      modelId: task.modelId,
      source: input.source ?? 'miniapp',
      prompt: task.prompt,
      params: task.params as Record<string, unknown>,
      materialFileIds: materials.map((m) => m.fileId),
      taskId: task.id,
      language: input.language,
      fresh: regenerate,
      now,
      onAccepted: async (tx, run) => {
        await tx.videoTask.update({ where: { id: task.id }, data: { status: 'running' } });
        await recordRunAccepted(tx, { task, run, materials, regenerate });
      },
    });
    return { run: request, regenerate };
  } catch (error) {
    // A run whose job could not be queued is already marked failed; the task must not stay "running".
    if (!(error instanceof AppError && error.code === 'TASK_RUN_ACTIVE')) await syncTaskStatus(db, task.id);
    throw error;
  } finally {
    await lock.release();
  }
}
