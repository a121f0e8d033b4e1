import { z } from 'zod/mini';
import {
  type TAddMaterial,
  type TCreateTask,
  type TEditTask,
  type TStartedRun,
  type TTaskDetails,
  type TTaskList,
  type TTaskModels,
  type TTaskQuote,
  ZStartedRunSchema,
  ZTaskDetailsSchema,
  ZTaskListSchema,
  ZTaskModelsSchema,
  ZTaskQuoteSchema,
} from '../../../server/contracts/tasks.ts';
import type { TApiRequest } from './client.ts';

const taskPath = (taskId: string) => `/api/tasks/${encodeURIComponent(taskId)}`;

export function getTaskModels(request: TApiRequest): Promise<TTaskModels> {
  return request('/api/tasks/models', ZTaskModelsSchema);
}

export function listTasks(request: TApiRequest): Promise<TTaskList> {
  return request('/api/tasks', ZTaskListSchema);
}

export function createTask(request: TApiRequest, body: TCreateTask): Promise<TTaskDetails> {
  return request('/api/tasks', ZTaskDetailsSchema, { method: 'POST', body });
}

export function getTask(request: TApiRequest, taskId: string): Promise<TTaskDetails> {
  return request(taskPath(taskId), ZTaskDetailsSchema);
}

export function editTask(request: TApiRequest, taskId: string, body: TEditTask): Promise<TTaskDetails> {
  return request(taskPath(taskId), ZTaskDetailsSchema, { method: 'PATCH', body });
}

/** 204 without a body. */
export async function deleteTask(request: TApiRequest, taskId: string): Promise<void> {
  await request(taskPath(taskId), z.undefined(), { method: 'DELETE' });
}

export function addMaterial(request: TApiRequest, taskId: string, body: TAddMaterial): Promise<TTaskDetails> {
  return request(`${taskPath(taskId)}/materials`, ZTaskDetailsSchema, { method: 'POST', body });
}

export function replaceMaterial(
  request: TApiRequest,
  taskId: string,
  materialId: string,
  fileId: string,
): Promise<TTaskDetails> {
  return request(`${taskPath(taskId)}/materials/${encodeURIComponent(materialId)}`, ZTaskDetailsSchema, {
    method: 'PUT',
    body: { fileId },
  });
}

export function removeMaterial(
  request: TApiRequest,
  taskId: string,
  materialId: string,
): Promise<TTaskDetails> {
  return request(`${taskPath(taskId)}/materials/${encodeURIComponent(materialId)}`, ZTaskDetailsSchema, {
    method: 'DELETE',
  });
}

export function getTaskQuote(request: TApiRequest, taskId: string): Promise<TTaskQuote> {
  return request(`${taskPath(taskId)}/quote`, ZTaskQuoteSchema);
}

/** Runs the task, or regenerates it; `expectedPrice` is the price the user confirmed. */
export function startRun(request: TApiRequest, taskId: string, expectedPrice: string): Promise<TStartedRun> {
  return request(`${taskPath(taskId)}/runs`, ZStartedRunSchema, { method: 'POST', body: { expectedPrice } });
}
