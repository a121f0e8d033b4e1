import type { File } from 'grammy/types';
import { z } from 'zod';
import { badRequest } from '#sandbox/telegram/bot-api/api-error.ts';
import { defineMethod, type MethodTable } from '#sandbox/telegram/bot-api/define-method.ts';
import { str } from '#sandbox/telegram/bot-api/params.ts';

/** "Bots can download files of up to 20MB in size." — Bot API, getFile. */
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

export const fileMethods: MethodTable = {
  getFile: defineMethod(z.object({ file_id: str() }), (params, ctx): File => {
    const file = ctx.state.files.get(params.file_id);
    if (!file) throw badRequest('invalid file_id');
    if (file.bytes.length > MAX_DOWNLOAD_BYTES) throw badRequest('file is too big');
    return {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_size: file.bytes.length,
      file_path: file.filePath,
    };
  }),
};
