import type {
  AiRequest,
  PrismaClient,
  StoredFile,
  TaskMaterial,
  VideoTask,
  VideoTaskStatus,
} from '#core/db/generated/client.ts';
import { ownedTask } from './owned-task.ts';
import { TASK_RUNS_SHOWN } from './task-rules.ts';
import { taskStatusOf } from './task-status.ts';

export interface TTaskDetails {
  task: VideoTask;
  status: VideoTaskStatus;
  /** In position order; `file` is null once the upload is no longer stored (deleted by hand). */
  materials: (TaskMaterial & { file: StoredFile | null })[];
  /** Newest first; `result` is null until delivered and after the result file expired. */
  runs: (AiRequest & { result: StoredFile | null })[];
}

const isLive = (file: StoredFile | undefined, now: Date): file is StoredFile =>
  file !== undefined && file.deletedAt === null && (file.expiresAt === null || file.expiresAt > now);

/** One task of the user's with its materials and recent runs, and the files behind them that still exist. */
export async function getTask(
  db: PrismaClient,
  input: { userId: bigint; taskId: bigint; now?: Date },
): Promise<TTaskDetails> {
  const now = input.now ?? new Date();
  const task = await ownedTask(db, input);
  const [materials, runs] = await Promise.all([
    db.taskMaterial.findMany({ where: { taskId: task.id }, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
    db.aiRequest.findMany({ where: { taskId: task.id }, orderBy: { id: 'desc' }, take: TASK_RUNS_SHOWN }),
  ]);
  const fileIds = [
    ...materials.map((m) => m.fileId),
    ...runs.flatMap((r) => (r.resultFileId ? [r.resultFileId] : [])),
  ];
  // Only the user's own files: a result id on a row is ours, but nothing here trusts ids blindly.
  const files = await db.storedFile.findMany({ where: { id: { in: fileIds }, userId: input.userId } });
  const byId = new Map(files.map((f) => [f.id, f]));
  const live = (id: string | null) => {
    const file = id ? byId.get(id) : undefined;
    return isLive(file, now) ? file : null;
  };
  return {
    task,
    status: taskStatusOf(runs[0]),
    materials: materials.map((m) => ({ ...m, file: live(m.fileId) })),
    runs: runs.map((r) => ({ ...r, result: live(r.resultFileId) })),
  };
}
