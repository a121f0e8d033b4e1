import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  CreateUserCommand,
  GetInternalSquadsCommand,
  GetMetadataCommand,
  GetNodesCommand,
  GetUserHwidDevicesCommand,
  GetUsersStreamCommand,
  UpdateUserCommand,
} from '@remnawave/backend-contract';
import {
  panelHwidDeviceBody,
  panelInternalSquadBody,
  panelMetadataBody,
  panelNodeBody,
  panelUserBody,
  type TPanelUserBody,
} from '#tests/support/remnawave-bodies.ts';
import { createPanelClient, panelUsernameFor } from './panel-client.ts';
import type { TPanelConfig } from './panel-config.ts';
import { isPanelError, PanelError } from './panel-error.ts';
import { panelRequestHeaders } from './panel-transport.ts';
import { assertSupportedVersion } from './panel-version.ts';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.test-token-of-the-panel';

/** What the fake does instead of answering normally, once per entry, for `METHOD /path`. */
type TOverride = { status: number; body?: unknown } | 'reset' | 'hang' | 'land-then-reset';
type TSchema = { safeParse(input: unknown): { success: boolean } };

/**
 * A small Remnawave 3.x panel: users by id / username / Telegram id, create with the unique-username rule,
 * enable / disable with "already" errors, delete, nodes, squads, devices. Like the real panel in production
 * it destroys the socket of a request without the forwarded headers. Every body it sends is first parsed
 * with the contract's schema for that route; a failure lands in `contractErrors`.
 */
async function startFakePanel() {
  const users = new Map<string, TPanelUserBody>();
  const requests: { method: string; path: string; headers: IncomingHttpHeaders }[] = [];
  const overrides = new Map<string, TOverride[]>();
  const contractErrors: string[] = [];
  const state = {
    version: '3.3.2',
    createDelayMs: 0,
    nextId: 1,
    nodes: [panelNodeBody({ id: 1, name: 'Amsterdam' })],
  };
  const devices = new Map<number, string[]>();

  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => void handle(raw));

    function send(status: number, body?: unknown, schema?: TSchema): void {
      if (schema && !schema.safeParse(body).success) contractErrors.push(`${req.method} ${req.url}`);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    }
    function panelError(status: number, errorCode: string, message: string): void {
      send(status, { timestamp: new Date().toISOString(), path: req.url, message, errorCode });
    }
    const userOf = (id: number) => [...users.values()].find((u) => u.id === id);

    async function handle(raw: string): Promise<void> {
      const url = new URL(req.url ?? '/', 'http://panel');
      const key = `${req.method} ${url.pathname}`;
      requests.push({ method: req.method ?? '', path: url.pathname + url.search, headers: req.headers });
      if (req.headers['x-forwarded-for'] === undefined || req.headers['x-forwarded-proto'] !== 'https') {
        req.socket.destroy();
        return;
      }
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        send(401, { statusCode: 401, message: 'Unauthorized' });
        return;
      }
      const override = overrides.get(key)?.shift();
      if (override === 'reset') return void req.socket.destroy();
      if (override === 'hang') return;
      if (override && override !== 'land-then-reset') return send(override.status, override.body);
      const body: unknown = raw ? JSON.parse(raw) : undefined;

      if (key === 'GET /api/system/metadata')
        return send(200, { response: panelMetadataBody(state.version) }, GetMetadataCommand.ResponseSchema);
      if (key === 'GET /api/nodes')
        return send(200, { response: state.nodes }, GetNodesCommand.ResponseSchema);
      if (key === 'GET /api/internal-squads') {
        const squads = [panelInternalSquadBody({ name: 'Europe' })];
        return send(
          200,
          { response: { total: 1, internalSquads: squads } },
          GetInternalSquadsCommand.ResponseSchema,
        );
      }
      const byUsername = /^GET \/api\/users\/by-username\/([^/]+)$/.exec(key);
      if (byUsername) {
        const user = users.get(decodeURIComponent(byUsername[1] ?? ''));
        if (!user) return panelError(404, 'A063', 'User with specified params not found');
        return send(200, { response: user }, CreateUserCommand.ResponseSchema);
      }
      if (key === 'GET /api/users/stream') {
        const telegramId = Number(url.searchParams.get('telegramId'));
        const found = [...users.values()].filter((u) => u.telegramId === telegramId);
        const page = { users: found, nextCursor: null, hasMore: false };
        return send(200, { response: page }, GetUsersStreamCommand.ResponseSchema);
      }
      if (key === 'POST /api/users') {
        const input = CreateUserCommand.RequestBodySchema.safeParse(body);
        if (!input.success) return send(400, { statusCode: 400, message: 'Validation failed', errors: [] });
        // The unique-username check and the insert happen together after the delay, like a DB constraint.
        await new Promise((resolve) => setTimeout(resolve, state.createDelayMs));
        if (users.has(input.data.username)) return panelError(400, 'A019', 'User username already exists');
        const user = panelUserBody({
          id: state.nextId++,
          username: input.data.username,
          telegramId: input.data.telegramId ?? null,
          expireAt: input.data.expireAt.toISOString(),
        });
        users.set(user.username, user);
        if (override === 'land-then-reset') return void req.socket.destroy();
        return send(201, { response: user }, CreateUserCommand.ResponseSchema);
      }
      if (key === 'PATCH /api/users') {
        const input = UpdateUserCommand.RequestBodySchema.safeParse(body);
        const user = input.success && input.data.id !== undefined ? userOf(input.data.id) : undefined;
        if (!input.success) return send(400, { statusCode: 400, message: 'Validation failed', errors: [] });
        if (!user) return panelError(404, 'A025', 'User not found');
        if (input.data.expireAt) user.expireAt = input.data.expireAt.toISOString();
        return send(200, { response: user }, UpdateUserCommand.ResponseSchema);
      }
      const action = /^POST \/api\/users\/(\d+)\/actions\/(enable|disable)$/.exec(key);
      if (action) {
        const user = userOf(Number(action[1]));
        if (!user) return panelError(404, 'A025', 'User not found');
        const want = action[2] === 'enable' ? 'ACTIVE' : 'DISABLED';
        if (user.status === want)
          return want === 'ACTIVE'
            ? panelError(400, 'A030', 'User already enabled')
            : panelError(400, 'A029', 'User already disabled');
        user.status = want;
        return send(200, { response: user }, CreateUserCommand.ResponseSchema);
      }
      const byId = /^(GET|DELETE) \/api\/users\/(\d+)$/.exec(key);
      if (byId) {
        const user = userOf(Number(byId[2]));
        if (!user) return panelError(404, 'A025', 'User not found');
        if (byId[1] === 'GET') return send(200, { response: user }, CreateUserCommand.ResponseSchema);
        users.delete(user.username);
        return send(204);
      }
      const devicesOf = /^GET \/api\/hwid\/devices\/(\d+)$/.exec(key);
      if (devicesOf) {
        const userId = Number(devicesOf[1]);
        const list = (devices.get(userId) ?? []).map((hwid) => panelHwidDeviceBody({ userId, hwid }));
        return send(
          200,
          { response: { total: list.length, devices: list } },
          GetUserHwidDevicesCommand.ResponseSchema,
        );
      }
      panelError(404, 'E000', `no route ${key}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    users,
    requests,
    devices,
    state,
    contractErrors,
    override(key: string, ...answers: TOverride[]) {
      overrides.set(key, [...(overrides.get(key) ?? []), ...answers]);
    },
    calls: (key: string) => requests.filter((r) => `${r.method} ${r.path.split('?')[0]}` === key).length,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

type TFakePanel = Awaited<ReturnType<typeof startFakePanel>>;

describe('Remnawave panel client', () => {
  let panel: TFakePanel;
  const configOf = (overrides: Partial<TPanelConfig> = {}): TPanelConfig => ({
    baseUrl: `${panel.url}/`,
    token: TOKEN,
    timeoutMs: 2_000,
    maxAttempts: 3,
    retryBaseMs: 5,
    ...overrides,
  });
  const expireAt = () => new Date(Date.now() + 30 * 86_400_000);

  beforeEach(async () => {
    panel = await startFakePanel();
  });
  afterEach(async () => {
    await panel.close();
    assert.deepEqual(panel.contractErrors, [], 'the fake answered a body the contract rejects');
  });

  it('sends the bearer token, the extra headers, the cookie and, over http, the forwarded headers', async () => {
    const client = createPanelClient(
      configOf({ token: `Bearer ${TOKEN}`, extraHeaders: { 'X-Api-Key': 'caddy-key' }, cookie: 'gate=open' }),
    );
    assert.deepEqual(await client.listNodes().then((nodes) => nodes.map((n) => n.name)), ['Amsterdam']);
    const [request] = panel.requests;
    assert.equal(request?.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(request?.headers['x-api-key'], 'caddy-key');
    assert.equal(request?.headers.cookie, 'gate=open');
    assert.equal(request?.headers['x-forwarded-for'], '127.0.0.1');
    assert.equal(request?.headers['x-forwarded-proto'], 'https');
  });

  it('adds no forwarded headers over https', () => {
    const headers = panelRequestHeaders(configOf(), new URL('https://panel.example.test/api/nodes'), false);
    assert.equal(headers.get('authorization'), `Bearer ${TOKEN}`);
    assert.equal(headers.get('x-forwarded-for'), null);
    assert.equal(headers.get('x-forwarded-proto'), null);
  });

  it('repeats an idempotent call after a 503 and after a reset connection', async () => {
    panel.users.set('tg_1', panelUserBody({ id: 7, username: 'tg_1' }));
    panel.override('GET /api/users/by-username/tg_1', { status: 503, body: { message: 'busy' } }, 'reset');
    const client = createPanelClient(configOf());
    assert.equal((await client.getUserByUsername('tg_1'))?.id, 7);
    assert.equal(panel.calls('GET /api/users/by-username/tg_1'), 3);
  });

  it('gives up after maxAttempts with an unavailable error naming the route', async () => {
    panel.override('GET /api/nodes', { status: 502 }, { status: 502 }, { status: 502 }, { status: 502 });
    const client = createPanelClient(configOf());
    await assert.rejects(client.listNodes(), (error: unknown) => {
      assert.ok(
        isPanelError(error, 'unavailable'),
        `expected a unavailable PanelError, got ${String(error)}`,
      );
      assert.equal(error.route, 'GET /api/nodes');
      return true;
    });
    assert.equal(panel.calls('GET /api/nodes'), 3);
  });

  it('does not repeat a 400, and reports the panel code and message', async () => {
    const user = panelUserBody({ id: 3, username: 'tg_3' });
    panel.users.set(user.username, user);
    panel.override('PATCH /api/users', {
      status: 400,
      body: { errorCode: 'A039', message: 'Update user error' },
    });
    const client = createPanelClient(configOf());
    await assert.rejects(client.updateUser(3, { expireAt: expireAt() }), (error: unknown) => {
      assert.ok(isPanelError(error, 'invalid'), `expected a invalid PanelError, got ${String(error)}`);
      assert.equal(error.panelCode, 'A039');
      assert.equal(error.panelMessage, 'Update user error');
      return true;
    });
    assert.equal(panel.calls('PATCH /api/users'), 1);
  });

  it('times out a call that gets no answer, and repeats it when idempotent', async () => {
    panel.override('GET /api/system/metadata', 'hang', 'hang');
    const client = createPanelClient(configOf({ timeoutMs: 150, maxAttempts: 2 }));
    await assert.rejects(client.readPanelVersion(), (error: unknown) => isPanelError(error, 'timeout'));
    assert.equal(panel.calls('GET /api/system/metadata'), 2);
  });

  it('refuses an answer that does not match the contract, naming the route, without repeating', async () => {
    const broken = { ...panelNodeBody({ id: 2, name: 'Broken' }), isConnected: 'yes' };
    panel.state.nodes = [broken as unknown as ReturnType<typeof panelNodeBody>];
    const client = createPanelClient(configOf());
    await assert.rejects(client.listNodes(), (error: unknown) => {
      assert.ok(
        isPanelError(error, 'bad_response'),
        `expected a bad_response PanelError, got ${String(error)}`,
      );
      assert.equal(error.route, 'GET /api/nodes');
      assert.match(error.message, /0\.isConnected|response\.0\.isConnected/);
      return true;
    });
    assert.equal(panel.calls('GET /api/nodes'), 1);
    panel.contractErrors.length = 0; // the fake sent the broken node on purpose
  });

  it('maps a refused token to an auth error that does not carry the token', async () => {
    const client = createPanelClient(configOf({ token: 'wrong-token-secret' }));
    await assert.rejects(client.listNodes(), (error: unknown) => {
      assert.ok(isPanelError(error, 'auth'), `expected a auth PanelError, got ${String(error)}`);
      assert.equal(error.status, 401);
      assert.doesNotMatch(
        `${error.message} ${error.panelMessage} ${JSON.stringify(error)}`,
        /wrong-token-secret/,
      );
      return true;
    });
  });

  it('maps a redirect to a login page (an auth layer in front of the panel) to an auth error', async () => {
    panel.override('GET /api/nodes', { status: 302, body: {} });
    const client = createPanelClient(configOf());
    await assert.rejects(client.listNodes(), (error: unknown) => isPanelError(error, 'auth'));
    assert.equal(panel.calls('GET /api/nodes'), 1);
  });

  it('a dropped connection is a typed unavailable error', async () => {
    const client = createPanelClient(configOf({ maxAttempts: 1 }));
    panel.override('GET /api/nodes', 'reset');
    await assert.rejects(client.listNodes(), (error: unknown) => isPanelError(error, 'unavailable'));
  });

  it('ensureUser called twice at once makes one panel user, and both get it', async () => {
    panel.state.createDelayMs = 50;
    const client = createPanelClient(configOf());
    const input = {
      telegramId: 123_456_789n,
      expireAt: expireAt(),
      trafficLimitBytes: 0,
      hwidDeviceLimit: 3,
    };
    const [a, b] = await Promise.all([client.ensureUser(input), client.ensureUser(input)]);
    assert.equal(panel.users.size, 1);
    assert.equal(a.user.id, b.user.id);
    assert.equal(a.user.username, 'tg_123456789');
    assert.equal(a.user.telegramId, 123_456_789);
    assert.deepEqual([a.created, b.created].sort(), [false, true]);
    assert.equal(panel.calls('POST /api/users'), 2, 'both creates reached the panel; one lost the race');
    const again = await client.ensureUser(input);
    assert.equal(again.created, false);
    assert.equal(again.user.id, a.user.id);
  });

  it('a create that landed but lost its answer is found by username, not sent again', async () => {
    panel.override('POST /api/users', 'land-then-reset');
    const client = createPanelClient(configOf());
    const user = await client.createUser({ telegramId: 42n, expireAt: expireAt() });
    assert.equal(user.username, panelUsernameFor(42n));
    assert.equal(panel.users.size, 1);
    assert.equal(panel.calls('POST /api/users'), 1);
  });

  it('a create that failed before landing is sent again after the username check', async () => {
    panel.override('POST /api/users', { status: 503 });
    const client = createPanelClient(configOf());
    const user = await client.createUser({ telegramId: 43n, expireAt: expireAt() });
    assert.equal(user.username, 'tg_43');
    assert.equal(panel.calls('POST /api/users'), 2);
    assert.equal(panel.calls('GET /api/users/by-username/tg_43'), 1);
  });

  it('a create of a taken username is a conflict', async () => {
    panel.users.set('tg_44', panelUserBody({ id: 9, username: 'tg_44' }));
    const client = createPanelClient(configOf());
    await assert.rejects(client.createUser({ telegramId: 44n, expireAt: expireAt() }), (error: unknown) => {
      assert.ok(isPanelError(error, 'conflict'), `expected a conflict PanelError, got ${String(error)}`);
      assert.equal(error.panelCode, 'A019');
      return true;
    });
  });

  it('refuses a create the contract would refuse before sending it', async () => {
    const client = createPanelClient(configOf());
    await assert.rejects(
      client.createUser({ telegramId: 45n, expireAt: expireAt(), tag: 'lower-case' }),
      (error: unknown) => isPanelError(error, 'invalid'),
    );
    assert.equal(panel.calls('POST /api/users'), 0);
  });

  it('finds users by Telegram id, enables and disables idempotently, deletes once', async () => {
    const client = createPanelClient(configOf());
    const { user } = await client.ensureUser({ telegramId: 77n, expireAt: expireAt() });
    assert.deepEqual(
      (await client.getUsersByTelegramId(77n)).map((u) => u.id),
      [user.id],
    );
    assert.deepEqual(await client.getUsersByTelegramId(78n), []);
    assert.equal((await client.disableUser(user.id)).status, 'DISABLED');
    assert.equal((await client.disableUser(user.id)).status, 'DISABLED', 'already disabled is what we asked');
    assert.equal((await client.enableUser(user.id)).status, 'ACTIVE');
    assert.equal((await client.enableUser(user.id)).status, 'ACTIVE');
    assert.equal(await client.getUserById(999), null);
    panel.devices.set(user.id, ['hwid-a']);
    assert.deepEqual(
      (await client.listUserHwidDevices(user.id)).devices.map((d) => d.hwid),
      ['hwid-a'],
    );
    assert.deepEqual(
      (await client.listInternalSquads()).map((s) => s.name),
      ['Europe'],
    );
    assert.equal(await client.deleteUser(user.id), true);
    assert.equal(await client.deleteUser(user.id), false);
    assert.equal(await client.getUserByUsername('tg_77'), null);
  });

  it('accepts panel 3.x and names an unsupported version and what is supported', async () => {
    const client = createPanelClient(configOf());
    assert.equal(await client.checkVersion(), '3.3.2');
    panel.state.version = '2.8.1';
    await assert.rejects(client.checkVersion(), (error: unknown) => {
      assert.ok(error instanceof PanelError, String(error));
      assert.equal(error.kind, 'unsupported');
      assert.match(error.message, /Remnawave panel 2\.8\.1 is not supported.*supports Remnawave 3\.x/);
      return true;
    });
    for (const version of ['2.7.2', '4.0.0', 'dev'])
      assert.throws(() => assertSupportedVersion(version), new RegExp(`panel ${version} is not supported`));
    assert.doesNotThrow(() => assertSupportedVersion('3.0.0'));
  });

  it('calls a panel without the version endpoint (before 2.5) unsupported', async () => {
    panel.override('GET /api/system/metadata', { status: 404, body: { message: 'Not Found' } });
    const client = createPanelClient(configOf());
    await assert.rejects(client.readPanelVersion(), (error: unknown) => isPanelError(error, 'unsupported'));
  });
});
