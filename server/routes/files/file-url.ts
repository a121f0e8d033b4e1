import type { FastifyInstance } from 'fastify';
import { AppError } from '#core/errors/app-error.ts';
import { findLiveFile, variantOf } from '#core/files/read-file.ts';
import { FILE_URL_TTL_MS, signFileUrl } from '#core/files/signed-url.ts';
import { type TFileUrlView, ZFileIdSchema, ZFileUrlQuerySchema } from '#server/contracts/files.ts';
import type { TFileRouteDeps } from './file-route-deps.ts';

/** GET /api/files/:id/url: a fresh signed URL for the file's owner; anyone else's file is "not found". */
export function fileUrlRoutes(api: FastifyInstance, deps: TFileRouteDeps) {
  api.get<{ Params: { id: string } }>('/api/files/:id/url', async (request): Promise<TFileUrlView> => {
    const account = request.account;
    if (!account) throw new AppError('UNAUTHORIZED');
    const query = ZFileUrlQuerySchema.safeParse(request.query);
    if (!query.success) throw new AppError('INVALID_INPUT');
    if (!ZFileIdSchema.safeParse(request.params.id).success) throw new AppError('NOT_FOUND');
    const file = await findLiveFile(deps.db, { fileId: request.params.id, userId: account.id });
    const original = query.data.original === '1';
    variantOf(file, original);
    const expiresAt = new Date(Date.now() + FILE_URL_TTL_MS);
    const url = signFileUrl(deps.fileUrlKey, {
      fileId: file.id,
      expiresAt,
      download: query.data.download === '1',
      original,
    });
    return { url, expiresAt: expiresAt.toISOString() };
  });
}
