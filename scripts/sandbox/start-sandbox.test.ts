import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createRedis } from '#core/redis/create-redis.ts';
import { ROOT } from '#scripts/dev/dev-config.ts';
import { isPortFree } from './port-check.ts';
import { probePostgres, probeRedis } from './probe-services.ts';
import { PORT_NAMES, PORT_VARIABLES, readSandboxConfig, type TSandboxConfig } from './sandbox-config.ts';
import { ADMIN_BOT, PEOPLE, USER_BOT } from './sandbox-world.ts';
import { SandboxLauncher, SandboxStopped } from './start-sandbox.ts';

// Against the machine's PostgreSQL and Redis (CI has both): the launcher finds them and must leave them
// running. A database and a Redis prefix of its own, every port picked free, state in a temp folder.
const SERVER = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const suffix = randomBytes(4).toString('hex');
const database = `polygram_sandbox_it_${suffix}`;
const state = mkdtempSync(join(tmpdir(), 'polygram-sandbox-it-'));

function testConfig(): TSandboxConfig {
  const env: NodeJS.ProcessEnv = { DATABASE_URL: `${SERVER}/${database}`, REDIS_URL };
  for (const name of PORT_NAMES) env[PORT_VARIABLES[name]] = '0';
  const config = readSandboxConfig(env);
  return {
    ...config,
    stateDir: state,
    logDir: join(state, 'logs'),
    postgresDir: join(state, 'postgres'),
    redisDir: join(state, 'redis'),
    filesDir: join(state, 'files'),
    analyticsDir: join(state, 'analytics'),
    redisPrefix: `polygram_sandbox_it_${suffix}`,
  };
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: `${SERVER}/${database}` });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

interface TEmulatorUser {
  id: number;
  first_name: string;
  language_code?: string;
}

async function emulatorApi<T>(emulatorUrl: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, emulatorUrl), {
    ...(body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  assert.equal(response.status, 200, `${path} answers: ${await response.clone().text()}`);
  return (await response.json()) as T;
}

/**
 * What a person does in the emulator: "New user", then /start to the user bot, which makes the account.
 * Resolves once the account is in the database.
 */
async function newAccountThroughEmulator(emulatorUrl: string, firstName: string): Promise<TEmulatorUser> {
  const user = await emulatorApi<TEmulatorUser>(emulatorUrl, '/api/users', { firstName, language: 'ru' });
  await emulatorApi(emulatorUrl, '/api/messages/text', {
    bot: USER_BOT.username,
    userId: user.id,
    chatId: user.id,
    text: '/start',
  });
  const deadline = Date.now() + 20_000;
  while ((await query(`SELECT id FROM users WHERE id = ${user.id}`)).length === 0) {
    assert.ok(Date.now() < deadline, `the app made no account for ${firstName} (${user.id})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return user;
}

/** People made in the emulator by earlier runs (the Bot API's users as it answered); each run adds one. */
const emulatorAccounts: TEmulatorUser[] = [];

const largestAccountId = async () =>
  Number((await query<{ id: string }>('SELECT max(id) AS id FROM users'))[0]?.id);

/** This process's children (pid and command line), the `ps` asking excepted. */
function children(): Map<number, string> {
  const lines = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n');
  const found = new Map<number, string>();
  for (const line of lines) {
    const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (match && Number(match[2]) === process.pid && !match[3]?.startsWith('ps '))
      found.set(Number(match[1]), match[3] ?? '');
  }
  return found;
}

/** Children that were not there in `before`, as "pid command" so a failure shows what was left. */
const startedSince = (before: Map<number, string>) =>
  [...children()].filter(([pid]) => !before.has(pid)).map(([pid, args]) => `${pid} ${args}`);

after(async () => {
  const redis = createRedis(REDIS_URL, 'sandbox-test-cleanup');
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `polygram_sandbox_it_${suffix}:*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
  rmSync(state, { recursive: true, force: true });
});

test('start brings up the platform on the machine’s PostgreSQL and Redis; stop leaves only them', async () => {
  const before = children();
  const launcher = new SandboxLauncher(testConfig());
  const sandbox = await launcher.start();
  try {
    const migrations = readdirSync(join(ROOT, 'prisma/migrations'), { withFileTypes: true }).filter((d) =>
      d.isDirectory(),
    );
    const applied = await query<{ n: string }>(
      'SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL',
    );
    assert.equal(Number(applied[0]?.n), migrations.length, 'every committed migration is applied');
    assert.ok(sandbox.seed.accounts > 0 && sandbox.seed.payments > 0, 'the demo data was seeded');
    const admins = await query<{ user_id: string }>(
      "SELECT user_id FROM admin_roles WHERE role = 'super_admin'",
    );
    assert.equal(admins.length, 1);

    const health = await fetch(`${sandbox.appUrl}/health`);
    assert.equal(health.status, 200);
    // The worker sets up the demo's VPN users on the panel stand-in, as it does after a payment.
    const provisioned = async () =>
      Number(
        (
          await query<{ n: string }>(
            'SELECT count(*) AS n FROM vpn_subscriptions WHERE panel_user_id IS NOT NULL AND synced_version >= version',
          )
        )[0]?.n,
      );
    for (let i = 0; i < 150 && (await provisioned()) < 3; i++) await sleep(200);
    assert.equal(await provisioned(), 3, 'active, expired and trial VPN users are on the panel');
    for (const bot of [USER_BOT, ADMIN_BOT]) {
      const me = (await (await fetch(`${sandbox.telegramUrl}/bot${bot.token}/getMe`)).json()) as {
        ok: boolean;
        result?: { username?: string };
      };
      assert.equal(me.result?.username, bot.username);
    }
    const page = await fetch(sandbox.url);
    assert.equal(page.status, 200, 'the one URL, the chat emulator, answers');
    assert.match(await page.text(), /<html/i);
    const started = startedSince(before);
    assert.ok(started.length >= 2, 'the app and the worker run as processes of their own');

    const listed = await emulatorApi<TEmulatorUser[]>(sandbox.url, '/api/users');
    assert.deepEqual(
      listed.map((user) => user.id),
      PEOPLE.map((person) => person.id),
      'a first run lists the sandbox’s people',
    );
    emulatorAccounts.push(await newAccountThroughEmulator(sandbox.url, 'Olga'));
  } finally {
    assert.deepEqual(await launcher.stop(), [], 'everything stopped without a problem');
  }

  assert.deepEqual(startedSince(before), [], 'no process it started is left');
  for (const name of PORT_NAMES) {
    if (name === 'postgres' || name === 'redis') continue;
    assert.equal(await isPortFree(sandbox.ports[name]), true, `the ${name} port is free again`);
  }
  assert.equal(
    (await probePostgres(`${SERVER}/postgres`)).kind,
    'ok',
    "the machine's PostgreSQL still answers",
  );
  assert.equal((await probeRedis(REDIS_URL)).kind, 'ok', "the machine's Redis still answers");
});

for (const run of ['second', 'third']) {
  test(`a ${run} run reuses the database and remembers the emulator's people; a new user gets an unused id`, async () => {
    const transactions = async () =>
      Number((await query<{ n: string }>('SELECT count(*) AS n FROM ledger_transactions'))[0]?.n);
    const before = await transactions();
    const launcher = new SandboxLauncher(testConfig());
    try {
      const sandbox = await launcher.start();
      assert.deepEqual(Object.values(sandbox.seed), [0, 0, 0, 0, 0, 0, 0, 0], 'no demo data added');
      assert.equal(await transactions(), before);

      // The local Bot API started empty; the people of earlier runs come back from the database.
      const listed = await emulatorApi<TEmulatorUser[]>(sandbox.url, '/api/users');
      for (const account of emulatorAccounts)
        assert.deepEqual(
          listed.find((user) => user.id === account.id),
          account,
          `${account.first_name} (${account.id}) is listed under their name`,
        );
      const largest = await largestAccountId();
      const newcomer = await newAccountThroughEmulator(sandbox.url, `Newcomer ${run}`);
      assert.ok(
        newcomer.id > largest,
        `the new user's id ${newcomer.id} is above every account (${largest})`,
      );
      emulatorAccounts.push(newcomer);
    } finally {
      assert.deepEqual(await launcher.stop(), []);
    }
  });
}

test('stop during start ends the start at its next step and stops what it had started', async () => {
  const before = children();
  const launcher = new SandboxLauncher(testConfig());
  const starting = launcher.start();
  assert.deepEqual(await launcher.stop(), []);
  await assert.rejects(starting, SandboxStopped);
  assert.deepEqual(startedSince(before), []);
});
