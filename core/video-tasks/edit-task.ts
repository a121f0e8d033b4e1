import type { PrismaClient, VideoTask } from '#core/db/generated/client.ts';
import { ownedTask } from './owned-task.ts';
import { cleanTaskParams, cleanTaskPrompt, cleanTaskTitle, videoRules } from './task-rules.ts';

export interface TEditTask {
  userId: bigint;
  taskId: bigint;
  title?: string;
  prompt?: string;
  /** Replaces the parameters as a whole (defaults filled in again), not key by key. */
  params?: Record<string, unknown>;
}

/**
 * Changes what the next run will do. A run in progress is not affected: its job works from the prompt,
 * parameters and files recorded on its own ai_requests row.
 */
export async function editTask(db: PrismaClient, input: TEditTask): Promise<VideoTask> {
  const task = await ownedTask(db, input);
  const rules = videoRules(task.modelId);
  return db.videoTask.update({
    where: { id: task.id },
    data: {
      ...(input.title !== undefined && { title: cleanTaskTitle(input.title) }),
      ...(input.prompt !== undefined && { prompt: cleanTaskPrompt(rules, input.prompt) }),
      ...(input.params !== undefined && { params: cleanTaskParams(rules, input.params) }),
    },
  });
}
