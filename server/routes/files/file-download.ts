import type { FastifyInstance } from 'fastify';
import { AppError } from '#core/errors/app-error.ts';
import { findLiveFile, variantOf } from '#core/files/read-file.ts';
import { verifyFileUrl } from '#core/files/signed-url.ts';
import { ZFileDownloadQuerySchema, ZFileIdSchema } from '#server/contracts/files.ts';
import { parseByteRange } from './byte-range.ts';
import { contentDisposition } from './content-disposition.ts';
import type { TFileRouteDeps } from './file-route-deps.ts';

// Whatever a file holds (an SVG with a script, an HTML page named .txt), opened directly it runs nothing.
const SANDBOX_CSP =
  "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";

/**
 * GET /files/:id?exp&sig[&download][&original]: file bytes through a signed, expiring URL only, with no
 * initData, because `<img>`, `<video>` and download links cannot send headers. A bad or expired
 * signature is 403 before the database is asked anything; a deleted or expired file is 404. Byte ranges
 * are served for the stored copy so a video can seek.
 */
export function fileDownloadRoutes(app: FastifyInstance, deps: TFileRouteDeps) {
  app.get<{ Params: { id: string } }>('/files/:id', async (request, reply) => {
    const query = ZFileDownloadQuerySchema.safeParse(request.query);
    if (!query.success) throw new AppError('FILE_URL_INVALID');
    const fileId = request.params.id;
    const download = query.data.download === '1';
    const original = query.data.original === '1';
    const exp = Number(query.data.exp);
    const check = verifyFileUrl(deps.fileUrlKey, { fileId, exp, download, original, sig: query.data.sig });
    if (!check.ok) throw new AppError('FILE_URL_INVALID', { reason: check.reason });
    if (!ZFileIdSchema.safeParse(fileId).success) throw new AppError('NOT_FOUND');

    const file = await findLiveFile(deps.db, { fileId });
    const { key, mimeType, name } = variantOf(file, original);
    const size = Number(file.size);
    // The original's size is not recorded, so it is sent whole, without a length up front.
    const range = original ? null : parseByteRange(request.headers.range, size);
    if (range === 'unsatisfiable') {
      return reply.status(416).header('content-range', `bytes */${size}`).send();
    }
    const stream = await deps.fileStore.stream(key, range ?? undefined);
    reply.headers({
      'content-type': mimeType,
      'content-disposition': contentDisposition(name, download),
      'cache-control': `private, max-age=${Math.max(0, exp - Math.floor(Date.now() / 1000))}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': SANDBOX_CSP,
    });
    if (!original) {
      reply.header('accept-ranges', 'bytes').header('etag', `"${file.sha256}"`);
      if (range) {
        reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`);
        reply.header('content-length', range.end - range.start + 1);
      } else reply.header('content-length', size);
    }
    return reply.send(stream);
  });
}
