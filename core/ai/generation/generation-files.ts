import { findCatalogModel } from '#core/ai/model-catalog.ts';
import type { TBinaryOutput } from '#core/ai/providers/provider-types.ts';
import { aiPlanOf } from '#core/ai/user-tier.ts';
import type { AiRequest, PrismaClient, StoredFile } from '#core/db/generated/client.ts';
import { isAppError } from '#core/errors/app-error.ts';
import type { TFileStore } from '#core/files/file-store.ts';
import { readFile } from '#core/files/read-file.ts';
import { saveFile } from '#core/files/save-file.ts';
import type { Logger } from '#core/logging/logger.ts';
import { countCacheHit, findCachedResult } from './generation-cache.ts';
import { resultFileKind, resultFileName } from './generation-output.ts';
import { checkOutputKind } from './output-kind.ts';
import { toProviderParams } from './provider-params.ts';

interface TFilesDeps {
  db: PrismaClient;
  store: TFileStore;
  logger: Logger;
}

type TParamValue = string | number | boolean;

/** The row's params hold the model's options and, under `inputFileIds`, the files to work on. */
function splitParams(request: AiRequest): { options: Record<string, TParamValue>; inputFileIds: string[] } {
  const raw = (request.params ?? {}) as Record<string, unknown>;
  const options: Record<string, TParamValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'inputFileIds') continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      options[key] = value;
  }
  const ids = Array.isArray(raw.inputFileIds) ? raw.inputFileIds.filter((v) => typeof v === 'string') : [];
  return { options, inputFileIds: ids };
}

export const providerParams = (request: AiRequest) =>
  toProviderParams(request.kind, splitParams(request).options);

export async function providerInputs(deps: TFilesDeps, request: AiRequest) {
  const ids = splitParams(request).inputFileIds;
  if (ids.length === 0) return undefined;
  return Promise.all(
    ids.map(async (fileId) => {
      const read = await readFile(deps, { fileId, userId: request.userId });
      // The role names the provider's input (`image`, `video`, `audio`): video-task materials are all three.
      return { bytes: read.data, mimeType: read.mimeType, name: read.file.name, role: read.file.kind };
    }),
  );
}

/**
 * Stores a result as the user's file (images resized and re-encoded by core/files; the untouched original
 * kept for premium users, who pay for full resolution).
 */
export async function saveResult(
  deps: TFilesDeps,
  request: AiRequest,
  output: TBinaryOutput,
): Promise<StoredFile> {
  const plan = await aiPlanOf(deps.db, request.userId);
  return saveFile(
    { db: deps.db, store: deps.store },
    {
      userId: request.userId,
      kind: resultFileKind(output.mimeType),
      name: resultFileName(request.modelId, request.id, output.mimeType),
      mimeType: output.mimeType,
      data: output.bytes,
      keepOriginal: plan.tier === 'premium',
    },
  );
}

/**
 * A cache hit gets its own copy of the cached file: the result is the user's (their gallery, their expiry),
 * even when another user's request produced it. When the entry or its file is gone by now, or the file is
 * not the kind the model sells (cached before outputs were checked), the request goes to the provider like
 * any other.
 */
export async function serveFromCache(deps: TFilesDeps, request: AiRequest): Promise<AiRequest> {
  const entry = request.cacheKey ? await findCachedResult(deps.db, request.cacheKey) : null;
  const source = entry?.resultFileId
    ? await readFile(deps, { fileId: entry.resultFileId }).catch((error: unknown) => {
        if (isAppError(error, 'NOT_FOUND')) return null;
        throw error;
      })
    : null;
  const asked = findCatalogModel(request.modelId)?.output;
  const unfit =
    source && asked && !checkOutputKind(asked, { bytes: source.data, mimeType: source.mimeType }).ok;
  if (!entry || !source || unfit) {
    return deps.db.aiRequest.update({ where: { id: request.id }, data: { cacheHit: false } });
  }
  const copy = await saveResult(deps, request, { bytes: source.data, mimeType: source.mimeType });
  await countCacheHit(deps.db, entry.key);
  deps.logger.info({ requestId: request.id.toString(), cacheKey: entry.key }, 'served from cache');
  return deps.db.aiRequest.update({
    where: { id: request.id },
    data: { resultFileId: copy.id, startedAt: new Date(), progress: 100 },
  });
}
