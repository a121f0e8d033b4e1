// Request bodies as OpenAI takes them: JSON for most endpoints, multipart/form-data for uploads
// (transcriptions, image edits, videos). Multipart is parsed by the platform's own Response.formData()
// rather than a hand-written parser.
import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError, readBody } from '#sandbox/http-stand-in/http-basics.ts';

export type TUploadedFile = { bytes: Buffer; fileName: string; contentType: string };

export type TIncomingBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; fields: Record<string, string>; files: Map<string, TUploadedFile[]> }
  | { kind: 'unreadable'; status: 400 | 413; message: string };

export async function readIncomingBody(req: IncomingMessage, maxBytes: number): Promise<TIncomingBody> {
  let raw: Buffer;
  try {
    raw = await readBody(req, { maxBytes });
  } catch (err) {
    if (!(err instanceof BodyTooLargeError)) throw err;
    return { kind: 'unreadable', status: 413, message: `Maximum content size limit (${maxBytes}) exceeded.` };
  }
  if (raw.length === 0) return { kind: 'none' };
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) return readForm(raw, contentType);
  try {
    return { kind: 'json', value: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    return {
      kind: 'unreadable',
      status: 400,
      message:
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
    };
  }
}

async function readForm(raw: Buffer, contentType: string): Promise<TIncomingBody> {
  let form: FormData;
  try {
    form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  } catch (err) {
    return { kind: 'unreadable', status: 400, message: `Could not parse multipart form: ${String(err)}` };
  }
  const fields: Record<string, string> = {};
  const files = new Map<string, TUploadedFile[]>();
  for (const [name, value] of form) {
    if (typeof value === 'string') {
      fields[name] = value;
      continue;
    }
    // The SDK sends arrays as repeated `name[]` parts; both spellings land under the bare name.
    const key = name.replace(/\[\]$/, '');
    const file = {
      bytes: Buffer.from(await value.arrayBuffer()),
      fileName: value.name,
      contentType: value.type || 'application/octet-stream',
    };
    files.set(key, [...(files.get(key) ?? []), file]);
  }
  return { kind: 'form', fields, files };
}

/** The fields a handler validates: a JSON object, or a form's text fields. */
export function bodyFields(body: TIncomingBody): unknown {
  if (body.kind === 'json') return body.value;
  if (body.kind === 'form') return body.fields;
  return {};
}

export function bodyFiles(body: TIncomingBody, name: string): TUploadedFile[] {
  return body.kind === 'form' ? (body.files.get(name) ?? []) : [];
}
