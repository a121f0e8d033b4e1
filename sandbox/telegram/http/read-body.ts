import type { IncomingMessage } from 'node:http';
import type { UploadedFile } from '#sandbox/telegram/bot-api/define-method.ts';
import { BodyError } from './body-error.ts';
import { parseMultipart } from './multipart.ts';

/** Largest request body accepted; Telegram's upload limit for bots is 50 MB. */
const MAX_BODY_BYTES = 50 * 1024 * 1024;

export interface RequestParams {
  params: Record<string, unknown>;
  files: Map<string, UploadedFile>;
}

export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyError(413, 'Request Entity Too Large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Bot API parameters from anywhere Telegram accepts them: the query string,
 * and a JSON, urlencoded or multipart body (body values win).
 */
export async function readRequestParams(req: IncomingMessage, url: URL): Promise<RequestParams> {
  const result: RequestParams = { params: Object.fromEntries(url.searchParams), files: new Map() };
  if (req.method === 'GET' || req.method === 'HEAD') return result;
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  const body = await readRawBody(req);
  if (body.length === 0) return result;
  if (contentType.startsWith('multipart/form-data')) {
    const { fields, files } = await parseMultipart(req.headers, body);
    Object.assign(result.params, fields);
    result.files = files;
    return result;
  }
  if (contentType.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new BodyError(400, "Bad Request: can't parse JSON encoded request");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new BodyError(400, "Bad Request: can't parse JSON encoded request");
    }
    Object.assign(result.params, parsed);
  } else {
    Object.assign(result.params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  }
  return result;
}
