import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CreateUserCommand,
  GetUserByIdCommand,
  GetUserByShortUuidCommand,
  GetUserByUsernameCommand,
  GetUserHwidDevicesCommand,
  GetUsersCommand,
  GetUsersStreamCommand,
  RevokeUserSubscriptionCommand,
  UpdateUserCommand,
} from '@remnawave/backend-contract';
import { newUser, withPanel } from './remnawave-test-client.ts';

const DAY_MS = 86_400_000;
type TPanelErrorBody = { timestamp: string; path: string; message: string; errorCode: string };

describe('Remnawave stand-in: users', () => {
  test('create answers 201 with the full user; get by id, username and short uuid find the same user', () =>
    withPanel(async (panel, call) => {
      const squad = panel.control.squads()[0]?.uuid;
      assert.ok(squad);
      const reply = await call('POST', '/api/users', {
        body: newUser('user_100500', {
          telegramId: 100500,
          trafficLimitBytes: 2 * 1024 ** 3,
          activeInternalSquads: [squad],
        }),
      });
      assert.equal(reply.status, 201);
      const user = CreateUserCommand.ResponseSchema.parse(reply.json).response;
      assert.equal(user.status, 'ACTIVE');
      assert.equal(user.telegramId, 100500);
      assert.deepEqual(
        user.activeInternalSquads.map((s) => s.uuid),
        [squad],
      );
      assert.equal(user.subscriptionUrl, `${panel.url}/api/sub/${user.shortUuid}`);
      assert.equal(user.userTraffic.usedTrafficBytes, 0);

      const byId = GetUserByIdCommand.ResponseSchema.parse((await call('GET', `/api/users/${user.id}`)).json);
      const byName = GetUserByUsernameCommand.ResponseSchema.parse(
        (await call('GET', '/api/users/by-username/user_100500')).json,
      );
      const byShort = GetUserByShortUuidCommand.ResponseSchema.parse(
        (await call('GET', `/api/users/by-short-uuid/${user.shortUuid}`)).json,
      );
      for (const found of [byId, byName, byShort]) assert.equal(found.response.id, user.id);
    }));

  test('users by telegram id come from the 3.x stream with a filter, an empty list when none', () =>
    withPanel(async (_panel, call) => {
      await call('POST', '/api/users', { body: newUser('tg_1', { telegramId: 7 }) });
      await call('POST', '/api/users', { body: newUser('tg_2', { telegramId: 8 }) });
      await call('POST', '/api/users', { body: newUser('tg_3', { telegramId: 7 }) });
      const seven = GetUsersStreamCommand.ResponseSchema.parse(
        (await call('GET', '/api/users/stream?telegramId=7')).json,
      );
      assert.deepEqual(
        seven.response.users.map((u) => u.username),
        ['tg_1', 'tg_3'],
      );
      assert.equal(seven.response.hasMore, false);
      const none = GetUsersStreamCommand.ResponseSchema.parse(
        (await call('GET', '/api/users/stream?telegramId=9')).json,
      );
      assert.deepEqual(none.response.users, []);
      const page = GetUsersStreamCommand.ResponseSchema.parse(
        (await call('GET', '/api/users/stream?size=2')).json,
      );
      assert.equal(page.response.hasMore, true);
      assert.equal(page.response.nextCursor, String(page.response.users[1]?.id));
      const rest = GetUsersStreamCommand.ResponseSchema.parse(
        (await call('GET', `/api/users/stream?size=2&cursor=${page.response.nextCursor}`)).json,
      );
      assert.deepEqual(
        rest.response.users.map((u) => u.username),
        ['tg_3'],
      );
      const listed = GetUsersCommand.ResponseSchema.parse(
        (await call('GET', '/api/users?start=1&size=1')).json,
      );
      assert.deepEqual([listed.response.total, listed.response.users.map((u) => u.username)], [3, ['tg_2']]);
    }));

  test('a duplicate username is 400 A019 in the panel error shape', () =>
    withPanel(async (_panel, call) => {
      assert.equal((await call('POST', '/api/users', { body: newUser('dupe') })).status, 201);
      const reply = await call('POST', '/api/users', { body: newUser('dupe') });
      assert.equal(reply.status, 400);
      const body = reply.json as TPanelErrorBody;
      assert.equal(body.errorCode, 'A019');
      assert.equal(body.message, 'User username already exists');
      assert.equal(body.path, '/api/users');
      assert.ok(!Number.isNaN(Date.parse(body.timestamp)));
    }));

  test('usernames outside the panel rules are a 400 validation failure', () =>
    withPanel(async (_panel, call) => {
      for (const username of ['ab', 'has space', 'x'.repeat(37), 'юзер']) {
        const reply = await call('POST', '/api/users', { body: newUser(username) });
        assert.equal(reply.status, 400, username);
        assert.equal((reply.json as { message: string }).message, 'Validation failed');
      }
      const noExpiry = await call('POST', '/api/users', { body: { username: 'no_expiry' } });
      assert.equal(noExpiry.status, 400);
    }));

  test('an unknown user is 404: A063 on lookups, A025 on actions', () =>
    withPanel(async (_panel, call) => {
      const lookup = await call('GET', '/api/users/999');
      assert.equal(lookup.status, 404);
      assert.equal((lookup.json as TPanelErrorBody).errorCode, 'A063');
      assert.equal((await call('GET', '/api/users/by-username/nobody')).status, 404);
      const action = await call('POST', '/api/users/999/actions/disable');
      assert.equal(action.status, 404);
      assert.deepEqual(
        {
          code: (action.json as TPanelErrorBody).errorCode,
          message: (action.json as TPanelErrorBody).message,
        },
        { code: 'A025', message: 'User not found' },
      );
      const update = await call('PATCH', '/api/users', { body: { id: 999, trafficLimitBytes: 1 } });
      assert.equal(update.status, 404);
      assert.equal((await call('GET', '/api/users/not-a-number')).status, 400);
    }));

  test('update refuses a past expireAt; a future one on an EXPIRED user makes them ACTIVE', () =>
    withPanel(async (panel, call) => {
      const user = CreateUserCommand.ResponseSchema.parse(
        (await call('POST', '/api/users', { body: newUser('renew') })).json,
      ).response;
      const past = await call('PATCH', '/api/users', {
        body: { id: user.id, expireAt: new Date(Date.now() - DAY_MS).toISOString() },
      });
      assert.equal(past.status, 400);
      assert.equal((past.json as { message: string }).message, 'Validation failed');

      assert.equal(panel.control.expire(user.id).status, 'EXPIRED');
      const until = new Date(Date.now() + 90 * DAY_MS);
      const renewed = UpdateUserCommand.ResponseSchema.parse(
        (await call('PATCH', '/api/users', { body: { username: 'renew', expireAt: until.toISOString() } }))
          .json,
      ).response;
      assert.equal(renewed.status, 'ACTIVE');
      assert.equal(renewed.expireAt.getTime(), until.getTime());
    }));

  test('enable / disable follow the panel: A029 when already disabled, A030 when already enabled', () =>
    withPanel(async (_panel, call) => {
      const id = CreateUserCommand.ResponseSchema.parse(
        (await call('POST', '/api/users', { body: newUser('toggle') })).json,
      ).response.id;
      const again = await call('POST', `/api/users/${id}/actions/enable`);
      assert.equal(again.status, 400, 'a new user is already ACTIVE');
      assert.equal((again.json as TPanelErrorBody).errorCode, 'A030');
      const disabled = GetUserByIdCommand.ResponseSchema.parse(
        (await call('POST', `/api/users/${id}/actions/disable`)).json,
      );
      assert.equal(disabled.response.status, 'DISABLED');
      const twice = await call('POST', `/api/users/${id}/actions/disable`);
      assert.equal(twice.status, 400);
      assert.equal((twice.json as TPanelErrorBody).errorCode, 'A029');
      const enabled = GetUserByIdCommand.ResponseSchema.parse(
        (await call('POST', `/api/users/${id}/actions/enable`)).json,
      );
      assert.equal(enabled.response.status, 'ACTIVE');
    }));

  test('traffic: counted per user, LIMITED at the limit, reset-traffic clears it and re-activates', () =>
    withPanel(async (panel, call) => {
      const id = CreateUserCommand.ResponseSchema.parse(
        (await call('POST', '/api/users', { body: newUser('heavy', { trafficLimitBytes: 1000 }) })).json,
      ).response.id;
      panel.control.addTraffic(id, 600);
      const midway = GetUserByIdCommand.ResponseSchema.parse(
        (await call('GET', `/api/users/${id}`)).json,
      ).response;
      assert.equal(midway.userTraffic.usedTrafficBytes, 600);
      assert.ok(midway.userTraffic.firstConnectedAt);
      assert.equal(midway.lastTriggeredThreshold, 60);
      assert.equal(panel.control.addTraffic(id, 400).status, 'LIMITED');
      const reset = GetUserByIdCommand.ResponseSchema.parse(
        (await call('POST', `/api/users/${id}/actions/reset-traffic`)).json,
      ).response;
      assert.equal(reset.status, 'ACTIVE');
      assert.equal(reset.userTraffic.usedTrafficBytes, 0);
      assert.equal(reset.userTraffic.lifetimeUsedTrafficBytes, 1000);
      assert.ok(reset.lastTrafficResetAt);
    }));

  test('revoke gives a new short uuid and subscription URL; the old link stops working', () =>
    withPanel(async (_panel, call) => {
      const before = CreateUserCommand.ResponseSchema.parse(
        (await call('POST', '/api/users', { body: newUser('leaky') })).json,
      ).response;
      const after = RevokeUserSubscriptionCommand.ResponseSchema.parse(
        (await call('POST', `/api/users/${before.id}/actions/revoke`)).json,
      ).response;
      assert.notEqual(after.shortUuid, before.shortUuid);
      assert.notEqual(after.subscriptionUrl, before.subscriptionUrl);
      assert.notEqual(after.vlessUuid, before.vlessUuid);
      assert.ok(after.subRevokedAt);
      assert.equal((await fetch(before.subscriptionUrl)).status, 404);
      assert.equal((await fetch(after.subscriptionUrl)).status, 200);

      const passwordsOnly = RevokeUserSubscriptionCommand.ResponseSchema.parse(
        (
          await call('POST', `/api/users/${before.id}/actions/revoke`, {
            body: { revokeOnlyPasswords: true },
          })
        ).json,
      ).response;
      assert.equal(passwordsOnly.shortUuid, after.shortUuid);
      const tooShort = await call('POST', `/api/users/${before.id}/actions/revoke`, {
        body: { shortUuid: 'short' },
      });
      assert.equal(tooShort.status, 400, '3.x wants 16–64 characters');
    }));

  test('extend: adds days to an active user, restarts an expired one from now', () =>
    withPanel(async (panel, call) => {
      const user = CreateUserCommand.ResponseSchema.parse(
        (await call('POST', '/api/users', { body: newUser('ext') })).json,
      ).response;
      const extended = GetUserByIdCommand.ResponseSchema.parse(
        (await call('POST', `/api/users/${user.id}/actions/extend`, { body: { days: 30 } })).json,
      ).response;
      assert.equal(extended.expireAt.getTime() - user.expireAt.getTime(), 30 * DAY_MS);
      panel.control.expire(user.id);
      const restarted = GetUserByIdCommand.ResponseSchema.parse(
        (await call('POST', `/api/users/${user.id}/actions/extend`, { body: { days: 7 } })).json,
      ).response;
      assert.equal(restarted.status, 'ACTIVE');
      assert.ok(Math.abs(restarted.expireAt.getTime() - (Date.now() + 7 * DAY_MS)) < 5_000);
      assert.equal(
        (await call('POST', `/api/users/${user.id}/actions/extend`, { body: { days: 0 } })).status,
        400,
      );
    }));

  test('delete answers 204 with no body; the user is gone', () =>
    withPanel(async (_panel, call) => {
      const id = CreateUserCommand.ResponseSchema.parse(
        (await call('POST', '/api/users', { body: newUser('bye') })).json,
      ).response.id;
      const reply = await call('DELETE', `/api/users/${id}`);
      assert.equal(reply.status, 204);
      assert.equal(reply.text, '');
      assert.equal((await call('GET', `/api/users/${id}`)).status, 404);
      assert.equal((await call('DELETE', `/api/users/${id}`)).status, 404);
    }));

  test('HWID devices: listed per user, one deleted, the limit refuses more', () =>
    withPanel(async (panel, call) => {
      const id = CreateUserCommand.ResponseSchema.parse(
        (await call('POST', '/api/users', { body: newUser('devices', { hwidDeviceLimit: 2 }) })).json,
      ).response.id;
      panel.control.addDevice(id, { hwid: 'phone', platform: 'iOS' });
      panel.control.addDevice(id, { hwid: 'laptop', platform: 'macOS' });
      assert.throws(() => panel.control.addDevice(id, { hwid: 'tablet' }), /limit reached/);
      const list = GetUserHwidDevicesCommand.ResponseSchema.parse(
        (await call('GET', `/api/hwid/devices/${id}`)).json,
      );
      assert.deepEqual(
        list.response.devices.map((d) => [d.hwid, d.platform, d.userId]),
        [
          ['phone', 'iOS', id],
          ['laptop', 'macOS', id],
        ],
      );
      const left = GetUserHwidDevicesCommand.ResponseSchema.parse(
        (await call('POST', '/api/hwid/devices/delete', { body: { userId: id, hwid: 'phone' } })).json,
      );
      assert.deepEqual(
        left.response.devices.map((d) => d.hwid),
        ['laptop'],
      );
      assert.equal(left.response.total, 1);
      const missing = await call('POST', '/api/hwid/devices/delete', { body: { userId: id, hwid: 'phone' } });
      assert.equal(missing.status, 404);
      const none = GetUserHwidDevicesCommand.ResponseSchema.parse(
        (await call('POST', '/api/hwid/devices/delete-all', { body: { userId: id } })).json,
      );
      assert.equal(none.response.total, 0);
    }));
});
