import { isGenerationKind } from '#core/ai/generation/generation-rules.ts';
import type { AiRequest, PrismaClient, StoredFile } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { findLiveFile } from '#core/files/read-file.ts';

/**
 * One of the user's generation requests (image, video, audio, tool) with its result file once stored and
 * still there. Someone else's request, a chat reply and an unknown id are all NOT_FOUND: ids are sequential
 * and must not tell what other people asked for.
 */
export async function ownGeneration(
  db: PrismaClient,
  input: { userId: bigint; requestId: bigint },
): Promise<{ request: AiRequest; file: StoredFile | null }> {
  const request = await db.aiRequest.findFirst({ where: { id: input.requestId, userId: input.userId } });
  if (!request || !isGenerationKind(request.kind))
    throw new AppError('NOT_FOUND', { requestId: input.requestId.toString() });
  // The file is shown only once the request succeeded: before that it may exist (stored, not yet charged).
  if (request.status !== 'succeeded' || !request.resultFileId) return { request, file: null };
  const file = await findLiveFile(db, { fileId: request.resultFileId, userId: input.userId }).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    },
  );
  return { request, file };
}
