import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { acquireLock, LockLostError, withLock } from './lock.ts';

let redis: TestRedis;
let seq = 0;
before(async () => {
  redis = await createTestRedis();
});
after(() => redis.cleanup());

const newKey = () => `${redis.prefix}:lock:${seq++}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('of many concurrent acquirers, on separate connections, exactly one holds the lock', async () => {
  const key = newKey();
  const connections = Array.from({ length: 8 }, () => redis.redis.duplicate());
  try {
    const locks = await Promise.all(
      connections.flatMap((c) => [
        acquireLock(c, key, { ttlMs: 5_000 }),
        acquireLock(c, key, { ttlMs: 5_000 }),
      ]),
    );
    const held = locks.filter((l) => l !== null);
    assert.equal(held.length, 1);
    assert.equal(await acquireLock(redis.redis, key, { ttlMs: 5_000 }), null, 'still held');
    assert.equal(await held[0]?.release(), true);
    const next = await acquireLock(redis.redis, key, { ttlMs: 5_000 });
    assert.ok(next, 'free again once released');
    await next.release();
  } finally {
    for (const c of connections) c.disconnect();
  }
});

test('renewal keeps a holder alive well past its ttl, and release frees the key', async () => {
  const key = newKey();
  const lock = await acquireLock(redis.redis, key, { ttlMs: 600 });
  assert.ok(lock);
  await sleep(2_000);
  assert.equal(lock.signal.aborted, false);
  assert.ok((await redis.redis.pttl(key)) > 0, 'the key still lives');
  assert.equal(await acquireLock(redis.redis, key, { ttlMs: 600 }), null, 'nobody else got it');
  assert.equal(await lock.release(), true);
  assert.equal(await redis.redis.exists(key), 0);
  assert.equal(await lock.release(), false, 'a second release does nothing');
});

test('a holder whose key another process took is told to stop, and its release leaves the other lock', async () => {
  const key = newKey();
  const lock = await acquireLock(redis.redis, key, { ttlMs: 300 });
  assert.ok(lock);
  await redis.redis.set(key, 'someone-else', 'PX', 10_000);
  assert.equal(await lock.lost, 'taken');
  assert.ok(lock.signal.aborted);
  assert.ok(lock.signal.reason instanceof LockLostError);
  assert.equal(await lock.extend(), false);
  assert.equal(await lock.release(), false);
  assert.equal(await redis.redis.get(key), 'someone-else', 'release never deletes a lock that is not ours');
});

test('a holder whose key was deleted is told it expired', async () => {
  const key = newKey();
  const lock = await acquireLock(redis.redis, key, { ttlMs: 300 });
  assert.ok(lock);
  await redis.redis.del(key);
  assert.equal(await lock.lost, 'expired');
  assert.ok(lock.signal.aborted);
});

test('a stalled holder (no renewal) loses its lock to the next one and finds out at its next extend', async () => {
  const key = newKey();
  const stalled = await acquireLock(redis.redis, key, { ttlMs: 200, autoRenew: false });
  assert.ok(stalled);
  let next = await acquireLock(redis.redis, key, { ttlMs: 5_000 });
  while (!next) {
    await sleep(50);
    next = await acquireLock(redis.redis, key, { ttlMs: 5_000 });
  }
  assert.equal(await stalled.extend(), false);
  assert.equal(await stalled.lost, 'taken');
  assert.equal(await stalled.release(), false);
  assert.equal(await redis.redis.exists(key), 1, "the next holder's lock survives the stale release");
  assert.equal(await next.release(), true);
});

test('when Redis stops answering the renewals, the holder is told before the key could have expired', async () => {
  const key = newKey();
  const connection = redis.redis.duplicate();
  const lock = await acquireLock(connection, key, { ttlMs: 300 });
  assert.ok(lock);
  connection.disconnect();
  assert.equal(await lock.lost, 'unconfirmed');
  assert.ok(lock.signal.aborted);
});

test('withLock runs fn with the signal, releases afterwards (also on a throw), and skips when held', async () => {
  const key = newKey();
  const result = await withLock(redis.redis, key, { ttlMs: 5_000 }, async (signal) => {
    assert.equal(signal.aborted, false);
    assert.deepEqual(await withLock(redis.redis, key, { ttlMs: 5_000 }, async () => 'second'), {
      acquired: false,
    });
    return 'first';
  });
  assert.deepEqual(result, { acquired: true, value: 'first' });
  assert.equal(await redis.redis.exists(key), 0);

  await assert.rejects(
    withLock(redis.redis, key, { ttlMs: 5_000 }, async () => {
      throw new Error('boom');
    }),
    /boom/,
  );
  assert.equal(await redis.redis.exists(key), 0, 'released after the throw');
});

test('withLock aborts the signal it passed when the lock is lost mid-work', async () => {
  const key = newKey();
  const result = await withLock(redis.redis, key, { ttlMs: 300 }, async (signal) => {
    await redis.redis.del(key);
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    return signal.reason instanceof LockLostError ? signal.reason.reason : 'not lost';
  });
  assert.deepEqual(result, { acquired: true, value: 'expired' });
});
