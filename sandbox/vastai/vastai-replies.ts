// How the API answers (fact sheet §4): JSON `{success:false, error, msg}` for refusals, and a
// plain-text 429 without Retry-After when a caller goes too fast.
export type TReply = { status: number; body?: unknown; headers?: Record<string, string> };

export const ok = (body: unknown): TReply => ({ status: 200, body });

export const failure = (status: number, error: string, msg: string): TReply => ({
  status,
  body: { success: false, error, msg },
});

/** Many host endpoints refuse with HTTP 200 and `success:false`; callers must check the flag. */
export const softFailure = (msg: string): TReply => ({ status: 200, body: { success: false, msg } });

export const invalidArgs = (msg: string): TReply => failure(400, 'invalid_args', msg);

export const unauthorized: TReply = failure(401, 'not_authorized', 'Invalid or missing API key');

export const notFound = (method: string, path: string): TReply =>
  failure(404, 'not_found', `No route for ${method} ${path}`);

export const tooFrequent = (threshold?: string): TReply => ({
  status: 429,
  body: threshold
    ? `API requests too frequent: endpoint threshold=${threshold}`
    : 'API requests too frequent',
});

export const serverError = (status: number): TReply =>
  status === 429 ? tooFrequent() : failure(status, 'server_error', 'Injected failure');
