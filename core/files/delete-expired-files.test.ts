import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import sharp from 'sharp';
import { touchUser } from '#core/accounts/touch-user.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { createLogger } from '#core/logging/logger.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { deleteExpiredFiles } from './delete-expired-files.ts';
import type { TFileStore } from './file-store.ts';
import { createLocalFileStore } from './local-file-store.ts';
import { readFile } from './read-file.ts';
import { saveFile } from './save-file.ts';

let t: TestDatabase;
let root: string;
let store: TFileStore;
let userId: bigint;
before(async () => {
  t = await createTestDatabase();
  root = await mkdtemp(join(tmpdir(), 'polygram-expiry-'));
  store = createLocalFileStore(root);
  userId = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Exp' })).user.id;
});
after(async () => {
  await t.drop();
  await rm(root, { recursive: true, force: true });
});

const logger = createLogger({ level: 'silent', name: 'test' });
const DAY = 86_400_000;
const exists = (key: string) =>
  store.read(key).then(
    () => true,
    (e) => (isAppError(e, 'NOT_FOUND') ? false : Promise.reject(e)),
  );

test('expired files lose their bytes (and originals) and are marked deleted; the rest stay; a second run finds nothing', async () => {
  const now = new Date('2026-12-10T03:00:00Z');
  const text = (name: string, ttlMs: number | null | undefined, savedAt: Date) =>
    saveFile(
      { db: t.db, store },
      {
        userId,
        kind: 'document',
        name,
        mimeType: 'text/plain',
        data: Buffer.from(name.repeat(10)),
        ttlMs,
        now: savedAt,
      },
    );
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#0a0' } })
    .png()
    .toBuffer();
  const fourDaysAgo = new Date(now.getTime() - 4 * DAY);
  const expiredImage = await saveFile(
    { db: t.db, store },
    {
      userId,
      kind: 'image',
      name: 'old.png',
      mimeType: 'image/png',
      data: png,
      keepOriginal: true,
      now: fourDaysAgo,
    },
  );
  const expiredText = await text('old.txt', undefined, fourDaysAgo);
  const justExpired = await text('edge.txt', DAY, new Date(now.getTime() - DAY));
  const fresh = await text('fresh.txt', undefined, new Date(now.getTime() - DAY));
  const forever = await text('keep.txt', null, fourDaysAgo);
  assert.ok(expiredImage.originalKey && (await exists(expiredImage.originalKey)));

  const lines: string[] = [];
  const recording = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  const first = await deleteExpiredFiles({ db: t.db, store, logger: recording }, { now });
  const logged = JSON.parse(lines.find((line) => line.includes('expired files deleted')) ?? '{}');
  assert.deepEqual(
    [logged.count, logged.bytes, [...logged.ids].sort()],
    [3, String(first.bytes), [...first.ids].sort()],
    'the run logs what it removed',
  );
  assert.deepEqual([...first.ids].sort(), [expiredImage.id, expiredText.id, justExpired.id].sort());
  assert.equal(first.count, 3);
  assert.equal(first.bytes, expiredImage.size + expiredText.size + justExpired.size);
  assert.deepEqual(first.failed, []);
  for (const file of [expiredImage, expiredText, justExpired]) {
    assert.equal(await exists(file.storageKey), false, file.name);
    const row = await t.db.storedFile.findUniqueOrThrow({ where: { id: file.id } });
    assert.equal(row.deletedAt?.getTime(), now.getTime());
  }
  assert.equal(await exists(expiredImage.originalKey), false, 'the original goes too');
  for (const file of [fresh, forever]) {
    assert.equal(await exists(file.storageKey), true, file.name);
    assert.equal((await t.db.storedFile.findUniqueOrThrow({ where: { id: file.id } })).deletedAt, null);
  }

  const second = await deleteExpiredFiles({ db: t.db, store, logger }, { now });
  assert.deepEqual([second.count, second.bytes, second.ids], [0, 0n, []]);
});

test('a store failure leaves that file for the next run and does not stop the others', async () => {
  const now = new Date();
  const save = (name: string) =>
    saveFile(
      { db: t.db, store },
      { userId, kind: 'document', name, mimeType: 'text/plain', data: Buffer.from(name), ttlMs: -1, now },
    );
  const stuck = await save('stuck.txt');
  const other = await save('other.txt');
  const failing: TFileStore = {
    ...store,
    delete: (key) => (key === stuck.storageKey ? Promise.reject(new Error('disk gone')) : store.delete(key)),
  };
  const run = await deleteExpiredFiles({ db: t.db, store: failing, logger }, { now });
  assert.deepEqual([run.ids, run.failed], [[other.id], [stuck.id]]);
  assert.equal((await t.db.storedFile.findUniqueOrThrow({ where: { id: stuck.id } })).deletedAt, null);
  const retry = await deleteExpiredFiles({ db: t.db, store, logger }, { now });
  assert.deepEqual(retry.ids, [stuck.id]);
  assert.equal(await exists(stuck.storageKey), false);
});

test('readFile refuses expired, deleted and other users’ files with NOT_FOUND', async () => {
  const other = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Other' })).user.id;
  const now = new Date();
  const file = await saveFile(
    { db: t.db, store },
    {
      userId,
      kind: 'document',
      name: 'a.txt',
      mimeType: 'text/plain',
      data: Buffer.from('a'),
      ttlMs: DAY,
      now,
    },
  );
  const notFound = (e: unknown) => isAppError(e, 'NOT_FOUND');
  assert.equal((await readFile({ db: t.db, store }, { fileId: file.id, userId })).data.toString(), 'a');
  await assert.rejects(readFile({ db: t.db, store }, { fileId: file.id, userId: other }), notFound);
  await assert.rejects(
    readFile({ db: t.db, store }, { fileId: file.id, now: new Date(now.getTime() + DAY) }),
    notFound,
  );
  await assert.rejects(readFile({ db: t.db, store }, { fileId: 'no-such-file' }), notFound);
  await t.db.storedFile.update({ where: { id: file.id }, data: { deletedAt: now } });
  await assert.rejects(readFile({ db: t.db, store }, { fileId: file.id }), notFound);
});
