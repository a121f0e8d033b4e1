import type { z } from 'zod';
import type { BotRecord } from '#sandbox/telegram/state/bot-record.ts';
import type { TelegramState } from '#sandbox/telegram/state/telegram-state.ts';
import { ApiError, badRequest, parameterRequired } from './api-error.ts';

/** A file part of a multipart request. */
export interface UploadedFile {
  fieldName: string;
  fileName?: string;
  bytes: Buffer;
}

export interface MethodContext {
  state: TelegramState;
  bot: BotRecord;
  /** Multipart file parts by field name (grammY names them by the id in `attach://<id>`). */
  files: ReadonlyMap<string, UploadedFile>;
  /** Aborted when the client disconnects or the server closes. */
  signal: AbortSignal;
}

/**
 * A successful result that also carries a `description`, which Telegram
 * adds to a few answers (setWebhook: "Webhook was set").
 */
export class DescribedResult {
  constructor(
    readonly result: unknown,
    readonly description: string,
  ) {}
}

export interface MethodSpec {
  run(params: Record<string, unknown>, ctx: MethodContext): Promise<unknown>;
}

/** Method name (as the Bot API spells it) → implementation. */
export type MethodTable = Readonly<Record<string, MethodSpec>>;

const REQUIRED = '\u0000required';

/**
 * zod issue → Telegram description. Schemas may carry Telegram's exact
 * description as their error message ("Bad Request: …"); a missing parameter
 * reads like the Bot API's `parameter "x" is required`; anything else names
 * the parameter and zod's reason.
 */
function describeIssue(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  if (!issue) return badRequest('invalid parameters');
  const field = issue.path.map(String).join('.');
  if (/^(Bad Request|Forbidden): /.test(issue.message)) {
    return new ApiError(issue.message.startsWith('Forbidden') ? 403 : 400, issue.message);
  }
  if (issue.message === REQUIRED) return parameterRequired(field);
  return badRequest(`invalid parameter "${field}": ${issue.message}`);
}

/**
 * Declares a Bot API method: params are validated (and coerced from form
 * strings) by `schema` before `handler` runs. Adding a method is one
 * `defineMethod` in a `methods/*.ts` table.
 */
export function defineMethod<S extends z.ZodType>(
  schema: S,
  handler: (params: z.output<S>, ctx: MethodContext) => unknown,
): MethodSpec {
  return {
    async run(params, ctx) {
      const parsed = schema.safeParse(params, {
        error: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? REQUIRED : undefined),
      });
      if (!parsed.success) throw describeIssue(parsed.error);
      return handler(parsed.data, ctx);
    },
  };
}
