import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Queue, QueueEvents } from 'bullmq';
import { touchUser } from '#core/accounts/touch-user.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { createLocalFileStore } from '#core/files/local-file-store.ts';
import { saveFile } from '#core/files/save-file.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { createTestWorkerContext } from '#tests/support/test-worker-context.ts';
import { startJob } from '#workers/runtime/start-job.ts';
import {
  FILE_CLEANUP_QUEUE,
  FILE_CLEANUP_SCHEDULER,
  fileCleanupJob,
  type TFileCleanupResult,
} from './file-cleanup.ts';

let t: TestDatabase;
let redis: TestRedis;
let filesDir: string;
before(async () => {
  t = await createTestDatabase();
  redis = await createTestRedis();
  filesDir = await mkdtemp(join(tmpdir(), 'polygram-cleanup-'));
});
after(async () => {
  await t.drop();
  await redis.cleanup();
  await rm(filesDir, { recursive: true, force: true });
});

test('scheduled daily at 03:00 in FILE_CLEANUP_TZ; a run deletes what expired and keeps the rest', async () => {
  const store = createLocalFileStore(filesDir);
  const userId = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'C' })).user.id;
  const now = Date.now();
  const save = (name: string, savedAgoMs: number) =>
    saveFile(
      { db: t.db, store },
      {
        userId,
        kind: 'document',
        name,
        mimeType: 'text/plain',
        data: Buffer.from(name),
        now: new Date(now - savedAgoMs),
      },
    );
  const old = await save('old.txt', 4 * 86_400_000);
  const recent = await save('recent.txt', 60_000);
  // An upload spooled by a process that was killed, two days ago; and one in progress right now.
  await mkdir(join(filesDir, '.uploads'), { recursive: true });
  await writeFile(join(filesDir, '.uploads', 'dead.part'), 'x');
  const twoDaysAgo = new Date(now - 2 * 86_400_000);
  await utimes(join(filesDir, '.uploads', 'dead.part'), twoDaysAgo, twoDaysAgo);
  await writeFile(join(filesDir, '.uploads', 'live.part'), 'y');

  const prefix = `${redis.prefix}:bull`;
  const eventsConnection = redis.redis.duplicate();
  const events = new QueueEvents(FILE_CLEANUP_QUEUE, { connection: eventsConnection, prefix });
  await events.waitUntilReady();
  const built = createTestWorkerContext({
    database: t,
    redis,
    env: { FILES_DIR: filesDir, FILE_CLEANUP_TZ: 'Europe/Moscow' },
  });
  const queue = new Queue(FILE_CLEANUP_QUEUE, { connection: redis.redis, prefix });
  const cleanup = await startJob(fileCleanupJob, built.context);
  try {
    const scheduler = await queue.getJobScheduler(FILE_CLEANUP_SCHEDULER);
    assert.equal(scheduler?.pattern, '0 3 * * *');
    assert.equal(scheduler?.tz, 'Europe/Moscow');
    // 03:00 in Moscow (UTC+3, no daylight saving) is 00:00 UTC, within the next day.
    const next = new Date(scheduler?.next ?? 0);
    assert.deepEqual([next.getUTCHours(), next.getUTCMinutes()], [0, 0]);
    assert.ok(next.getTime() > now && next.getTime() <= now + 86_400_000, next.toISOString());

    // Run now rather than wait for 03:00: the same worker handles it.
    const completed = new Promise<TFileCleanupResult>((resolve) =>
      events.once('completed', ({ returnvalue }) => resolve(returnvalue as unknown as TFileCleanupResult)),
    );
    await queue.add('delete-expired', {});
    assert.deepEqual(await completed, { count: 1, bytes: String(old.size), failed: 0, staleTempFiles: 1 });
  } finally {
    await cleanup.close();
    await queue.close();
    await built.close();
    await events.close();
    eventsConnection.disconnect();
  }
  await assert.rejects(store.read(old.storageKey), (e) => isAppError(e, 'NOT_FOUND'));
  assert.ok((await t.db.storedFile.findUniqueOrThrow({ where: { id: old.id } })).deletedAt);
  assert.equal((await store.read(recent.storageKey)).toString(), 'recent.txt');
  assert.equal((await t.db.storedFile.findUniqueOrThrow({ where: { id: recent.id } })).deletedAt, null);
  assert.deepEqual(await readdir(join(filesDir, '.uploads')), ['live.part']);
});
