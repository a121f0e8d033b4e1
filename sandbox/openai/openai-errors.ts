// OpenAI's error envelope, `{ error: { message, type, param, code } }`, which the SDK turns into
// typed errors (AuthenticationError, RateLimitError, …) by status and reads `code` from.
import type { z } from 'zod';

export type TOpenAiReply =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'bytes'; status: number; contentType: string; bytes: Buffer }
  | { kind: 'text'; status: number; contentType: string; text: string }
  /** The handler wrote the response itself (a stream). */
  | { kind: 'sent'; status: number };

type TErrorFields = { type?: string; param?: string | null; code?: string | null };

export function openAiError(
  status: number,
  message: string,
  fields: TErrorFields = {},
  headers?: Record<string, string>,
): TOpenAiReply {
  return {
    kind: 'json',
    status,
    body: {
      error: {
        message,
        type: fields.type ?? 'invalid_request_error',
        param: fields.param ?? null,
        code: fields.code ?? null,
      },
    },
    ...(headers && { headers }),
  };
}

export function invalidUrl(method: string, path: string): TOpenAiReply {
  // OpenAI answers an unknown path and a wrong method on a known one alike.
  return openAiError(404, `Invalid URL (${method} ${path})`);
}

export function modelNotFound(model: string): TOpenAiReply {
  return openAiError(404, `The model \`${model}\` does not exist or you do not have access to it.`, {
    code: 'model_not_found',
  });
}

export function serverError(status: number): TOpenAiReply {
  const message =
    status === 503
      ? 'The server is overloaded or not ready yet.'
      : 'The server had an error while processing your request. Sorry about that!';
  return openAiError(status, message, { type: 'server_error' });
}

/** OpenAI names the first bad parameter; a missing one gets its own code. */
export function validationError(error: z.ZodError, input: unknown): TOpenAiReply {
  const issue = error.issues[0];
  const path = issue?.path.map(String) ?? [];
  const param = path.join('.') || null;
  if (param !== null && valueAt(input, path) === undefined) {
    return openAiError(400, `Missing required parameter: '${param}'.`, {
      param,
      code: 'missing_required_parameter',
    });
  }
  return openAiError(400, `Invalid value for '${param ?? 'body'}': ${issue?.message ?? 'invalid'}.`, {
    param,
    code: 'invalid_value',
  });
}

function valueAt(input: unknown, path: string[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A parsed request, or the error reply that refuses it. */
export type TParsed<T> = { ok: true; value: T } | { ok: false; reply: TOpenAiReply };
