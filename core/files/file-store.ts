import type { Readable } from 'node:stream';

/** Inclusive byte offsets, as in an HTTP `Range: bytes=start-end` header. */
export interface TByteRange {
  start: number;
  end: number;
}

/**
 * Where file bytes live: local disk by default (`storage/images|videos|audio|documents|temp`), an
 * S3-compatible bucket when configured. Keys are relative paths such as `images/2026/12/06/<id>.jpg`
 * (core/files/file-keys.ts builds and checks them). A missing key is `AppError('NOT_FOUND')`.
 */
export interface TFileStore {
  readonly storage: 'local' | 's3';
  put(key: string, data: Buffer, mimeType: string): Promise<void>;
  /** Copies a file from local disk without holding it in memory: uploads and videos up to 100 MB. */
  putFile(key: string, path: string, mimeType: string): Promise<void>;
  read(key: string): Promise<Buffer>;
  /** The whole object, or only `range` of it (video players seek with range requests). */
  stream(key: string, range?: TByteRange): Promise<Readable>;
  /** Removing a key that is already gone is not an error (the cleanup job may run twice). */
  delete(key: string): Promise<void>;
}
