import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { type EmulatorHost, startEmulatorHost } from '#sandbox/emulator/host/start-emulator-host.ts';
import { TelegramTestClient } from '#sandbox/telegram/client.ts';
import { startTelegramServer, type TelegramServer } from '#sandbox/telegram/server.ts';
import type { User } from '#sandbox/telegram/types.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { readAppPeople } from './app-people.ts';
import { ADMIN_BOT, PEOPLE, SUPPORT_CHAT, USER_BOT } from './sandbox-world.ts';
import { seedDemo } from './seed-demo.ts';
import { seedTelegramWorld } from './seed-telegram-world.ts';

// A restarted sandbox: the database remembers people an earlier run's emulator created, the local Bot API
// starts empty. The emulator's "New user" must not be given one of their ids (their account, no signup).
let database: TestDatabase;
let telegram: TelegramServer;
let emulator: EmulatorHost;
let distDir: string;

/** The id the emulator handed out last run: the one after the sandbox's fixed people. */
const OLGA_ID = Math.max(...PEOPLE.map((person) => person.id)) + 1;

before(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  await touchUser(database.db, {
    id: BigInt(OLGA_ID),
    firstName: 'Olga',
    lastName: 'Petrova',
    username: 'olga_p',
    languageCode: 'ru',
  });
  telegram = await startTelegramServer();
  // The host serves a page; these checks are about its API, so a placeholder page will do.
  distDir = await mkdtemp(join(tmpdir(), 'seed-world-dist-'));
  await writeFile(join(distDir, 'index.html'), '<!doctype html>');
});

after(async () => {
  await emulator?.close();
  await telegram?.close();
  await database?.drop();
  if (distDir) await rm(distDir, { recursive: true, force: true });
});

test('people with an account are registered on the local Bot API, and a new user gets an id none of them has', async () => {
  const client = new TelegramTestClient(telegram.url);
  await seedTelegramWorld(client, await readAppPeople(database.db));
  emulator = await startEmulatorHost({
    port: 0,
    telegram: { url: telegram.url, client },
    bots: [USER_BOT, ADMIN_BOT],
    supportChatId: SUPPORT_CHAT.id,
    miniAppUrl: 'http://127.0.0.1:9/',
    distDir,
  });

  const listed = (await (await fetch(new URL('/api/users', emulator.url))).json()) as User[];
  const olga = listed.find((user) => user.id === OLGA_ID);
  assert.deepEqual(
    olga && [olga.first_name, olga.last_name, olga.username, olga.language_code],
    ['Olga', 'Petrova', 'olga_p', 'ru'],
    'the account made on an earlier run is in the emulator’s user list under its name',
  );
  for (const person of PEOPLE)
    assert.ok(
      listed.some((user) => user.id === person.id && user.first_name === person.firstName),
      `${person.firstName} is listed`,
    );

  const created = await fetch(new URL('/api/users', emulator.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ firstName: 'Ben', language: 'en' }),
  });
  assert.equal(created.status, 200);
  const newcomer = (await created.json()) as User;
  const accounts = await database.db.user.findMany({ select: { id: true } });
  assert.ok(
    accounts.every((account) => account.id < BigInt(newcomer.id)),
    `the new user's id ${newcomer.id} is above every account in the database`,
  );
});
