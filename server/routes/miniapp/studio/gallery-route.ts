import type { FastifyInstance } from 'fastify';
import { galleryPage } from '#core/ai/usage/gallery.ts';
import { GALLERY_PAGE_MAX, type TGallery, ZGalleryQuerySchema } from '#server/contracts/studio.ts';
import type { TFileRouteDeps } from '#server/routes/files/file-route-deps.ts';
import { accountOf, pageLimit, parsed } from './request-parts.ts';
import { modelNameOf, toResultFile } from './studio-views.ts';

const GALLERY_PAGE_DEFAULT = 24;

/**
 * GET /api/studio/gallery?kind=&before=&limit=: the user's own delivered results, newest first, each with a
 * signed preview URL and a signed download URL (files are only ever reached through signed URLs).
 */
export function studioGalleryRoute(api: FastifyInstance, deps: TFileRouteDeps) {
  api.get('/api/studio/gallery', async (request): Promise<TGallery> => {
    const account = accountOf(request);
    const query = parsed(ZGalleryQuerySchema, request.query);
    const limit = pageLimit(query.limit, GALLERY_PAGE_DEFAULT, GALLERY_PAGE_MAX);
    const rows = await galleryPage(deps.db, {
      userId: account.id,
      kind: query.kind,
      beforeId: query.before ? BigInt(query.before) : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const now = new Date();
    const last = page.at(-1);
    return {
      items: page.map((item) => ({
        id: item.requestId.toString(),
        kind: item.kind,
        modelId: item.modelId,
        modelName: modelNameOf(item.modelId),
        prompt: item.prompt,
        charged: item.charged.toString(),
        createdAt: item.createdAt.toISOString(),
        file: toResultFile(item.file, deps.fileUrlKey, now),
      })),
      nextBefore: rows.length > limit && last ? last.requestId.toString() : null,
    };
  });
}
