import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CreateUserCommand,
  GetInternalSquadsCommand,
  GetNodesCommand,
  GetSubscriptionInfoByShortUuidCommand,
} from '@remnawave/backend-contract';
import { newUser, withPanel } from './remnawave-test-client.ts';

const GIB = 1024 ** 3;

function userinfo(header: string | null): Record<string, number> {
  assert.ok(header, 'subscription-userinfo header');
  return Object.fromEntries(
    header.split(';').map((part) => {
      const [key, value] = part.trim().split('=');
      return [key ?? '', Number(value)];
    }),
  );
}

describe('Remnawave stand-in: squads, nodes, subscription', () => {
  test('internal squads and nodes parse with the contract; a node taken offline shows so', () =>
    withPanel(async (panel, call) => {
      const squads = GetInternalSquadsCommand.ResponseSchema.parse(
        (await call('GET', '/api/internal-squads')).json,
      );
      assert.equal(squads.response.total, 2);
      const [first] = squads.response.internalSquads;
      assert.ok(first);
      await call('POST', '/api/users', { body: newUser('member', { activeInternalSquads: [first.uuid] }) });
      const after = GetInternalSquadsCommand.ResponseSchema.parse(
        (await call('GET', '/api/internal-squads')).json,
      );
      assert.equal(after.response.internalSquads[0]?.info.membersCount, 1);

      const nodes = GetNodesCommand.ResponseSchema.parse((await call('GET', '/api/nodes')).json).response;
      assert.ok(nodes.every((n) => n.isConnected && !n.isDisabled));
      panel.control.setNodeOnline(nodes[0]?.uuid ?? '', false);
      const later = GetNodesCommand.ResponseSchema.parse((await call('GET', '/api/nodes')).json).response;
      assert.deepEqual(
        later.map((n) => n.isConnected),
        [false, true],
      );
      assert.equal((await call('GET', `/api/nodes/${nodes[1]?.uuid}`)).status, 200);
      assert.equal((await call('GET', '/api/nodes/6f1c1b61-3a0f-4b8e-9d36-2b1f0c7a9e11')).status, 404);
    }));

  test('GET /api/sub/<shortUuid> needs no token: base64 links, subscription-userinfo as the panel sends it', () =>
    withPanel(async (panel, call) => {
      const squad = panel.control.squads()[0]?.uuid;
      const expireAt = new Date('2031-05-01T00:00:00.000Z');
      const user = CreateUserCommand.ResponseSchema.parse(
        (
          await call('POST', '/api/users', {
            body: newUser('subscriber', {
              trafficLimitBytes: 50 * GIB,
              expireAt: expireAt.toISOString(),
              activeInternalSquads: [squad],
            }),
          })
        ).json,
      ).response;
      panel.control.addTraffic(user.id, 3 * GIB);

      const response = await fetch(user.subscriptionUrl);
      assert.equal(response.status, 200);
      assert.deepEqual(userinfo(response.headers.get('subscription-userinfo')), {
        upload: 0,
        download: 3 * GIB,
        total: 50 * GIB,
        expire: expireAt.getTime() / 1000,
      });
      assert.match(response.headers.get('profile-title') ?? '', /^base64:/);
      const links = Buffer.from(await response.text(), 'base64')
        .toString('utf8')
        .split('\n');
      assert.equal(links.length, 2, 'one link per online node for the one squad inbound');
      for (const link of links) assert.match(link, new RegExp(`^vless://${user.vlessUuid}@`));

      panel.control.setNodeOnline('Amsterdam', false);
      const fewer = Buffer.from(await (await fetch(user.subscriptionUrl)).text(), 'base64').toString('utf8');
      assert.equal(fewer.split('\n').length, 1);
      assert.match(fewer, /de1\.vpn\.example/);
    }));

  test('year-2099 expiry reports expire=0; a disabled user gets no links; unknown short uuid is 404', () =>
    withPanel(async (panel, call) => {
      const user = CreateUserCommand.ResponseSchema.parse(
        (
          await call('POST', '/api/users', {
            body: newUser('forever', {
              expireAt: '2099-12-31T00:00:00.000Z',
              activeInternalSquads: [panel.control.squads()[0]?.uuid],
            }),
          })
        ).json,
      ).response;
      const forever = await fetch(user.subscriptionUrl);
      assert.equal(userinfo(forever.headers.get('subscription-userinfo')).expire, 0);
      assert.equal(userinfo(forever.headers.get('subscription-userinfo')).total, 0, 'no limit');

      await call('POST', `/api/users/${user.id}/actions/disable`);
      assert.equal(await (await fetch(user.subscriptionUrl)).text(), '');
      assert.equal((await fetch(`${panel.url}/api/sub/nosuchshortuuid00`)).status, 404);
    }));

  test('/api/sub/<shortUuid>/info parses with the contract', () =>
    withPanel(async (panel, call) => {
      const user = CreateUserCommand.ResponseSchema.parse(
        (await call('POST', '/api/users', { body: newUser('info_user', { trafficLimitBytes: 10 * GIB }) }))
          .json,
      ).response;
      panel.control.addTraffic(user.id, GIB);
      const info = GetSubscriptionInfoByShortUuidCommand.ResponseSchema.parse(
        await (await fetch(`${user.subscriptionUrl}/info`)).json(),
      ).response;
      assert.equal(info.user.username, 'info_user');
      assert.equal(info.user.trafficUsedBytes, String(GIB));
      assert.equal(info.user.daysLeft, 30);
      assert.equal(info.subscriptionUrl, user.subscriptionUrl);
    }));
});
