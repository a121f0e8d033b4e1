import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';
import { AppError } from '#core/errors/app-error.ts';
import { assertValidKey } from './file-keys.ts';
import type { TByteRange, TFileStore } from './file-store.ts';

export interface TS3Config {
  /** `https://s3.eu-central-1.amazonaws.com`, `https://<account>.r2.cloudflarestorage.com`, a MinIO URL… */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly s3Code: string,
    message: string,
  ) {
    super(`S3 ${status} ${s3Code}: ${message}`);
    this.name = 'S3Error';
  }
}

/** S3 answers errors as `<Error><Code>…</Code><Message>…</Message></Error>`. */
async function s3Error(response: Response): Promise<S3Error> {
  const body = await response.text();
  const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1] ?? '';
  return new S3Error(response.status, tag('Code') || 'Unknown', tag('Message') || response.statusText);
}

/**
 * Objects in an S3-compatible bucket, signed with SigV4 (aws4fetch). Path-style URLs
 * (`<endpoint>/<bucket>/<key>`): every S3-compatible service takes them, while virtual-hosted names need
 * DNS per bucket. No retries here: a request whose body is a file stream cannot be replayed, and the
 * callers (an upload, a job) retry as a whole.
 */
export function createS3FileStore(config: TS3Config): TFileStore {
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    region: config.region,
    service: 's3',
    retries: 0,
  });
  const base = `${config.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(config.bucket)}`;
  const urlOf = (key: string) => {
    assertValidKey(key);
    return `${base}/${key.split('/').map(encodeURIComponent).join('/')}`;
  };

  async function send(key: string, init: RequestInit & { headers?: Record<string, string> }) {
    const request = await client.sign(urlOf(key), init);
    const response = await fetch(request);
    if (response.status === 404 && init.method !== 'DELETE') {
      await response.body?.cancel();
      throw new AppError('NOT_FOUND', { key });
    }
    if (!response.ok) throw await s3Error(response);
    return response;
  }

  return {
    storage: 's3',
    async put(key, data, mimeType) {
      const response = await send(key, {
        method: 'PUT',
        body: data,
        // The payload's hash is signed, so S3 refuses a body that changed on the way.
        headers: {
          'content-type': mimeType,
          'x-amz-content-sha256': createHash('sha256').update(data).digest('hex'),
        },
      });
      await response.body?.cancel();
    },
    async putFile(key, path, mimeType) {
      const { size } = await stat(path);
      const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
      // S3 needs the length up front (it refuses chunked uploads without it); the payload goes unsigned,
      // as hashing it would mean reading 100 MB twice. TLS protects it on the way.
      const response = await send(key, {
        method: 'PUT',
        body,
        duplex: 'half',
        headers: {
          'content-type': mimeType,
          'content-length': String(size),
          'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
        },
      } as RequestInit & { duplex: 'half'; headers: Record<string, string> });
      await response.body?.cancel();
    },
    async read(key) {
      const response = await send(key, { method: 'GET' });
      return Buffer.from(await response.arrayBuffer());
    },
    async stream(key, range?: TByteRange) {
      const headers: Record<string, string> = range ? { range: `bytes=${range.start}-${range.end}` } : {};
      const response = await send(key, { method: 'GET', headers });
      if (!response.body) return Readable.from([]);
      return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    },
    async delete(key) {
      // S3 answers 204 for a key that does not exist: deleting twice is fine there too.
      const response = await send(key, { method: 'DELETE' });
      await response.body?.cancel();
    },
  };
}
