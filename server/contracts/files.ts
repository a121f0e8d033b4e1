import { z } from 'zod/mini';
import { FILE_MAX_BYTES } from '#core/files/file-limits.ts';

// Shared by server/routes/files/ and the Mini App's upload and gallery code.
//
// Upload: `POST /api/files` with `Authorization: tma <initData>`, the file's bytes as the body (not JSON,
// not multipart: `xhr.send(file)` streams it and `xhr.upload.onprogress` reports progress), its type in
// `Content-Type` and its name, URI-encoded, in `X-File-Name`. 201 with a TStoredFileView; 413 over
// FILE_MAX_BYTES (check `file.size` first to spare the user the wait), 415 for a type that is not taken.
// Show a file with its `url`; when that URL has expired, `GET /api/files/:id/url` gives a fresh one.

export { FILE_MAX_BYTES };
export const FILE_NAME_HEADER = 'x-file-name';

export const ZFileIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/));

export const ZFileKindSchema = z.enum(['image', 'video', 'audio', 'document', 'temp']);
export type TFileKind = z.infer<typeof ZFileKindSchema>;

export const ZStoredFileViewSchema = z.object({
  id: ZFileIdSchema,
  /** A `.png` upload is stored as a JPEG and renamed `….jpg`. */
  name: z.string(),
  mimeType: z.string(),
  kind: ZFileKindSchema,
  /** Bytes of the stored copy (at most 100 MB, so a JSON number is exact). */
  size: z.number(),
  width: z.nullable(z.number()),
  height: z.nullable(z.number()),
  /** Whether the untouched original is kept too (premium): ask for it with `?original=1`. */
  hasOriginal: z.boolean(),
  createdAt: z.string(),
  /** When the file is deleted; null for files kept until deleted. */
  expiresAt: z.nullable(z.string()),
  /** A signed, relative URL (`/files/<id>?exp=…&sig=…`) for `<img>`, `<video>`, `<audio>`. */
  url: z.string(),
  urlExpiresAt: z.string(),
});
export type TStoredFileView = z.infer<typeof ZStoredFileViewSchema>;

/** `GET /api/files/:id/url?download=1&original=1` (both optional). */
export const ZFileUrlQuerySchema = z.object({
  download: z.optional(z.enum(['0', '1'])),
  original: z.optional(z.enum(['0', '1'])),
});

export const ZFileUrlSchema = z.object({ url: z.string(), expiresAt: z.string() });
export type TFileUrlView = z.infer<typeof ZFileUrlSchema>;

/** The query of `GET /files/:id`, as signFileUrl writes it. */
export const ZFileDownloadQuerySchema = z.object({
  exp: z.string().check(z.regex(/^\d{1,12}$/)),
  sig: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/)),
  download: z.optional(z.literal('1')),
  original: z.optional(z.literal('1')),
});
