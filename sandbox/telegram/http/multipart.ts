import type { IncomingHttpHeaders } from 'node:http';
import busboy from 'busboy';
import type { UploadedFile } from '#sandbox/telegram/bot-api/define-method.ts';
import { BodyError } from './body-error.ts';

/**
 * grammY writes part headers as `content-disposition:form-data;name="x";filename=a b.png`
 * — the file name unquoted, spaces and all. Telegram's parser accepts that;
 * busboy drops parts whose disposition it cannot tokenize. So bare file names
 * in part headers are quoted before busboy sees them.
 */
function quoteBareFileNames(body: Buffer, boundary: string): Buffer {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const pieces: Buffer[] = [];
  let position = 0;
  for (;;) {
    const start = body.indexOf(delimiter, position);
    if (start === -1) break;
    const headersStart = start + delimiter.length;
    const headersEnd = body.indexOf('\r\n\r\n', headersStart, 'latin1');
    if (headersEnd === -1) break;
    pieces.push(body.subarray(position, headersStart));
    // latin1 maps bytes 1:1, so UTF-8 names survive the round trip untouched.
    const headers = body.toString('latin1', headersStart, headersEnd);
    const fixed = headers.replace(
      /(;\s*filename=)(?!")([^;\r\n]*)/gi,
      (_all, prefix: string, name: string) => `${prefix}"${name.trim().replace(/["\\]/g, '\\$&')}"`,
    );
    pieces.push(Buffer.from(fixed, 'latin1'));
    position = headersEnd;
  }
  pieces.push(body.subarray(position));
  return Buffer.concat(pieces);
}

function boundaryOf(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** Parses a buffered multipart/form-data body into string fields and file parts. */
export function parseMultipart(
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<{ fields: Record<string, string>; files: Map<string, UploadedFile> }> {
  const contentType = headers['content-type'] ?? '';
  const boundary = boundaryOf(contentType);
  if (!boundary) return Promise.reject(new BodyError(400, 'Bad Request: multipart boundary is missing'));
  const fields: Record<string, string> = {};
  const files = new Map<string, UploadedFile>();
  return new Promise((resolve, reject) => {
    // File names are UTF-8 in practice (grammY sends them raw); busboy's default would read them as latin1.
    const parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8' });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    // A file stream can end after the parser closes, so wait for every file before resolving.
    const pendingFiles: Promise<void>[] = [];
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      pendingFiles.push(
        new Promise((fileDone) =>
          stream.on('end', () => {
            files.set(name, {
              fieldName: name,
              bytes: Buffer.concat(chunks),
              ...(info.filename ? { fileName: info.filename } : {}),
            });
            fileDone();
          }),
        ),
      );
    });
    parser.on('error', (error) => reject(new BodyError(400, `Bad Request: ${(error as Error).message}`)));
    parser.on('close', () => {
      void Promise.all(pendingFiles).then(() => resolve({ fields, files }));
    });
    parser.end(quoteBareFileNames(body, boundary));
  });
}
