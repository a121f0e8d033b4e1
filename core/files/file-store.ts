import type { Readable } from 'node:stream';

/**
 * Where file bytes live: local disk by default (`storage/images|videos|audio|documents|temp`), an
 * S3-compatible bucket when configured. Keys are relative paths such as `images/2026/12/06/<id>.jpg`.
 */
export interface TFileStore {
  readonly storage: 'local' | 's3';
  put(key: string, data: Buffer, mimeType: string): Promise<void>;
  read(key: string): Promise<Buffer>;
  stream(key: string): Promise<Readable>;
  /** Removing a key that is already gone is not an error (the cleanup job may run twice). */
  delete(key: string): Promise<void>;
}
