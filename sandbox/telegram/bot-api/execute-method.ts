import type { TelegramState } from '#sandbox/telegram/state/telegram-state.ts';
import { ApiError, type ApiResponse, errorResponse, notFound, unauthorized } from './api-error.ts';
import { DescribedResult, type UploadedFile } from './define-method.ts';
import { findMethod } from './method-table.ts';

export interface BotApiCall {
  token: string;
  method: string;
  params: Record<string, unknown>;
  files: ReadonlyMap<string, UploadedFile>;
  signal: AbortSignal;
}

export interface BotApiOutcome {
  /** HTTP status: Telegram answers errors with the error_code as status. */
  status: number;
  body: ApiResponse & { description?: string };
}

/** Polling noise would drown the calls tests assert on, so getUpdates is not recorded. */
const UNRECORDED = new Set(['getUpdates']);

/** File parts are recorded by name and size, not bytes. */
function recordableParams(call: BotApiCall): Record<string, unknown> {
  const params: Record<string, unknown> = { ...call.params };
  for (const file of call.files.values()) {
    params[`file:${file.fieldName}`] = { file_name: file.fileName, size: file.bytes.length };
  }
  return params;
}

/**
 * Runs one Bot API call end to end, independent of HTTP (webhook replies use
 * it too): token check (401), method lookup (404), the method itself, and
 * recording of the call for the control API.
 */
export async function executeBotApiCall(state: TelegramState, call: BotApiCall): Promise<BotApiOutcome> {
  const bot = state.bots.resolve(call.token);
  if (!bot) return { status: 401, body: errorResponse(unauthorized()) };
  const method = findMethod(call.method);
  if (!method) return { status: 404, body: errorResponse(notFound()) };

  let outcome: BotApiOutcome;
  try {
    const result = await method.spec.run(call.params, { state, bot, files: call.files, signal: call.signal });
    outcome =
      result instanceof DescribedResult
        ? { status: 200, body: { ok: true, result: result.result, description: result.description } }
        : { status: 200, body: { ok: true, result } };
  } catch (error) {
    if (!(error instanceof ApiError)) {
      state.logger(
        `${method.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    const apiError = error instanceof ApiError ? error : new ApiError(500, 'Internal Server Error');
    outcome = { status: apiError.errorCode, body: errorResponse(apiError) };
  }

  if (!UNRECORDED.has(method.name)) {
    bot.recordCall({
      method: method.name,
      params: recordableParams(call),
      at: Date.now(),
      ok: outcome.body.ok,
      ...(outcome.body.ok
        ? {}
        : { error_code: outcome.body.error_code, description: outcome.body.description }),
    });
  }
  return outcome;
}
