import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { after, before, describe, test } from 'node:test';
import { AwsClient } from 'aws4fetch';
import { isAppError } from '#core/errors/app-error.ts';
import { startS3StandIn, type TS3StandIn } from '#sandbox/s3/s3-stand-in.ts';
import { createS3FileStore, S3Error, type TS3Config } from './s3-file-store.ts';

const credentials = { accessKeyId: 'AKIAPOLYGRAMTEST', secretAccessKey: randomBytes(20).toString('base64') };
let s3: TS3StandIn;
let config: TS3Config;
let dir: string;
before(async () => {
  s3 = await startS3StandIn({
    credentials: [credentials],
    buckets: ['polygram-files'],
    region: 'eu-central-1',
  });
  config = { endpoint: s3.url, bucket: 'polygram-files', region: 'eu-central-1', ...credentials };
  dir = await mkdtemp(join(tmpdir(), 'polygram-s3-'));
});
after(async () => {
  await s3.close();
  await rm(dir, { recursive: true, force: true });
});

describe('S3 file store against the stand-in', () => {
  test('put, read, range stream, delete, and delete again', async () => {
    const store = createS3FileStore(config);
    const key = 'images/2026/12/06/abc_DEF-123.jpg';
    const data = randomBytes(5000);
    await store.put(key, data, 'image/jpeg');
    const object = s3.control.object('polygram-files', key);
    assert.ok(object?.data.equals(data));
    assert.equal(object?.contentType, 'image/jpeg');
    assert.ok((await store.read(key)).equals(data));
    const part = await store.stream(key, { start: 100, end: 199 });
    const chunks: Buffer[] = [];
    for await (const chunk of part) chunks.push(chunk as Buffer);
    assert.ok(Buffer.concat(chunks).equals(data.subarray(100, 200)));
    await store.delete(key);
    assert.equal(s3.control.object('polygram-files', key), undefined);
    await store.delete(key);
    await assert.rejects(store.read(key), (error) => isAppError(error, 'NOT_FOUND'));
  });

  test('putFile streams a file from disk with its length', async () => {
    const store = createS3FileStore(config);
    const path = join(dir, 'clip.mp4');
    const data = randomBytes(3 * 1024 * 1024 + 17);
    await writeFile(path, data);
    await store.putFile('videos/2026/12/06/clip1.mp4', path, 'video/mp4');
    assert.ok(s3.control.object('polygram-files', 'videos/2026/12/06/clip1.mp4')?.data.equals(data));
    assert.equal(
      await text(await store.stream('videos/2026/12/06/clip1.mp4', { start: 0, end: 0 })),
      data.subarray(0, 1).toString(),
    );
  });

  test('a wrong secret is refused the way S3 refuses it, and nothing is stored', async () => {
    const store = createS3FileStore({ ...config, secretAccessKey: 'not-the-secret' });
    await assert.rejects(
      store.put('documents/2026/12/06/x.txt', Buffer.from('hi'), 'text/plain'),
      (error) => {
        assert.ok(error instanceof S3Error);
        assert.equal(error.status, 403);
        assert.equal(error.s3Code, 'SignatureDoesNotMatch');
        return true;
      },
    );
    assert.equal(s3.control.object('polygram-files', 'documents/2026/12/06/x.txt'), undefined);
    const unknown = createS3FileStore({ ...config, accessKeyId: 'AKIANOBODY' });
    await assert.rejects(
      unknown.read('documents/2026/12/06/x.txt'),
      (error) => error instanceof S3Error && error.s3Code === 'InvalidAccessKeyId',
    );
  });

  test('the stand-in answers with S3’s XML body and checks what the signature covers', async () => {
    const url = `${s3.url}/polygram-files/documents/2026/12/06/y.txt`;
    const unsigned = await fetch(url);
    assert.equal(unsigned.status, 403);
    assert.match(
      await unsigned.text(),
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>AccessDenied<\/Code>/,
    );

    const wrong = new AwsClient({
      ...credentials,
      secretAccessKey: 'wrong',
      service: 's3',
      region: 'eu-central-1',
      retries: 0,
    });
    const refused = await wrong.fetch(url, {
      method: 'PUT',
      body: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('content-type'), 'application/xml');
    const body = await refused.text();
    assert.match(body, /<Code>SignatureDoesNotMatch<\/Code>/);
    assert.match(
      body,
      /<Message>The request signature we calculated does not match the signature you provided\./,
    );

    const client = new AwsClient({ ...credentials, service: 's3', region: 'eu-central-1', retries: 0 });
    // A body other than the one whose hash was signed.
    const signed = await client.sign(url, {
      method: 'PUT',
      body: 'hello',
      headers: { 'x-amz-content-sha256': 'a'.repeat(64) },
    });
    const mismatch = await fetch(signed);
    assert.equal(mismatch.status, 400);
    assert.match(await mismatch.text(), /<Code>XAmzContentSHA256Mismatch<\/Code>/);
    // A path changed after signing.
    const moved = await client.sign(url, { method: 'GET' });
    const tampered = await fetch(url.replace('y.txt', 'z.txt'), { headers: moved.headers });
    assert.equal(tampered.status, 403);
    assert.match(await tampered.text(), /SignatureDoesNotMatch/);
    const otherRegion = new AwsClient({ ...credentials, service: 's3', region: 'us-west-2', retries: 0 });
    const wrongRegion = await otherRegion.fetch(url);
    assert.equal(wrongRegion.status, 400);
    assert.match(await wrongRegion.text(), /AuthorizationHeaderMalformed.*expecting 'eu-central-1'/s);
    // A request signed an hour ago, as by a client with a wrong clock (S3 allows 15 minutes).
    const stale = new Date(Date.now() - 3_600_000).toISOString().replace(/[:-]|\.\d{3}/g, '');
    const late = await fetch(await client.sign(url, { method: 'GET', aws: { datetime: stale } }));
    assert.equal(late.status, 403);
    assert.match(await late.text(), /<Code>RequestTimeTooSkewed<\/Code>/);
    assert.equal(s3.control.object('polygram-files', 'documents/2026/12/06/y.txt'), undefined);
  });

  test('keys are validated before any request is made', async () => {
    const store = createS3FileStore(config);
    const before = s3.control.requests().length;
    for (const key of ['../secret', 'images/../../x', '/images/a.jpg', 'other/a.jpg'])
      await assert.rejects(
        store.put(key, Buffer.from('x'), 'text/plain'),
        (error) => isAppError(error, 'INVALID_INPUT'),
        key,
      );
    assert.equal(s3.control.requests().length, before);
  });
});
