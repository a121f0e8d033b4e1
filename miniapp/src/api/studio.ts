import { z } from 'zod/mini';
import {
  type TCreateDialog,
  type TDialogMessages,
  type TGallery,
  type TGalleryQuery,
  type TGeneration,
  type TStartGeneration,
  type TStudioDialog,
  type TStudioDialogList,
  type TStudioModels,
  type TUpdateDialog,
  type TUsage,
  ZDialogMessagesSchema,
  ZGallerySchema,
  ZGenerationSchema,
  ZStudioDialogListSchema,
  ZStudioDialogSchema,
  ZStudioModelsSchema,
  ZUsageSchema,
} from '../../../server/contracts/studio.ts';
import type { TApiRequest } from './client.ts';

// The AI studio's API (server/routes/miniapp/studio/). The chat's streamed reply is read by
// studio-chat-stream.ts: it needs fetch's body stream, which the JSON client does not expose.

const dialogPath = (dialogId: string) => `/api/studio/dialogs/${encodeURIComponent(dialogId)}`;

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function getStudioModels(request: TApiRequest): Promise<TStudioModels> {
  return request('/api/studio/models', ZStudioModelsSchema);
}

export function listDialogs(request: TApiRequest): Promise<TStudioDialogList> {
  return request('/api/studio/dialogs', ZStudioDialogListSchema);
}

export function createDialog(request: TApiRequest, body: TCreateDialog): Promise<TStudioDialog> {
  return request('/api/studio/dialogs', ZStudioDialogSchema, { method: 'POST', body });
}

export function updateDialog(
  request: TApiRequest,
  dialogId: string,
  body: TUpdateDialog,
): Promise<TStudioDialog> {
  return request(dialogPath(dialogId), ZStudioDialogSchema, { method: 'PATCH', body });
}

/** 204 without a body. */
export async function deleteDialog(request: TApiRequest, dialogId: string): Promise<void> {
  await request(dialogPath(dialogId), z.undefined(), { method: 'DELETE' });
}

export function activateDialog(request: TApiRequest, dialogId: string): Promise<TStudioDialog> {
  return request(`${dialogPath(dialogId)}/activate`, ZStudioDialogSchema, { method: 'POST' });
}

export function getDialogMessages(
  request: TApiRequest,
  dialogId: string,
  before?: string,
): Promise<TDialogMessages> {
  return request(withQuery(`${dialogPath(dialogId)}/messages`, { before }), ZDialogMessagesSchema);
}

export function getGallery(request: TApiRequest, query: TGalleryQuery): Promise<TGallery> {
  return request(withQuery('/api/studio/gallery', query), ZGallerySchema);
}

export function startGeneration(request: TApiRequest, body: TStartGeneration): Promise<TGeneration> {
  return request('/api/studio/generations', ZGenerationSchema, { method: 'POST', body });
}

export function getGeneration(request: TApiRequest, id: string): Promise<TGeneration> {
  return request(`/api/studio/generations/${encodeURIComponent(id)}`, ZGenerationSchema);
}

export function getUsage(request: TApiRequest, days: number): Promise<TUsage> {
  return request(withQuery('/api/studio/usage', { days: String(days) }), ZUsageSchema);
}
