// A local S3-compatible object store for tests and the offline sandbox: the app's S3 file store points
// S3_ENDPOINT at `url`. Objects live in memory.
//
// Like S3: path-style `/<bucket>/<key>`; every request must carry a valid SigV4 `Authorization` header
// (sigv4.ts) and S3's XML error body when it does not (SignatureDoesNotMatch for a wrong secret,
// InvalidAccessKeyId, RequestTimeTooSkewed…); a signed payload hash is checked against the body; PUT needs
// Content-Length; GET honours a single `Range: bytes=a-b`; DELETE of a missing key is 204.
// Simpler: buckets are fixed at start, no listing, multipart uploads, presigned URLs or versioning.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, connectableHost, listen } from '#sandbox/http-stand-in/http-basics.ts';
import { sendS3Error, type TS3ErrorCode } from './s3-errors.ts';
import { type TSigV4Credentials, verifySigV4 } from './sigv4.ts';

export interface TS3Object {
  data: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
}

export interface TS3Request {
  method: string;
  bucket: string;
  key: string;
  status: number;
}

export interface TS3StandIn {
  /** The endpoint for S3_ENDPOINT: `http://127.0.0.1:PORT`. */
  url: string;
  close(): Promise<void>;
  control: {
    object(bucket: string, key: string): TS3Object | undefined;
    keys(bucket: string): string[];
    /** Every request received, refused ones included, in order. */
    requests(): TS3Request[];
    /** The next `count` authenticated requests answer 500 InternalError and change nothing. */
    failNext(count?: number): void;
  };
}

const MAX_OBJECT_BYTES = 200 * 1024 * 1024;

export async function startS3StandIn(opts: {
  credentials: readonly TSigV4Credentials[];
  buckets: readonly string[];
  region?: string;
  port?: number;
  host?: string;
}): Promise<TS3StandIn> {
  const region = opts.region ?? 'us-east-1';
  const buckets = new Map(opts.buckets.map((name) => [name, new Map<string, TS3Object>()]));
  const requests: TS3Request[] = [];
  let failures = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) fail(req, res, 'InternalError');
      else res.destroy();
    });
  });

  function fail(
    req: IncomingMessage,
    res: ServerResponse,
    code: TS3ErrorCode,
    extra?: Record<string, string>,
  ) {
    const { bucket, key } = target(req);
    sendS3Error(res, code, extra, req.method === 'HEAD');
    requests.push({ method: req.method ?? '', bucket, key, status: res.statusCode });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const auth = verifySigV4(req, { credentials: opts.credentials, region });
    if (!auth.ok) {
      req.resume();
      return fail(req, res, auth.code, auth.extra);
    }
    const { bucket, key } = target(req);
    const objects = buckets.get(bucket);
    if (!objects) {
      req.resume();
      return fail(req, res, 'NoSuchBucket', { BucketName: bucket });
    }
    if (!key) {
      req.resume();
      return fail(req, res, 'MethodNotAllowed');
    }
    if (failures > 0) {
      failures -= 1;
      req.resume();
      return fail(req, res, 'InternalError');
    }
    const done = (status: number) => requests.push({ method: req.method ?? '', bucket, key, status });
    switch (req.method) {
      case 'PUT':
        return put(req, res, objects, key, auth.payloadHash, done);
      case 'GET':
      case 'HEAD':
        return get(req, res, objects.get(key), done);
      case 'DELETE':
        objects.delete(key);
        res.writeHead(204).end();
        return void done(204);
      default:
        req.resume();
        return fail(req, res, 'MethodNotAllowed');
    }
  }

  async function put(
    req: IncomingMessage,
    res: ServerResponse,
    objects: Map<string, TS3Object>,
    key: string,
    payloadHash: string,
    done: (status: number) => void,
  ) {
    const length = req.headers['content-length'];
    if (length === undefined) {
      req.resume();
      return fail(req, res, 'MissingContentLength');
    }
    if (Number(length) > MAX_OBJECT_BYTES) {
      req.resume();
      return fail(req, res, 'EntityTooLarge');
    }
    const chunks: Buffer[] = [];
    const hash = createHash('sha256');
    for await (const chunk of req) {
      hash.update(chunk as Buffer);
      chunks.push(chunk as Buffer);
    }
    const digest = hash.digest('hex');
    if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== digest)
      return fail(req, res, 'XAmzContentSHA256Mismatch', {
        ClientComputedContentSHA256: payloadHash,
        S3ComputedContentSHA256: digest,
      });
    const data = Buffer.concat(chunks);
    const etag = `"${createHash('md5').update(data).digest('hex')}"`;
    objects.set(key, {
      data,
      contentType: req.headers['content-type'] ?? 'binary/octet-stream',
      etag,
      lastModified: new Date(),
    });
    res.writeHead(200, { etag }).end();
    done(200);
  }

  function get(
    req: IncomingMessage,
    res: ServerResponse,
    object: TS3Object | undefined,
    done: (status: number) => void,
  ) {
    req.resume();
    if (!object) return fail(req, res, 'NoSuchKey');
    const headers = {
      'content-type': object.contentType,
      etag: object.etag,
      'last-modified': object.lastModified.toUTCString(),
      'accept-ranges': 'bytes',
    };
    const range = parseRange(req.headers.range, object.data.length);
    if (range === 'invalid') return fail(req, res, 'InvalidRange');
    const body = range ? object.data.subarray(range.start, range.end + 1) : object.data;
    const status = range ? 206 : 200;
    res.writeHead(status, {
      ...headers,
      'content-length': body.length,
      ...(range ? { 'content-range': `bytes ${range.start}-${range.end}/${object.data.length}` } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    done(status);
  }

  const port = await listen(server, opts.port ?? 0, opts.host ?? '127.0.0.1');
  return {
    url: `http://${connectableHost(opts.host ?? '127.0.0.1')}:${port}`,
    close: () => closeServer(server),
    control: {
      object: (bucket, key) => buckets.get(bucket)?.get(key),
      keys: (bucket) => [...(buckets.get(bucket)?.keys() ?? [])].sort(),
      requests: () => [...requests],
      failNext: (count = 1) => {
        failures += count;
      },
    },
  };
}

/** `/<bucket>/<key…>`, decoded. */
function target(req: IncomingMessage): { bucket: string; key: string } {
  const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
  const [, bucket = '', ...rest] = path.split('/');
  try {
    return { bucket: decodeURIComponent(bucket), key: rest.map(decodeURIComponent).join('/') };
  } catch {
    return { bucket, key: rest.join('/') };
  }
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range; anything S3 would not serve is 'invalid'. */
function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || start > end) return 'invalid';
  return { start, end };
}
