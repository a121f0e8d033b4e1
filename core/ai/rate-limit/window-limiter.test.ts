import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { createWindowLimiter } from './window-limiter.ts';

let redis: TestRedis;
before(async () => {
  redis = await createTestRedis();
});
after(() => redis.cleanup());

const HOUR = 3_600_000;

test('the window slides: a hit leaves it exactly one window after it was made', async () => {
  const limiter = createWindowLimiter(redis.redis, redis.prefix, { name: 'slide', max: 3, windowMs: 1_000 });
  const t0 = Date.now();
  for (let i = 0; i < 3; i++) assert.equal((await limiter.hit('ip', new Date(t0 + i * 100))).allowed, true);
  const refused = await limiter.hit('ip', new Date(t0 + 500));
  assert.ok(!refused.allowed);
  assert.equal(refused.retryAt.getTime(), t0 + 1_000, 'the first hit leaves the window at t0 + 1 s');
  assert.equal((await limiter.hit('ip', new Date(t0 + 999))).allowed, false, 'refused hits are not recorded');
  assert.equal((await limiter.hit('ip', new Date(t0 + 1_001))).allowed, true);
  assert.equal((await limiter.hit('other-ip', new Date(t0 + 500))).allowed, true, 'keys are separate');
});

test('parallel hits from many clients never exceed the limit', async () => {
  const limiter = createWindowLimiter(redis.redis, redis.prefix, { name: 'race', max: 10, windowMs: HOUR });
  const results = await Promise.all(Array.from({ length: 50 }, () => limiter.hit('same')));
  assert.equal(results.filter((r) => r.allowed).length, 10);
});

test('undo gives a hit back', async () => {
  const limiter = createWindowLimiter(redis.redis, redis.prefix, { name: 'undo', max: 1, windowMs: HOUR });
  const first = await limiter.hit('u');
  assert.ok(first.allowed);
  assert.equal((await limiter.hit('u')).allowed, false);
  await first.undo();
  assert.equal((await limiter.hit('u')).allowed, true);
});
