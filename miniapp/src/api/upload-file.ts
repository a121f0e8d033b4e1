import { initDataRaw } from '@telegram-apps/sdk-react';
import {
  FILE_MAX_BYTES,
  FILE_NAME_HEADER,
  type TStoredFileView,
  ZStoredFileViewSchema,
} from '../../../server/contracts/files.ts';
import { ZApiErrorSchema } from '../../../server/contracts/me.ts';
import { ApiError } from './api-error.ts';

/** Raised before anything is sent: the file is over the server's limit (it would answer 413 at the end). */
export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
}

export type TUploadProgress = { loaded: number; total: number };

/**
 * Streams one file to POST /api/files (contracts/files.ts) and reports how much has gone. XMLHttpRequest,
 * not fetch: only XHR reports upload progress (`upload.onprogress`). The signed initData is the same the
 * API client sends; init.ts restored it into the SDK at launch.
 */
export function uploadFile(
  file: File,
  opts: { onProgress?: (progress: TUploadProgress) => void; signal?: AbortSignal } = {},
): Promise<TStoredFileView> {
  if (file.size > FILE_MAX_BYTES) return Promise.reject(new FileTooLargeError(file.name));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/files');
    xhr.setRequestHeader('Authorization', `tma ${initDataRaw() ?? ''}`);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader(FILE_NAME_HEADER, encodeURIComponent(file.name));
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) opts.onProgress?.({ loaded: event.loaded, total: event.total });
    };
    // The last progress event may not say 100 %; the end of the request body does.
    xhr.upload.onload = () => opts.onProgress?.({ loaded: file.size, total: file.size });
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', ''));
    xhr.onabort = () => reject(new DOMException('upload canceled', 'AbortError'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        const error = ZApiErrorSchema.safeParse(body);
        reject(
          error.success
            ? new ApiError(xhr.status, error.data.error.code, error.data.error.message)
            : new ApiError(xhr.status, 'BAD_RESPONSE', ''),
        );
        return;
      }
      const parsed = ZStoredFileViewSchema.safeParse(body);
      if (parsed.success) resolve(parsed.data);
      else reject(new ApiError(xhr.status, 'BAD_RESPONSE', ''));
    };
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
