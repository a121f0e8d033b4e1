import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GetMetadataCommand, GetStatsCommand } from '@remnawave/backend-contract';
import { newUser, withPanel } from './remnawave-test-client.ts';

describe('Remnawave stand-in: transport, auth, metadata', () => {
  test('without X-Forwarded-For / X-Forwarded-Proto: https the connection is dropped, no HTTP answer', () =>
    withPanel(async (_panel, call) => {
      await assert.rejects(call('GET', '/api/system/metadata', { forwarded: false }), TypeError);
      const answered = await call('GET', '/api/system/metadata');
      assert.equal(answered.status, 200);
    }));

  test('a panel configured without the proxy check answers plain requests', () =>
    withPanel(
      async (_panel, call) => {
        assert.equal((await call('GET', '/api/system/metadata', { forwarded: false })).status, 200);
      },
      { requireForwardedHeaders: false },
    ));

  test('a missing or wrong bearer token is 401 Unauthorized, as passport answers', () =>
    withPanel(async (_panel, call) => {
      for (const token of [null, 'not-the-token']) {
        const reply = await call('POST', '/api/users', { token, body: newUser('alice') });
        assert.equal(reply.status, 401);
        assert.deepEqual(reply.json, { statusCode: 401, message: 'Unauthorized' });
      }
      assert.equal((await call('GET', '/api/users/by-username/alice')).status, 404, 'nothing was created');
    }));

  test('metadata parses with the contract and reports the configured version; setVersion changes it', () =>
    withPanel(
      async (panel, call) => {
        const first = GetMetadataCommand.ResponseSchema.parse(
          (await call('GET', '/api/system/metadata')).json,
        );
        assert.equal(first.response.version, '3.3.2');
        panel.control.setVersion('2.8.1');
        const second = GetMetadataCommand.ResponseSchema.parse(
          (await call('GET', '/api/system/metadata')).json,
        );
        assert.equal(second.response.version, '2.8.1');
      },
      { version: '3.3.2' },
    ));

  test('system stats count users by status and online nodes', () =>
    withPanel(async (panel, call) => {
      await call('POST', '/api/users', { body: newUser('active_one') });
      const created = await call('POST', '/api/users', {
        body: newUser('disabled_one', { status: 'DISABLED' }),
      });
      assert.equal(created.status, 201);
      panel.control.setNodeOnline('Frankfurt', false);
      const stats = GetStatsCommand.ResponseSchema.parse(
        (await call('GET', '/api/system/stats')).json,
      ).response;
      assert.deepEqual(stats.users.statusCounts, { ACTIVE: 1, DISABLED: 1, LIMITED: 0, EXPIRED: 0 });
      assert.equal(stats.users.totalUsers, 2);
      assert.equal(stats.onlineStats.neverOnline, 2);
      assert.equal(stats.nodes.totalOnline, 1);
    }));

  test('failNext answers the next requests with a 5xx in the panel error shape, then recovers', () =>
    withPanel(async (panel, call) => {
      panel.control.failNext({ count: 2, status: 503 });
      for (let i = 0; i < 2; i++) {
        const reply = await call('GET', '/api/nodes');
        assert.equal(reply.status, 503);
        assert.equal((reply.json as { errorCode: string }).errorCode, 'A001');
      }
      assert.equal((await call('GET', '/api/nodes')).status, 200);
    }));

  test('an unknown route is Nest’s 404; a malformed JSON body is 400', () =>
    withPanel(async (panel, call) => {
      const missing = await call('GET', '/api/users/by-telegram-id/42');
      assert.equal(missing.status, 404, '3.x removed by-telegram-id');
      assert.equal((missing.json as { message: string }).message, 'Cannot GET /api/users/by-telegram-id/42');
      const response = await fetch(`${panel.url}/api/users`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${panel.token}`,
          'x-forwarded-for': '1.2.3.4',
          'x-forwarded-proto': 'https',
        },
        body: '{"username":',
      });
      assert.equal(response.status, 400);
    }));
});
