// Replicate answers errors as RFC 7807 problem details: `{ title, detail, status }`, plus
// `invalid_fields` when the input fails validation.

export type TReply = { status: number; body: unknown; headers?: Record<string, string> };

export function problem(
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
): TReply {
  return { status, body: { title, detail, status, ...extra } };
}

export const unauthenticated = (): TReply =>
  problem(401, 'Unauthenticated', 'You did not pass a valid authentication token');

export const notFound = (): TReply => problem(404, 'Not found', 'The requested resource could not be found.');

export function throttled(retryAfterMs: number): TReply {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return {
    ...problem(
      429,
      'Request was throttled',
      `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.`,
    ),
    headers: { 'retry-after': String(seconds) },
  };
}

export function serverError(status: number): TReply {
  return problem(
    status,
    status === 503 ? 'Service Unavailable' : 'Internal Server Error',
    'An unexpected error occurred (injected by the stand-in).',
  );
}
