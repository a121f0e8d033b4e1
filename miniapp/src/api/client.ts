import type { z } from 'zod/mini';
import { ZApiErrorSchema } from '../../../server/contracts/me.ts';
import { ApiError } from './api-error.ts';

export type TApiRequest = <TSchema extends z.ZodMiniType>(
  path: string,
  schema: TSchema,
  init?: { method?: 'GET' | 'PATCH' | 'POST' | 'PUT' | 'DELETE'; body?: unknown },
) => Promise<z.infer<TSchema>>;

/**
 * Builds the one function every API call goes through. The server checks the raw initData's
 * HMAC against the bot token on each request, so it travels with every call rather than once.
 */
export function createApiRequest(options: { initDataRaw: string; baseUrl?: string }): TApiRequest {
  const baseUrl = options.baseUrl ?? '';
  return async (path, schema, init = {}) => {
    const headers: Record<string, string> = { Authorization: `tma ${options.initDataRaw}` };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';

    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    } catch (cause) {
      throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : '');
    }

    // A proxy's HTML error page is not JSON: it becomes `undefined` and fails the schema checks below.
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = ZApiErrorSchema.safeParse(body);
      if (parsed.success) {
        const { code, message, reason } = parsed.data.error;
        throw new ApiError(response.status, code, message, reason);
      }
      throw new ApiError(response.status, 'BAD_RESPONSE', '');
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ApiError(response.status, 'BAD_RESPONSE', '');
    return parsed.data;
  };
}
