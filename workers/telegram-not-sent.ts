import { GrammyError, HttpError } from 'grammy';

/** The connection was never made: the request did not reach Telegram. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Telegram answered without taking the message (a 4xx), or we never reached it. A 5xx, a broken connection or
 * a timeout say nothing about whether the message went out.
 */
export const wasNotSent = (error: unknown): boolean => {
  if (error instanceof GrammyError) return error.error_code < 500;
  if (!(error instanceof HttpError)) return false;
  const cause: unknown = error.error;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  return typeof code === 'string' && NOT_CONNECTED.has(code);
};
