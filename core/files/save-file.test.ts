import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { touchUser } from '#core/accounts/touch-user.ts';
import { aiPlanOf } from '#core/ai/user-tier.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { FILE_MAX_BYTES, FILE_TTL_MS } from './file-limits.ts';
import { createLocalFileStore } from './local-file-store.ts';
import { readFile } from './read-file.ts';
import { saveFile } from './save-file.ts';

let t: TestDatabase;
let root: string;
let userId: bigint;
let premiumId: bigint;
before(async () => {
  t = await createTestDatabase();
  root = await mkdtemp(join(tmpdir(), 'polygram-save-'));
  userId = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Free' })).user.id;
  premiumId = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Premium' })).user.id;
  const now = Date.now();
  await t.db.entitlement.create({
    data: {
      userId: premiumId,
      kind: 'ai_subscription',
      productId: 'ai-sub-30d',
      tier: 'premium',
      startsAt: new Date(now - 1000),
      endsAt: new Date(now + 30 * 86_400_000),
    },
  });
});
after(async () => {
  await t.drop();
  await rm(root, { recursive: true, force: true });
});

const deps = () => ({ db: t.db, store: createLocalFileStore(join(root, 'store')) });
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const storedFiles = async () =>
  (await readdir(join(root, 'store'), { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => d.name);

/** A camera-like photo: 4000 × 3000 pixels of noise, EXIF orientation 6 (shown rotated, 3000 × 4000). */
const photo = () =>
  sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toBuffer();

/** A PNG whose header claims `width × height` pixels: it costs nothing to make, and a lot to decode. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    chunk('IHDR', ihdr),
    // An empty zlib stream: enough for the header to parse.
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A sparse file of `size` bytes that starts like an MP4: big on paper, nothing allocated. */
async function sparseVideo(size: number): Promise<string> {
  const path = join(root, `video-${size}.mp4`);
  const handle = await open(path, 'w');
  await handle.write(
    Buffer.from('\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2', 'latin1'),
    0,
    undefined,
    0,
  );
  await handle.truncate(size);
  await handle.close();
  return path;
}

describe('saveFile: images', () => {
  test('a big photo is stored upright, at most 1920 px, as a progressive JPEG q85; the original only for premium', async () => {
    const input = await photo();
    const now = new Date();
    for (const [owner, premium] of [
      [userId, false],
      [premiumId, true],
    ] as const) {
      const plan = await aiPlanOf(t.db, owner);
      assert.equal(plan.tier === 'premium', premium);
      const file = await saveFile(deps(), {
        userId: owner,
        kind: 'image',
        name: 'IMG_0001.JPG',
        mimeType: 'image/jpeg',
        data: input,
        keepOriginal: plan.tier === 'premium',
        now,
      });
      assert.deepEqual(
        [file.width, file.height, file.mimeType, file.compressed, file.name, file.storage],
        [1440, 1920, 'image/jpeg', true, 'IMG_0001.jpg', 'local'],
      );
      assert.equal(file.expiresAt?.getTime(), now.getTime() + FILE_TTL_MS);
      const { data } = await readFile(deps(), { fileId: file.id });
      const meta = await sharp(data).metadata();
      assert.deepEqual(
        [meta.format, meta.width, meta.height, meta.isProgressive],
        ['jpeg', 1440, 1920, true],
      );
      assert.equal(meta.orientation, undefined, 'already upright: no EXIF orientation left');
      assert.equal(file.size, BigInt(data.length));
      assert.equal(file.sha256, sha256(data));
      assert.ok(data.length < input.length);
      if (premium) {
        assert.match(
          file.originalKey ?? '',
          /^images\/\d{4}\/\d{2}\/\d{2}\/[A-Za-z0-9_-]{22}\.original\.jpg$/,
        );
        const original = await readFile(deps(), { fileId: file.id, original: true });
        assert.ok(original.data.equals(input), 'the original is kept byte for byte');
        assert.equal(original.mimeType, 'image/jpeg');
      } else {
        assert.equal(file.originalKey, null);
        await assert.rejects(readFile(deps(), { fileId: file.id, original: true }), (e) =>
          isAppError(e, 'NOT_FOUND'),
        );
      }
    }
  });

  test('quality 85: the stored copy is what sharp makes at q85, not at another quality', async () => {
    const input = await sharp({
      create: {
        width: 800,
        height: 600,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 100, sigma: 30 },
      },
    })
      .png()
      .toBuffer();
    const file = await saveFile(deps(), {
      userId,
      kind: 'image',
      name: 'n.png',
      mimeType: 'image/png',
      data: input,
    });
    const { data } = await readFile(deps(), { fileId: file.id });
    const at = (quality: number) =>
      sharp(input)
        .rotate()
        .flatten({ background: '#ffffff' })
        .jpeg({ quality, progressive: true })
        .toBuffer();
    assert.equal(data.length, (await at(85)).length);
    assert.notEqual(data.length, (await at(80)).length);
  });

  test('a small transparent PNG is not enlarged, is flattened, and gets a .jpg name', async () => {
    const input = await sharp({
      create: { width: 120, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const file = await saveFile(deps(), {
      userId,
      kind: 'image',
      name: 'C:\\logos\\logo.png',
      mimeType: 'image/png',
      data: input,
    });
    assert.deepEqual([file.width, file.height, file.name], [120, 40, 'logo.jpg']);
    const { data } = await readFile(deps(), { fileId: file.id });
    const { channels, dominant } = await sharp(data).stats();
    assert.equal(channels.length, 3);
    assert.deepEqual(dominant, { r: 248, g: 248, b: 248 }, 'transparency became white');
  });

  test('an image whose header claims more than 100 megapixels is refused before decoding', async () => {
    const before = await storedFiles();
    await assert.rejects(
      saveFile(deps(), {
        userId,
        kind: 'image',
        name: 'bomb.png',
        mimeType: 'image/png',
        data: pngHeaderOnly(12_000, 10_000),
      }),
      (e) => isAppError(e, 'IMAGE_TOO_LARGE') && e.details.limitMegapixels === 100,
    );
    assert.deepEqual(await storedFiles(), before);
  });
});

describe('saveFile: types', () => {
  test('unknown types, a type of another kind and bytes that are not what they claim are refused', async () => {
    const jpeg = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#f00' } })
      .jpeg()
      .toBuffer();
    const cases = [
      [
        { mimeType: 'application/x-msdownload', kind: 'document', data: Buffer.from('MZ') },
        'FILE_TYPE_NOT_ALLOWED',
      ],
      [{ mimeType: 'text/html', kind: 'document', data: Buffer.from('<html>') }, 'FILE_TYPE_NOT_ALLOWED'],
      [
        { mimeType: 'video/mp4', kind: 'image', data: Buffer.from('\x00\x00\x00\x18ftypisom') },
        'FILE_TYPE_NOT_ALLOWED',
      ],
      [{ mimeType: 'image/png', kind: 'image', data: jpeg }, 'FILE_TYPE_MISMATCH'],
      [{ mimeType: 'audio/mpeg', kind: 'audio', data: Buffer.from('OggS\x00\x02') }, 'FILE_TYPE_MISMATCH'],
      [{ mimeType: 'application/pdf', kind: 'document', data: Buffer.alloc(0) }, 'FILE_TYPE_MISMATCH'],
      // A JPEG's first bytes over a body that is not one.
      [
        {
          mimeType: 'image/jpeg',
          kind: 'image',
          data: Buffer.concat([jpeg.subarray(0, 3), Buffer.alloc(500, 1)]),
        },
        'FILE_TYPE_MISMATCH',
      ],
    ] as const;
    const before = await storedFiles();
    for (const [input, code] of cases)
      await assert.rejects(
        saveFile(deps(), { userId, name: 'x', ...input }),
        (e) => isAppError(e, code),
        input.mimeType,
      );
    assert.deepEqual(await storedFiles(), before, 'nothing stored for a refused file');
  });

  test('other types are stored byte for byte, aliases resolved; temp takes any type', async () => {
    const audio = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), Buffer.alloc(100)]);
    const file = await saveFile(deps(), {
      userId,
      kind: 'audio',
      name: 'voice',
      mimeType: 'audio/x-wav',
      data: audio,
      ttlMs: null,
    });
    assert.deepEqual(
      [file.mimeType, file.name, file.compressed, file.expiresAt, file.width],
      ['audio/wav', 'voice.wav', false, null, null],
    );
    assert.match(file.storageKey, /^audio\/\d{4}\/\d{2}\/\d{2}\/[A-Za-z0-9_-]{22}\.wav$/);
    assert.ok((await readFile(deps(), { fileId: file.id })).data.equals(audio));
    const temp = await saveFile(deps(), {
      userId,
      kind: 'temp',
      name: 'notes.txt',
      mimeType: 'text/plain; charset=utf-8',
      data: Buffer.from('hi'),
    });
    assert.match(temp.storageKey, /^temp\//);
  });

  test('when the row cannot be written, the bytes are removed again', async () => {
    const before = await storedFiles();
    await assert.rejects(
      saveFile(deps(), {
        userId: 1n,
        kind: 'document',
        name: 'a.txt',
        mimeType: 'text/plain',
        data: Buffer.from('orphan?'),
      }),
    );
    assert.deepEqual(await storedFiles(), before);
  });
});

describe('saveFile: size limit', () => {
  test('100 MB is accepted and 101 MB refused with FILE_TOO_LARGE, from files on disk', async () => {
    const exactly = await sparseVideo(FILE_MAX_BYTES);
    const over = await sparseVideo(101 * 1024 * 1024);
    const before = await storedFiles();
    await assert.rejects(
      saveFile(deps(), {
        userId,
        kind: 'video',
        name: 'big.mp4',
        mimeType: 'video/mp4',
        data: { path: over },
      }),
      (e) => isAppError(e, 'FILE_TOO_LARGE') && e.details.limitMb === 100,
    );
    assert.deepEqual(await storedFiles(), before);
    const started = Date.now();
    const file = await saveFile(deps(), {
      userId,
      kind: 'video',
      name: 'big.mp4',
      mimeType: 'video/mp4',
      data: { path: exactly },
    });
    assert.equal(file.size, BigInt(FILE_MAX_BYTES));
    assert.equal(file.kind, 'video');
    assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
    await rm(exactly);
    await rm(over);
  });
});
