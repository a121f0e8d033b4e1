import { isAppError, type TAppErrorCode } from '#core/errors/app-error.ts';
import { errorArgs } from '#core/errors/error-catalog.ts';

/**
 * The result of a domain call in a form that survives JSON: conversation state is stored in Redis, so an
 * AppError thrown inside `conversation.external` would come back as a plain object on replay.
 */
export type TAttempt<T> =
  | { ok: true; value: T }
  | { ok: false; code: TAppErrorCode; details: Record<string, string | number> };

export async function attempt<T>(fn: () => Promise<T>): Promise<TAttempt<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ok: false, code: error.code, details: errorArgs(error.details) };
  }
}
