import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { BodyTooLargeError, readBody } from '../../http-stand-in/http-basics.ts';
import { HostError } from './host-error.ts';

/** Telegram's ceiling for files a user sends through a bot-facing client (50 MB for bots' uploads). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new HostError(
    400,
    `invalid request: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
  );
}

export function parseQuery<S extends z.ZodType>(url: URL, schema: S): z.output<S> {
  return validate(schema, Object.fromEntries(url.searchParams));
}

export async function parseJsonBody<S extends z.ZodType>(
  req: IncomingMessage,
  schema: S,
): Promise<z.output<S>> {
  let json: unknown;
  try {
    const raw = (await readBody(req)).toString('utf8');
    json = raw === '' ? {} : JSON.parse(raw);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new HostError(413, 'request body too large');
    throw new HostError(400, 'invalid request: body is not JSON');
  }
  return validate(schema, json);
}

/** An uploaded file, sent as the raw request body. */
export async function readUpload(req: IncomingMessage): Promise<Buffer> {
  try {
    const bytes = await readBody(req, { maxBytes: MAX_UPLOAD_BYTES });
    if (bytes.length === 0) throw new HostError(400, 'invalid request: the file is empty');
    return bytes;
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new HostError(413, 'file is too big (50 MB at most)');
    throw error;
  }
}
