import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { sign } from '@telegram-apps/init-data-node';
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import sharp from 'sharp';
import { createAiGateway } from '#core/ai/providers/create-ai-gateway.ts';
import { aiConfigOf } from '#core/ai/providers/provider-config.ts';
import { loadEnv } from '#core/config/env.ts';
import { FILE_MAX_BYTES } from '#core/files/file-limits.ts';
import { createLocalFileStore } from '#core/files/local-file-store.ts';
import { fileUrlKeyOf, signFileUrl } from '#core/files/signed-url.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { createLogger } from '#core/logging/logger.ts';
import { ZFileUrlSchema, ZStoredFileViewSchema } from '#server/contracts/files.ts';
import { createServer } from '#server/create-server.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { createTestRedis, TEST_REDIS_URL, type TestRedis } from '#tests/support/test-redis.ts';

const BOT_TOKEN = '111:user-token-for-file-route-tests';
let database: TestDatabase;
let redis: TestRedis;
let filesDir: string;
let app: FastifyInstance;
let urlKey: Buffer;

before(async () => {
  database = await createTestDatabase();
  redis = await createTestRedis();
  filesDir = await mkdtemp(join(tmpdir(), 'polygram-file-routes-'));
  const config = loadEnv({
    BOT_TOKEN,
    ADMIN_BOT_TOKEN: '222:admin-token-for-file-route-tests',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redis.prefix,
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    SMTP_URL: 'smtp://127.0.0.1:1',
    FILES_DIR: filesDir,
  });
  urlKey = fileUrlKeyOf(config.DATA_ENCRYPTION_KEY);
  app = await createServer({
    config,
    db: database.db,
    redis: redis.redis,
    logger: createLogger({ level: 'silent', name: 'test' }),
    translator: loadTranslator(LOCALES_DIR),
    metrics: new Registry(),
    gateways: {},
    userBotUsername: 'polygram_test_bot',
    ai: createAiGateway({ config: aiConfigOf(config), redis: redis.redis, redisPrefix: redis.prefix }),
    fileStore: createLocalFileStore(filesDir),
    fileUrlKey: urlKey,
  });
});
after(async () => {
  await app?.close();
  await database.drop();
  await redis.cleanup();
  await rm(filesDir, { recursive: true, force: true });
});

type TUser = { id: bigint; language?: 'en' | 'ru' };
const auth = (user: TUser) => ({
  authorization: `tma ${sign({ user: { id: Number(user.id), first_name: 'Up', language_code: user.language ?? 'en' } }, BOT_TOKEN, new Date())}`,
});
const newUser = (language: 'en' | 'ru' = 'en'): TUser => ({ id: uniqueTelegramId(), language });

/** `total` bytes produced a megabyte at a time from one buffer, starting with `head`: nothing big is allocated. */
function lazyBytes(total: number, head = Buffer.alloc(0)): Readable {
  const block = Buffer.alloc(1024 * 1024);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      const size = Math.min(block.length, total - sent);
      const chunk =
        sent === 0 ? Buffer.concat([head, block.subarray(head.length, size)]) : block.subarray(0, size);
      sent += size;
      this.push(chunk);
    },
  });
}
const MP4_HEAD = Buffer.from('\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2', 'latin1');

const upload = (user: TUser | null, body: Buffer | Readable, headers: Record<string, string>) =>
  app.inject({
    method: 'POST',
    url: '/api/files',
    payload: body,
    headers: { ...(user ? auth(user) : {}), ...headers },
  });
const spoolLeft = async () => readdir(join(filesDir, '.uploads')).catch(() => []);
const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

describe('POST /api/files', () => {
  test('an image upload is stored compressed and comes back through its signed URL', async () => {
    const user = newUser();
    const png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer();
    const response = await upload(user, png, {
      'content-type': 'image/png',
      'x-file-name': encodeURIComponent('фото заката.png'),
    });
    assert.equal(response.statusCode, 201, response.body);
    const file = ZStoredFileViewSchema.parse(response.json());
    assert.deepEqual(
      [file.name, file.mimeType, file.kind, file.width, file.height, file.hasOriginal],
      ['фото заката.jpg', 'image/jpeg', 'image', 1920, 960, false],
    );
    assert.match(file.url, new RegExp(`^/files/${file.id}\\?exp=\\d+&sig=`));

    const shown = await get(file.url);
    assert.equal(shown.statusCode, 200);
    assert.equal(shown.headers['content-type'], 'image/jpeg');
    assert.equal(Number(shown.headers['content-length']), file.size);
    assert.equal(shown.rawPayload.length, file.size);
    assert.match(
      String(shown.headers['content-disposition']),
      /^inline; filename="____ ______.jpg"; filename\*=UTF-8''%D1%84/,
    );
    assert.match(String(shown.headers['content-security-policy']), /sandbox/);
    assert.equal((await sharp(shown.rawPayload).metadata()).isProgressive, true);
    assert.deepEqual(await spoolLeft(), [], 'the spooled upload is removed');
  });

  test('a premium user’s original is kept and downloadable as an attachment', async () => {
    const user = newUser();
    await upload(user, Buffer.from('%PDF-1.4\n'), {
      'content-type': 'application/pdf',
      'x-file-name': 'a.pdf',
    });
    const now = Date.now();
    await database.db.entitlement.create({
      data: {
        userId: user.id,
        kind: 'ai_subscription',
        productId: 'ai-sub-30d',
        tier: 'premium',
        startsAt: new Date(now - 1000),
        endsAt: new Date(now + 86_400_000),
      },
    });
    const webp = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#f80' } })
      .webp()
      .toBuffer();
    const response = await upload(user, webp, { 'content-type': 'image/webp', 'x-file-name': 'pic.webp' });
    const file = ZStoredFileViewSchema.parse(response.json());
    assert.equal(file.hasOriginal, true);
    const fresh = await get(`/api/files/${file.id}/url?original=1&download=1`, auth(user));
    assert.equal(fresh.statusCode, 200, fresh.body);
    const { url } = ZFileUrlSchema.parse(fresh.json());
    const original = await get(url);
    assert.equal(original.statusCode, 200);
    assert.ok(original.rawPayload.equals(webp));
    assert.equal(original.headers['content-type'], 'image/webp');
    assert.equal(
      original.headers['content-disposition'],
      `attachment; filename="pic.webp"; filename*=UTF-8''pic.webp`,
    );
  });

  test('without initData the upload is refused before anything is stored', async () => {
    const response = await upload(null, Buffer.from('hello'), {
      'content-type': 'text/plain',
      'x-file-name': 'a.txt',
    });
    assert.equal(response.statusCode, 401);
    assert.equal(await database.db.storedFile.count({ where: { name: 'a.txt' } }), 0);
  });

  test('bad names and types are refused with their codes', async () => {
    const user = newUser('ru');
    const noName = await upload(user, Buffer.from('hi'), { 'content-type': 'text/plain' });
    assert.equal(noName.statusCode, 400);
    const badName = await upload(user, Buffer.from('hi'), {
      'content-type': 'text/plain',
      'x-file-name': '%E0%A4%A',
    });
    assert.equal(badName.statusCode, 400);
    const exe = await upload(user, Buffer.from('MZ'), {
      'content-type': 'application/x-msdownload',
      'x-file-name': 'a.exe',
    });
    assert.equal(exe.statusCode, 415);
    assert.equal(exe.json().error.code, 'FILE_TYPE_NOT_ALLOWED');
    assert.match(exe.json().error.message, /^Файлы такого типа загрузить нельзя/);
    const fake = await upload(user, Buffer.from('not a png'), {
      'content-type': 'image/png',
      'x-file-name': 'a.png',
    });
    assert.equal(fake.statusCode, 415);
    assert.equal(fake.json().error.code, 'FILE_TYPE_MISMATCH');
    const untyped = await upload(user, Buffer.from('hi'), { 'x-file-name': 'a.bin' });
    assert.equal(untyped.statusCode, 415);
    assert.equal(untyped.json().error.code, 'FILE_TYPE_NOT_ALLOWED');
    // A JSON file is a file here: it is stored, not parsed as a request body.
    const json = await upload(user, Buffer.from('{"a":1}'), {
      'content-type': 'application/json',
      'x-file-name': 'data.json',
    });
    assert.equal(json.statusCode, 201, json.body);
    assert.deepEqual(await spoolLeft(), []);
    // …while the other /api routes keep parsing JSON bodies (the upload's parser is scoped to its route).
    const me = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      payload: { language: 'en' },
      headers: auth(user),
    });
    assert.equal(me.statusCode, 200, me.body);
    assert.equal(me.json().user.language, 'en');
  });

  test('an upload cut off halfway leaves no spooled file and no row', async () => {
    const user = newUser();
    let sent = 0;
    const broken = new Readable({
      read() {
        sent += 1;
        if (sent > 3) this.destroy(new Error('connection reset'));
        else this.push(sent === 1 ? Buffer.concat([MP4_HEAD, Buffer.alloc(1 << 20)]) : Buffer.alloc(1 << 20));
      },
    });
    await upload(user, broken, { 'content-type': 'video/mp4', 'x-file-name': 'cut.mp4' }).catch(() => null);
    // The handler finishes after the client is gone; give it a moment to clean up.
    for (let i = 0; i < 50 && (await spoolLeft()).length > 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(await spoolLeft(), []);
    assert.equal(await database.db.storedFile.count({ where: { name: 'cut.mp4' } }), 0);
  });

  test('100 MB is accepted; 101 MB is refused with 413 and a localized message, declared or not', async () => {
    const user = newUser('ru');
    const started = Date.now();
    const accepted = await upload(user, lazyBytes(FILE_MAX_BYTES, MP4_HEAD), {
      'content-type': 'video/mp4',
      'x-file-name': 'clip.mp4',
      'content-length': String(FILE_MAX_BYTES),
    });
    assert.equal(accepted.statusCode, 201, accepted.body);
    const video = ZStoredFileViewSchema.parse(accepted.json());
    assert.deepEqual([video.size, video.kind, video.mimeType], [FILE_MAX_BYTES, 'video', 'video/mp4']);
    const uploadMs = Date.now() - started;

    const expected = {
      error: { code: 'FILE_TOO_LARGE', message: 'Файл слишком большой: можно загрузить не больше 100 МБ.' },
    };
    const declared = await upload(user, lazyBytes(101 * 1024 * 1024, MP4_HEAD), {
      'content-type': 'video/mp4',
      'x-file-name': 'big.mp4',
      'content-length': String(101 * 1024 * 1024),
    });
    assert.equal(declared.statusCode, 413);
    assert.deepEqual(declared.json(), expected);
    assert.equal(declared.headers.connection, 'close');
    // No length up front (chunked): refused once the stream passes the limit.
    const streamed = await upload(user, lazyBytes(101 * 1024 * 1024, MP4_HEAD), {
      'content-type': 'video/mp4',
      'x-file-name': 'big.mp4',
    });
    assert.equal(streamed.statusCode, 413);
    assert.deepEqual(streamed.json(), expected);
    assert.equal(await database.db.storedFile.count({ where: { name: 'big.mp4' } }), 0);
    assert.deepEqual(await spoolLeft(), []);
    assert.ok(uploadMs < 20_000, `100 MB took ${uploadMs} ms`);

    // Seeking in the video: byte ranges of the stored copy.
    const head = await get(video.url, { range: 'bytes=0-15' });
    assert.equal(head.statusCode, 206);
    assert.equal(head.headers['content-range'], `bytes 0-15/${FILE_MAX_BYTES}`);
    assert.equal(head.headers['content-length'], '16');
    assert.ok(head.rawPayload.equals(MP4_HEAD.subarray(0, 16)));
    const tail = await get(video.url, { range: 'bytes=-10' });
    assert.equal(
      tail.headers['content-range'],
      `bytes ${FILE_MAX_BYTES - 10}-${FILE_MAX_BYTES - 1}/${FILE_MAX_BYTES}`,
    );
    assert.equal(tail.rawPayload.length, 10);
    const past = await get(video.url, { range: `bytes=${FILE_MAX_BYTES}-` });
    assert.equal(past.statusCode, 416);
    assert.equal(past.headers['content-range'], `bytes */${FILE_MAX_BYTES}`);
  });
});

test('over a real socket, a client still sending 101 MB hears the 413 (declared length or chunked)', async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const user = newUser();
  for (const declared of [true, false]) {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/files',
          headers: {
            ...auth(user),
            'content-type': 'video/mp4',
            'x-file-name': 'big.mp4',
            ...(declared ? { 'content-length': String(101 * 1024 * 1024) } : {}),
          },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      lazyBytes(101 * 1024 * 1024, MP4_HEAD).pipe(req);
    });
    assert.equal(answer.status, 413, `declared: ${declared}`);
    assert.equal(JSON.parse(answer.body).error.code, 'FILE_TOO_LARGE');
  }
  assert.deepEqual(await spoolLeft(), []);
});

describe('GET /files/:id and GET /api/files/:id/url', () => {
  let owner: TUser;
  let file: ReturnType<typeof ZStoredFileViewSchema.parse>;
  before(async () => {
    owner = newUser();
    const response = await upload(owner, Buffer.from('plain notes\n'), {
      'content-type': 'text/plain',
      'x-file-name': 'notes.txt',
    });
    file = ZStoredFileViewSchema.parse(response.json());
  });

  test('a signed URL serves the file; ?download=1 signed in makes it an attachment', async () => {
    const shown = await get(file.url);
    assert.equal(shown.statusCode, 200);
    assert.equal(shown.body, 'plain notes\n');
    assert.equal(shown.headers['x-content-type-options'], 'nosniff');
    const fresh = ZFileUrlSchema.parse(
      (await get(`/api/files/${file.id}/url?download=1`, auth(owner))).json(),
    );
    const downloaded = await get(fresh.url);
    assert.equal(downloaded.statusCode, 200);
    assert.match(String(downloaded.headers['content-disposition']), /^attachment; filename="notes.txt"/);
  });

  test('a tampered, unsigned or expired URL is 403 with a message; an unknown file behind a valid one is 404', async () => {
    const url = new URL(file.url, 'http://app');
    const tampered = [
      `${url.pathname}?exp=${Number(url.searchParams.get('exp')) + 60}&sig=${url.searchParams.get('sig')}`,
      `${file.url}&download=1`,
      `${url.pathname}?exp=${url.searchParams.get('exp')}`,
      url.pathname,
      file.url.replace(file.id, `${file.id.slice(0, -1)}${file.id.endsWith('A') ? 'B' : 'A'}`),
      signFileUrl(fileUrlKeyOf(randomBytes(32)), {
        fileId: file.id,
        expiresAt: new Date(Date.now() + 60_000),
      }),
    ];
    for (const bad of tampered) {
      const response = await get(bad, { 'accept-language': 'ru' });
      assert.equal(response.statusCode, 403, bad);
      assert.deepEqual(response.json(), {
        error: {
          code: 'FILE_URL_INVALID',
          message: 'Ссылка устарела или недействительна. Откройте файл в приложении ещё раз.',
        },
      });
    }
    const expired = signFileUrl(urlKey, { fileId: file.id, expiresAt: new Date(Date.now() - 1000) });
    assert.equal((await get(expired)).statusCode, 403);
    const unknown = signFileUrl(urlKey, { fileId: 'A'.repeat(22), expiresAt: new Date(Date.now() + 60_000) });
    assert.equal((await get(unknown)).statusCode, 404);
  });

  test('a deleted or expired file is 404 even with a valid URL', async () => {
    const other = await upload(owner, Buffer.from('gone'), {
      'content-type': 'text/plain',
      'x-file-name': 'gone.txt',
    });
    const gone = ZStoredFileViewSchema.parse(other.json());
    await database.db.storedFile.update({
      where: { id: gone.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    assert.equal((await get(gone.url)).statusCode, 404);
    assert.equal((await get(`/api/files/${gone.id}/url`, auth(owner))).statusCode, 404);
  });

  test('only the owner gets a fresh URL; others and bad ids get 404', async () => {
    const stranger = newUser();
    const theirs = await get(`/api/files/${file.id}/url`, auth(stranger));
    assert.equal(theirs.statusCode, 404);
    assert.equal(theirs.json().error.code, 'NOT_FOUND');
    assert.equal((await get('/api/files/..%2F..%2Fetc/url', auth(owner))).statusCode, 404);
    assert.equal((await get(`/api/files/${file.id}/url`)).statusCode, 401);
    assert.equal(
      (await get(`/api/files/${file.id}/url?original=1`, auth(owner))).statusCode,
      404,
      'no original of a text file',
    );
  });
});
