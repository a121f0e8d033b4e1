// How the panel answers: `{ response }` on success, its exception filter's shape for domain errors,
// nestjs-zod's shape for invalid input, passport's for a missing or wrong token.
import type { ERRORS } from '@remnawave/backend-contract';

export type TReply = { status: number; body?: unknown; headers?: Record<string, string> };

/** The JSON a contract schema accepts as input, i.e. what travels on the wire (dates as ISO strings). */
export type TWire<S> = S extends { _zod: { input: infer I } } ? I : never;

export type TPanelError = (typeof ERRORS)[keyof typeof ERRORS];

export const ok = (response: unknown): TReply => ({ status: 200, body: { response } });

export const noContent: TReply = { status: 204 };

/** `src/common/exception/http-exception.filter.ts`: 403 messages are replaced by "Forbidden". */
export function panelError(error: TPanelError, path: string): TReply {
  return {
    status: error.httpCode,
    body: {
      timestamp: new Date().toISOString(),
      path,
      message: error.httpCode === 403 ? 'Forbidden' : error.message,
      errorCode: error.code,
    },
  };
}

/** nestjs-zod's ZodValidationException response; bots match on "Validation failed". */
export function validationFailed(issues: readonly unknown[]): TReply {
  return { status: 400, body: { statusCode: 400, message: 'Validation failed', errors: issues } };
}

/** passport-jwt rejecting the bearer token: Nest's default UnauthorizedException body. */
export const unauthorized: TReply = { status: 401, body: { statusCode: 401, message: 'Unauthorized' } };

/** Nest's router for a path no controller has. */
export function routeNotFound(method: string, path: string): TReply {
  return { status: 404, body: { message: `Cannot ${method} ${path}`, error: 'Not Found', statusCode: 404 } };
}

/** Parses `input` with a contract schema: the data, or the panel's 400 for it. */
export function parseWith<T>(
  schema: {
    safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } };
  },
  input: unknown,
): { ok: true; data: T } | { ok: false; reply: TReply } {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, reply: validationFailed(parsed.error.issues) };
}
