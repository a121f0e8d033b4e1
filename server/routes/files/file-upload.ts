import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { aiPlanOf } from '#core/ai/user-tier.ts';
import { AppError, isAppError } from '#core/errors/app-error.ts';
import { FILE_MAX_BYTES, FILE_MAX_MB } from '#core/files/file-limits.ts';
import { fileTypeOf, type TFileType } from '#core/files/file-types.ts';
import { saveFile } from '#core/files/save-file.ts';
import { spoolToTempFile, type TSpooledFile, uploadSpoolDir } from '#core/files/spool-to-temp-file.ts';
import { FILE_NAME_HEADER, type TStoredFileView } from '#server/contracts/files.ts';
import type { TFileRouteDeps } from './file-route-deps.ts';
import { toFileView } from './file-view.ts';

/** A refusal sent before the body was read closes the connection: nobody should push 100 MB into a 413. */
function refuse(reply: FastifyReply, error: AppError): never {
  reply.header('connection', 'close');
  throw error;
}

/** The name (`X-File-Name`, URI-encoded) and type (`Content-Type`), checked before any byte is read. */
function uploadHeaders(request: FastifyRequest, reply: FastifyReply): { name: string; type: TFileType } {
  const raw = request.headers[FILE_NAME_HEADER];
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 1000) throw new AppError('INVALID_INPUT');
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    throw new AppError('INVALID_INPUT');
  }
  if (Number(request.headers['content-length'] ?? 0) > FILE_MAX_BYTES)
    refuse(reply, new AppError('FILE_TOO_LARGE', { limitMb: FILE_MAX_MB }));
  const mimeType = request.headers['content-type'] ?? '';
  const type = fileTypeOf(mimeType);
  if (!type) refuse(reply, new AppError('FILE_TYPE_NOT_ALLOWED', { mimeType }));
  return { name, type };
}

async function spoolBody(request: FastifyRequest, reply: FastifyReply, dir: string): Promise<TSpooledFile> {
  if (!(request.body instanceof Readable))
    throw new AppError('FILE_TYPE_MISMATCH', { mimeType: request.headers['content-type'] ?? '' });
  try {
    return await spoolToTempFile(request.body, { dir });
  } catch (error) {
    if (isAppError(error, 'FILE_TOO_LARGE')) refuse(reply, error);
    // The client went away mid-upload: nobody is left to answer, and it is no server error.
    if (request.raw.destroyed || request.raw.readableAborted) {
      request.log.info({ userId: request.account?.id.toString() }, 'upload aborted');
      throw new AppError('INVALID_INPUT', { reason: 'aborted' });
    }
    throw error;
  }
}

/**
 * POST /api/files: the Mini App's upload (video-task materials, photos for tools). The body is the file
 * itself, streamed to a temporary file and never held in memory, then checked and stored by saveFile.
 * Premium users keep the untouched original of an image next to the compressed copy.
 */
export async function fileUploadRoutes(api: FastifyInstance, deps: TFileRouteDeps) {
  await api.register(async (scope) => {
    // The body is the file's own bytes under the file's own type: no parser may read it, the route streams
    // it. Scoped to this plugin, so JSON routes keep their parsers and their 1 MB limit.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    scope.post(
      '/api/files',
      { bodyLimit: FILE_MAX_BYTES },
      async (request, reply): Promise<TStoredFileView> => {
        const account = request.account;
        if (!account) throw new AppError('UNAUTHORIZED');
        const { name, type } = uploadHeaders(request, reply);
        const spooled = await spoolBody(request, reply, uploadSpoolDir(deps.config.FILES_DIR));
        try {
          const plan = await aiPlanOf(deps.db, account.id);
          const file = await saveFile(
            { db: deps.db, store: deps.fileStore },
            {
              userId: account.id,
              kind: type.kind,
              name,
              mimeType: type.mimeType,
              data: { path: spooled.path },
              keepOriginal: plan.tier === 'premium',
            },
          );
          request.log.info({ fileId: file.id, size: spooled.size, kind: file.kind }, 'file uploaded');
          reply.status(201);
          return toFileView(file, deps.fileUrlKey);
        } finally {
          await spooled.remove();
        }
      },
    );
  });
}
