import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseRedis, localRedisUrl } from './choose-redis.ts';
import type { TProbe } from './probe-services.ts';

const DEFAULT_URL = 'redis://127.0.0.1:6379';
const down: TProbe = { kind: 'unreachable', reason: 'connect ECONNREFUSED 127.0.0.1:6379' };
const probeOf = (answers: Record<string, TProbe>) => async (url: string) => answers[url] ?? down;
const base = { redisUrl: DEFAULT_URL, fromEnv: false, localPort: 6399 };

test('a Redis that answers at REDIS_URL is used, and redis-server is not even looked for', async () => {
  let looked = false;
  const choice = await chooseRedis({
    ...base,
    probe: probeOf({ [DEFAULT_URL]: { kind: 'ok' } }),
    findRedisServer: async () => {
      looked = true;
      return '/usr/bin/redis-server';
    },
  });
  assert.deepEqual(choice, { kind: 'found', url: DEFAULT_URL, where: 'configured' });
  assert.equal(looked, false);
});

test('with no Redis answering, a redis-server on PATH is started on the sandbox port', async () => {
  const choice = await chooseRedis({
    ...base,
    probe: probeOf({}),
    findRedisServer: async () => '/opt/bin/redis-server',
  });
  assert.equal(choice.kind, 'local');
  assert.ok(choice.kind === 'local');
  assert.equal(choice.binary, '/opt/bin/redis-server');
  assert.equal(choice.url, 'redis://127.0.0.1:6399');
  assert.equal(choice.port, 6399);
});

test('a redis-server left by an earlier run on the sandbox port is reused', async () => {
  const choice = await chooseRedis({
    ...base,
    probe: probeOf({ [localRedisUrl(6399)]: { kind: 'ok' } }),
    findRedisServer: async () => '/usr/bin/redis-server',
  });
  assert.deepEqual(choice, { kind: 'found', url: 'redis://127.0.0.1:6399', where: 'earlier-local' });
});

test('with no Redis and no redis-server, the sandbox stops and says how to get one on each system', async () => {
  const choice = await chooseRedis({ ...base, probe: probeOf({}), findRedisServer: async () => null });
  assert.equal(choice.kind, 'fail');
  assert.ok(choice.kind === 'fail');
  assert.match(choice.message, /apt install redis-server/);
  assert.match(choice.message, /brew install redis/);
  assert.match(choice.message, /docker run .*redis/);
  assert.match(choice.message, /ECONNREFUSED/);
});

test('a refusal at a REDIS_URL the person set is reported, not worked around', async () => {
  const url = 'redis://10.0.0.5:6379';
  const choice = await chooseRedis({
    ...base,
    redisUrl: url,
    fromEnv: true,
    probe: probeOf({ [url]: { kind: 'refused', reason: 'NOAUTH Authentication required.' } }),
    findRedisServer: async () => '/usr/bin/redis-server',
  });
  assert.equal(choice.kind, 'fail');
  assert.ok(choice.kind === 'fail');
  assert.match(choice.message, /NOAUTH/);
  assert.match(choice.message, /REDIS_URL/);
});
