// Server-side SigV4 for the S3 stand-in, written from AWS's description of the algorithm (not from the
// client library the app uses, so the two cannot share a mistake): canonical request → string to sign →
// HMAC chain of the secret over date, region, service → compare.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TS3ErrorCode } from './s3-errors.ts';

export interface TSigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export type TSigV4Result =
  | { ok: true; accessKeyId: string; payloadHash: string }
  | { ok: false; code: TS3ErrorCode; extra?: Record<string, string> };

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;
const MAX_SKEW_MS = 15 * 60 * 1000;

/** RFC 3986: everything but unreserved characters is percent-encoded, upper-case hex. */
const rfc3986 = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** S3 encodes the (decoded) path once, segment by segment; other services encode twice, S3 does not. */
function canonicalUri(rawPath: string): string {
  return rawPath
    .split('/')
    .map((segment) => rfc3986(decodeURIComponent(segment)))
    .join('/');
}

function canonicalQuery(search: URLSearchParams): string {
  return [...search]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([k1, v1], [k2, v2]) => (k1 < k2 ? -1 : k1 > k2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

const headerValue = (req: IncomingMessage, name: string): string => {
  const value = req.headers[name];
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim().replace(/\s+/g, ' ');
};

/** 20261206T210000Z → Date. */
function parseAmzDate(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s));
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** Checks a request's `Authorization` header; the payload hash it signs is checked against the body later. */
export function verifySigV4(
  req: IncomingMessage,
  opts: { credentials: readonly TSigV4Credentials[]; region: string; now?: Date },
): TSigV4Result {
  const header = headerValue(req, 'authorization');
  if (!header) return { ok: false, code: 'AccessDenied' };
  const match = AUTH.exec(header);
  if (!match) return { ok: false, code: 'AuthorizationHeaderMalformed' };
  const [, accessKeyId = '', date = '', region = '', service = '', signedHeaders = '', signature = ''] =
    match;
  const credentials = opts.credentials.find((c) => c.accessKeyId === accessKeyId);
  if (!credentials) return { ok: false, code: 'InvalidAccessKeyId', extra: { AWSAccessKeyId: accessKeyId } };
  if (region !== opts.region || service !== 's3')
    return {
      ok: false,
      code: 'AuthorizationHeaderMalformed',
      extra: {
        Message: `The authorization header is malformed; the region '${region}' is wrong; expecting '${opts.region}'`,
        Region: opts.region,
      },
    };
  const amzDate = headerValue(req, 'x-amz-date');
  const at = parseAmzDate(amzDate);
  const now = opts.now ?? new Date();
  if (!at || !amzDate.startsWith(date)) return { ok: false, code: 'AccessDenied' };
  if (Math.abs(now.getTime() - at.getTime()) > MAX_SKEW_MS)
    return { ok: false, code: 'RequestTimeTooSkewed' };
  const names = signedHeaders.split(';');
  // S3 insists that host and the payload hash are covered by the signature.
  if (!names.includes('host') || !names.includes('x-amz-content-sha256'))
    return { ok: false, code: 'AccessDenied' };
  const payloadHash = headerValue(req, 'x-amz-content-sha256');

  const url = new URL(req.url ?? '/', 'http://stand-in');
  const canonicalRequest = [
    req.method ?? 'GET',
    canonicalUri(url.pathname),
    canonicalQuery(url.searchParams),
    `${names.map((name) => `${name}:${headerValue(req, name)}`).join('\n')}\n`,
    signedHeaders,
    payloadHash,
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date), region), service),
    'aws4_request',
  );
  const expected = hmac(signingKey, stringToSign);
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return {
      ok: false,
      code: 'SignatureDoesNotMatch',
      extra: { AWSAccessKeyId: accessKeyId, StringToSign: stringToSign, CanonicalRequest: canonicalRequest },
    };
  return { ok: true, accessKeyId, payloadHash };
}
