import type { AiRequest, PrismaClient, VideoTask, VideoTaskStatus } from '#core/db/generated/client.ts';
import { TASK_LIST_MAX } from './task-rules.ts';
import { taskStatusOf } from './task-status.ts';

export interface TTaskSummary {
  task: VideoTask;
  status: VideoTaskStatus;
  lastRun: AiRequest | null;
  materialCount: number;
}

/** The user's live tasks, newest first, each with its latest run and what it holds. */
export async function listTasks(
  db: PrismaClient,
  input: { userId: bigint; limit?: number },
): Promise<TTaskSummary[]> {
  const tasks = await db.videoTask.findMany({
    where: { userId: input.userId, deletedAt: null },
    orderBy: { id: 'desc' },
    take: Math.min(input.limit ?? TASK_LIST_MAX, TASK_LIST_MAX),
    include: {
      runs: { orderBy: { id: 'desc' }, take: 1 },
      _count: { select: { materials: true } },
    },
  });
  return tasks.map(({ runs, _count, ...task }) => {
    const lastRun = runs[0] ?? null;
    return { task, status: taskStatusOf(lastRun), lastRun, materialCount: _count.materials };
  });
}
