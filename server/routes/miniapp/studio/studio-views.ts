import type { TDialogSummary } from '#core/ai/dialogs/list-dialogs.ts';
import { FAILURE_KEYS } from '#core/ai/generation/status-text.ts';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import type { AiRequest, DialogMessage, StoredFile } from '#core/db/generated/client.ts';
import { signFileUrl } from '#core/files/signed-url.ts';
import type { TLang, Translator } from '#core/i18n/translator.ts';
import type {
  TDialogMessage,
  TGeneration,
  TResultFile,
  TStudioDialog,
  TStudioKind,
} from '#server/contracts/studio.ts';
import { toFileView } from '#server/routes/files/file-view.ts';

/** Brand names as the catalog writes them; a retired model keeps its id as its name. */
export const modelNameOf = (modelId: string) => findCatalogModel(modelId)?.displayName ?? modelId;

export function toDialogView(summary: TDialogSummary, price: bigint): TStudioDialog {
  const { dialog } = summary;
  return {
    id: dialog.id.toString(),
    title: dialog.title,
    modelId: dialog.modelId,
    modelName: modelNameOf(dialog.modelId),
    price: price.toString(),
    systemPrompt: dialog.systemPrompt,
    historyEnabled: dialog.historyEnabled,
    messageCount: summary.messageCount,
    active: summary.active,
    updatedAt: dialog.updatedAt.toISOString(),
  };
}

export function toMessageView(message: DialogMessage): TDialogMessage {
  return {
    id: message.id.toString(),
    // System messages are never listed (dialogMessages filters them); the contract has two roles.
    role: message.role === 'user' ? 'user' : 'assistant',
    content: message.content,
    tokensUsed: message.tokensUsed.toString(),
    createdAt: message.createdAt.toISOString(),
  };
}

/** A result file with a preview URL and a download URL, both valid for FILE_URL_TTL_MS from `now`. */
export function toResultFile(file: StoredFile, urlKey: Buffer, now = new Date()): TResultFile {
  const view = toFileView(file, urlKey, now);
  const expiresAt = new Date(view.urlExpiresAt);
  return { ...view, downloadUrl: signFileUrl(urlKey, { fileId: file.id, expiresAt, download: true }) };
}

/** Failure messages are the bot's (generate-failed-*): each says that nothing was charged. */
function failureMessage(request: AiRequest, translator: Translator, lang: TLang): string | null {
  if (request.status !== 'failed' && request.status !== 'canceled') return null;
  const code = request.errorCode as keyof typeof FAILURE_KEYS | null;
  const key = (code && FAILURE_KEYS[code]) || FAILURE_KEYS.internal;
  return translator.t(lang, key, { model: modelNameOf(request.modelId) });
}

export function toGenerationView(
  request: AiRequest,
  result: { file: StoredFile | null; urlKey: Buffer },
  i18n: { translator: Translator; lang: TLang },
): TGeneration {
  return {
    id: request.id.toString(),
    kind: request.kind as TStudioKind,
    modelId: request.modelId,
    modelName: modelNameOf(request.modelId),
    prompt: request.prompt,
    status: request.status,
    progress: request.progress,
    price: request.price.toString(),
    charged: request.charged.toString(),
    errorCode: request.errorCode,
    failureMessage: failureMessage(request, i18n.translator, i18n.lang),
    createdAt: request.createdAt.toISOString(),
    finishedAt: request.finishedAt?.toISOString() ?? null,
    result: result.file ? toResultFile(result.file, result.urlKey) : null,
  };
}
