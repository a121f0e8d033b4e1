import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** S3's own wording for the errors the stand-in gives. */
export const S3_ERRORS = {
  AccessDenied: [403, 'Access Denied'],
  InvalidAccessKeyId: [403, 'The AWS Access Key Id you provided does not exist in our records.'],
  SignatureDoesNotMatch: [
    403,
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  ],
  RequestTimeTooSkewed: [403, 'The difference between the request time and the current time is too large.'],
  AuthorizationHeaderMalformed: [400, 'The authorization header is malformed.'],
  XAmzContentSHA256Mismatch: [
    400,
    "The provided 'x-amz-content-sha256' header does not match what was computed.",
  ],
  MissingContentLength: [411, 'You must provide the Content-Length HTTP header.'],
  EntityTooLarge: [400, 'Your proposed upload exceeds the maximum allowed size'],
  NoSuchBucket: [404, 'The specified bucket does not exist'],
  NoSuchKey: [404, 'The specified key does not exist.'],
  InvalidRange: [416, 'The requested range is not satisfiable'],
  MethodNotAllowed: [405, 'The specified method is not allowed against this resource.'],
  InternalError: [500, 'We encountered an internal error. Please try again.'],
} as const satisfies Record<string, readonly [number, string]>;

export type TS3ErrorCode = keyof typeof S3_ERRORS;

// Element text needs only these three escaped.
const escapeXml = (text: string) =>
  text.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] ?? c);

/** `<Error><Code>…</Code><Message>…</Message>…<RequestId>…</RequestId></Error>`, as S3 answers. */
export function sendS3Error(
  res: ServerResponse,
  code: TS3ErrorCode,
  extra: Record<string, string> = {},
  headOnly = false,
): void {
  const [status, message] = S3_ERRORS[code];
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  const fields = { Code: code, Message: extra.Message ?? message, ...extra, RequestId: requestId };
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${Object.entries(fields)
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join('')}</Error>`;
  res.writeHead(status, {
    'content-type': 'application/xml',
    'x-amz-request-id': requestId,
    ...(headOnly ? {} : { 'content-length': Buffer.byteLength(body) }),
  });
  res.end(headOnly ? undefined : body);
}
