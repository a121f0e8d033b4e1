import type { StoredFile } from '#core/db/generated/client.ts';
import { FILE_URL_TTL_MS, signFileUrl } from '#core/files/signed-url.ts';
import type { TStoredFileView } from '#server/contracts/files.ts';

/** A stored file as the Mini App sees it, with a URL valid for FILE_URL_TTL_MS from `now`. */
export function toFileView(file: StoredFile, urlKey: Buffer, now = new Date()): TStoredFileView {
  const urlExpiresAt = new Date(now.getTime() + FILE_URL_TTL_MS);
  return {
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    kind: file.kind,
    size: Number(file.size),
    width: file.width,
    height: file.height,
    hasOriginal: file.originalKey !== null,
    createdAt: file.createdAt.toISOString(),
    expiresAt: file.expiresAt?.toISOString() ?? null,
    url: signFileUrl(urlKey, { fileId: file.id, expiresAt: urlExpiresAt }),
    urlExpiresAt: urlExpiresAt.toISOString(),
  };
}
