import { findCatalogModel } from '#core/ai/model-catalog.ts';
import type { AiRequest, StoredFile, VideoTask, VideoTaskStatus } from '#core/db/generated/client.ts';
import { FILE_URL_TTL_MS, signFileUrl } from '#core/files/signed-url.ts';
import type { TTaskDetails as TDomainDetails } from '#core/video-tasks/get-task.ts';
import type { TTaskSummary as TDomainSummary } from '#core/video-tasks/list-tasks.ts';
import { MATERIAL_LIMITS } from '#core/video-tasks/task-rules.ts';
import type { TTaskDetails, TTaskFile, TTaskRun, TTaskSummary } from '#server/contracts/tasks.ts';

const modelName = (modelId: string) => findCatalogModel(modelId)?.displayName ?? modelId;

/** Signed for an hour: the page asks for the task again (it polls while a run is active) long before that. */
export function toTaskFile(file: StoredFile, urlKey: Buffer, now: Date): TTaskFile {
  const expiresAt = new Date(now.getTime() + FILE_URL_TTL_MS);
  return {
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    size: Number(file.size),
    url: signFileUrl(urlKey, { fileId: file.id, expiresAt }),
    downloadUrl: signFileUrl(urlKey, { fileId: file.id, expiresAt, download: true }),
    urlExpiresAt: expiresAt.toISOString(),
  };
}

function taskCore(task: VideoTask, status: VideoTaskStatus) {
  return {
    id: task.id.toString(),
    title: task.title,
    modelId: task.modelId,
    modelName: modelName(task.modelId),
    status,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
  };
}

export function toTaskRun(run: AiRequest, result: StoredFile | null, urlKey: Buffer, now: Date): TTaskRun {
  return {
    id: run.id.toString(),
    status: run.status,
    progress: run.progress,
    price: run.price.toString(),
    charged: run.charged.toString(),
    errorCode: run.errorCode,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    result: result ? toTaskFile(result, urlKey, now) : null,
  };
}

export function toTaskSummary(summary: TDomainSummary): TTaskSummary {
  const { lastRun } = summary;
  return {
    ...taskCore(summary.task, summary.status),
    materialCount: summary.materialCount,
    lastRun: lastRun
      ? { id: lastRun.id.toString(), status: lastRun.status, progress: lastRun.progress }
      : null,
  };
}

export function toTaskDetails(details: TDomainDetails, urlKey: Buffer, now = new Date()): TTaskDetails {
  const { task } = details;
  const params = (task.params ?? {}) as Record<string, string | number | boolean>;
  return {
    task: { ...taskCore(task, details.status), prompt: task.prompt, params },
    materials: details.materials.map((m) => ({
      id: m.id.toString(),
      kind: m.kind,
      position: m.position,
      file: m.file ? toTaskFile(m.file, urlKey, now) : null,
    })),
    runs: details.runs.map((run) => toTaskRun(run, run.result, urlKey, now)),
    limits: { ...MATERIAL_LIMITS },
  };
}
