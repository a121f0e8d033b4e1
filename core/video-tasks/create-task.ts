import { findModel } from '#core/ai/models/list-models.ts';
import type { PrismaClient, VideoTask } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { cleanTaskParams, cleanTaskPrompt, cleanTaskTitle, videoRules } from './task-rules.ts';

export interface TCreateTask {
  userId: bigint;
  title: string;
  /** A video model of the catalog (core/ai/model-catalog.ts): the task's "model type". */
  modelId: string;
  prompt?: string;
  /** The model's options (seconds, aspect); defaults filled in. */
  params?: Record<string, unknown>;
}

/**
 * A new task in `draft`, without materials. Refused: an unknown model (MODEL_NOT_FOUND), one that is not a
 * video model or bad parameters (INVALID_INPUT), a model admins switched off (MODEL_UNAVAILABLE).
 */
export async function createTask(db: PrismaClient, input: TCreateTask): Promise<VideoTask> {
  const rules = videoRules(input.modelId);
  const model = await findModel(db, input.modelId);
  if (!model?.enabled) throw new AppError('MODEL_UNAVAILABLE', { modelId: input.modelId });
  return db.videoTask.create({
    data: {
      userId: input.userId,
      title: cleanTaskTitle(input.title),
      modelId: rules.model.id,
      prompt: cleanTaskPrompt(rules, input.prompt ?? ''),
      params: cleanTaskParams(rules, input.params),
    },
  });
}
