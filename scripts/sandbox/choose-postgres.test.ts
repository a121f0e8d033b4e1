import assert from 'node:assert/strict';
import { test } from 'node:test';
import { choosePostgres, embeddedDatabaseUrl } from './choose-postgres.ts';
import type { TProbe } from './probe-services.ts';

const DEFAULT_URL = 'postgresql://postgres@127.0.0.1:5432/polygram_sandbox';
const EMBEDDED_URL = embeddedDatabaseUrl(DEFAULT_URL, 54329);
const ok: TProbe = { kind: 'ok' };
const down: TProbe = { kind: 'unreachable', reason: 'connect ECONNREFUSED 127.0.0.1:5432' };
const refused: TProbe = { kind: 'refused', reason: 'password authentication failed for user "postgres"' };

/** A world where each URL answers as listed; anything else has nothing listening. */
const world = (answers: Record<string, TProbe>) => {
  const asked: string[] = [];
  return {
    asked,
    probe: async (url: string) => {
      asked.push(url);
      return answers[url] ?? down;
    },
  };
};

test('a PostgreSQL that answers at DATABASE_URL is used as it is, and nothing else is asked', async () => {
  const { probe, asked } = world({ [DEFAULT_URL]: ok });
  const choice = await choosePostgres({
    databaseUrl: DEFAULT_URL,
    fromEnv: false,
    embeddedPort: 54329,
    probe,
  });
  assert.deepEqual(choice, { kind: 'found', url: DEFAULT_URL, where: 'configured' });
  assert.deepEqual(asked, [DEFAULT_URL]);
});

test('with nothing listening, the embedded server is chosen for the same database name on its own port', async () => {
  const { probe } = world({});
  const choice = await choosePostgres({
    databaseUrl: DEFAULT_URL,
    fromEnv: false,
    embeddedPort: 54329,
    probe,
  });
  assert.equal(choice.kind, 'embedded');
  assert.ok(choice.kind === 'embedded');
  assert.equal(choice.url, 'postgresql://postgres:sandbox@127.0.0.1:54329/polygram_sandbox');
  assert.equal(choice.port, 54329);
  assert.match(choice.why, /ECONNREFUSED/);
});

test('an embedded server left running by an earlier run is found and reused, not started twice', async () => {
  const { probe } = world({ [EMBEDDED_URL]: ok });
  const choice = await choosePostgres({
    databaseUrl: DEFAULT_URL,
    fromEnv: false,
    embeddedPort: 54329,
    probe,
  });
  assert.deepEqual(choice, { kind: 'found', url: EMBEDDED_URL, where: 'earlier-embedded' });
});

test('a refusal at a DATABASE_URL the person set stops the sandbox with the fix, instead of a second database', async () => {
  const url = 'postgresql://me:wrong@127.0.0.1:5432/polygram_sandbox';
  const { probe } = world({ [url]: refused });
  const choice = await choosePostgres({ databaseUrl: url, fromEnv: true, embeddedPort: 54329, probe });
  assert.equal(choice.kind, 'fail');
  assert.ok(choice.kind === 'fail');
  assert.match(choice.message, /DATABASE_URL/);
  assert.match(choice.message, /password authentication failed/);
  assert.ok(!choice.message.includes('wrong'), 'the password is not printed');
});

test('a refusal at the default URL (a system PostgreSQL wanting a password) falls back to the embedded one', async () => {
  const { probe } = world({ [DEFAULT_URL]: refused });
  const choice = await choosePostgres({
    databaseUrl: DEFAULT_URL,
    fromEnv: false,
    embeddedPort: 54329,
    probe,
  });
  assert.equal(choice.kind, 'embedded');
});

test('a configured database name carries over to the embedded server, encoded', async () => {
  assert.equal(
    embeddedDatabaseUrl('postgresql://u@db.example:5432/my-sandbox', 6000),
    'postgresql://postgres:sandbox@127.0.0.1:6000/my-sandbox',
  );
});
