import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withVast } from './vastai-test-client.ts';

describe('Vast.ai stand-in: auth, rate limit, injected faults', () => {
  test('no key or a wrong key is refused with 401 and changes nothing', () =>
    withVast(async (vast, call) => {
      const machine = vast.control.addMachine();
      for (const key of [null, 'b'.repeat(64)]) {
        const reply = await call('GET', '/api/v0/machines/?owner=me', { key });
        assert.equal(reply.status, 401);
        assert.equal((reply.json as { success: boolean }).success, false);
        const listing = await call('PUT', '/api/v0/machines/create_asks/', {
          key,
          body: { machine: machine.id, price_gpu: 1, min_chunk: 1 },
        });
        assert.equal(listing.status, 401);
      }
      assert.equal(vast.control.listings().length, 0, 'the refused listing did not happen');
    }));

  test('the key is accepted as a bearer token or as the legacy api_key query, with or without a trailing slash', () =>
    withVast(async (vast, call) => {
      vast.control.addMachine();
      for (const path of ['/api/v0/machines?owner=me', '/api/v0/machines/?owner=me']) {
        assert.equal((await call('GET', path)).status, 200);
        const legacy = await call('GET', path, { keyInQuery: true });
        assert.equal(legacy.status, 200);
        assert.equal((legacy.json as { machines: unknown[] }).machines.length, 1);
      }
      assert.equal((await call('GET', '/api/v0/machines', { key: 'wrong', keyInQuery: true })).status, 401);
    }));

  test('past the budget an endpoint answers 429 in plain text without Retry-After; other endpoints still answer', () =>
    withVast(
      async (_vast, call) => {
        assert.equal((await call('GET', '/api/v0/machines')).status, 200);
        assert.equal((await call('GET', '/api/v0/machines/')).status, 200, 'the slash is the same endpoint');
        const refused = await call('GET', '/api/v0/machines');
        assert.equal(refused.status, 429);
        assert.match(refused.headers.get('content-type') ?? '', /^text\/plain/);
        assert.equal(refused.headers.get('retry-after'), null);
        assert.match(refused.text, /^API requests too frequent/);
        assert.equal(refused.json, undefined, 'the body is not JSON');
        assert.equal((await call('GET', '/api/v0/users/current')).status, 200, 'limits are per endpoint');
      },
      { rateLimit: { burst: 2, minIntervalMs: 3_600_000 } },
    ));

  test('resetRateLimit lets a throttled caller through again', () =>
    withVast(
      async (vast, call) => {
        await call('GET', '/api/v0/machines');
        assert.equal((await call('GET', '/api/v0/machines')).status, 429);
        vast.control.resetRateLimit();
        assert.equal((await call('GET', '/api/v0/machines')).status, 200);
      },
      { rateLimit: { burst: 1, minIntervalMs: 3_600_000 } },
    ));

  test('failNext answers the given status for exactly `count` requests, then the API works again', () =>
    withVast(async (vast, call) => {
      const machine = vast.control.addMachine();
      vast.control.failNext({ count: 2, status: 503 });
      const body = { machine: machine.id, price_gpu: 1, min_chunk: 1 };
      assert.equal((await call('PUT', '/api/v0/machines/create_asks/', { body })).status, 503);
      assert.equal((await call('PUT', '/api/v0/machines/create_asks/', { body })).status, 503);
      assert.equal(vast.control.listings().length, 0, 'a failed request does nothing');
      assert.equal((await call('PUT', '/api/v0/machines/create_asks/', { body })).status, 200);
      assert.equal(vast.control.listings().length, 1);
    }));

  test('an injected 429 looks like the real one; a fault can be limited to a path', () =>
    withVast(async (vast, call) => {
      vast.control.failNext({ status: 429 });
      const throttled = await call('GET', '/api/v0/machines');
      assert.equal(throttled.status, 429);
      assert.match(throttled.headers.get('content-type') ?? '', /^text\/plain/);
      assert.equal(throttled.headers.get('retry-after'), null);
      vast.control.failNext({ status: 502, path: '/api/v0/users/' });
      assert.equal((await call('GET', '/api/v0/machines')).status, 200, 'another path is spared');
      assert.equal((await call('GET', '/api/v0/users/me/machine-earnings')).status, 502);
      assert.equal((await call('GET', '/api/v0/users/me/machine-earnings')).status, 200);
    }));

  test('users/current names the account and carries its api key', () =>
    withVast(async (vast, call) => {
      const reply = await call('GET', '/api/v0/users/current/');
      const user = reply.json as { id: number; username: string; api_key: string; balance: number };
      assert.equal(user.api_key, vast.apiKey);
      assert.equal(user.balance, 0);
      assert.equal(typeof user.id, 'number');
    }));
});
