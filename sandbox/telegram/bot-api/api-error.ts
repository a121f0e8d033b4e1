/**
 * Bot API failures, shaped exactly like Telegram's error responses:
 * `{ ok: false, error_code, description, parameters? }`.
 */
export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

export class ApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = 'ApiError';
  }
}

export type ApiResponse =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: ResponseParameters };

export function errorResponse(error: ApiError): ApiResponse {
  return error.parameters
    ? {
        ok: false,
        error_code: error.errorCode,
        description: error.description,
        parameters: error.parameters,
      }
    : { ok: false, error_code: error.errorCode, description: error.description };
}

/** 400 with Telegram's "Bad Request: " prefix. */
export function badRequest(reason: string): ApiError {
  return new ApiError(400, `Bad Request: ${reason}`);
}

/** 403 with Telegram's "Forbidden: " prefix. */
export function forbidden(reason: string): ApiError {
  return new ApiError(403, `Forbidden: ${reason}`);
}

export function conflict(reason: string): ApiError {
  return new ApiError(409, `Conflict: ${reason}`);
}

/**
 * A missing (or empty: the Bot API treats both alike) required parameter.
 * tdlib/telegram-bot-api says `Parameter "x" is required`; like every error
 * text it reaches bots with the first letter lowered ("Invalid user_id
 * specified" is answered as "invalid user_id specified").
 */
export function parameterRequired(name: string): ApiError {
  return badRequest(`parameter "${name}" is required`);
}

export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized');
}

export function notFound(): ApiError {
  return new ApiError(404, 'Not Found');
}

/** Flood control: Telegram answers 429 and says how many whole seconds to wait. */
export function tooManyRequests(retryAfterSeconds: number): ApiError {
  return new ApiError(429, `Too Many Requests: retry after ${retryAfterSeconds}`, {
    retry_after: retryAfterSeconds,
  });
}

// Descriptions Telegram uses in more than one method.
export const CHAT_NOT_FOUND = 'chat not found';
export const MESSAGE_TEXT_EMPTY = 'message text is empty';
export const WRONG_FILE_ID = 'wrong file identifier/HTTP URL specified';
/** Unknown, already answered or expired callback and pre-checkout queries (server error QUERY_ID_INVALID). */
export const QUERY_ID_INVALID = 'query is too old and response timeout expired or query ID is invalid';
