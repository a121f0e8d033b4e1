import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DATABASE_URL, databaseName, PORT_NAMES, readSandboxConfig } from './sandbox-config.ts';

test('defaults: the sandbox database on the local PostgreSQL, distinct fixed ports, state under .sandbox', () => {
  const config = readSandboxConfig({}, '/repo/');
  assert.equal(config.databaseUrl, DEFAULT_DATABASE_URL);
  assert.equal(config.databaseUrlFromEnv, false);
  assert.equal(config.redisUrlFromEnv, false);
  assert.equal(config.postgresDir, '/repo/.sandbox/postgres');
  assert.equal(config.logDir, '/repo/.sandbox/logs');
  const ports = PORT_NAMES.map((name) => config.ports[name]);
  assert.equal(new Set(ports).size, ports.length, 'no two services share a default port');
  for (const port of [3000, 3001, 8081, 1025, 8025, 5432, 6379])
    assert.ok(!ports.includes(port), `${port} belongs to npm run dev or a system service`);
  assert.equal(config.mayCreatePostgresUser, true);
});

test('env overrides: URLs (remembered as set by hand), ports (0 = any), the data folder, the user switch', () => {
  const config = readSandboxConfig(
    {
      DATABASE_URL: 'postgresql://me@db:5432/mine',
      REDIS_URL: 'redis://cache:6380',
      SANDBOX_PORT: '9000',
      SANDBOX_APP_PORT: '0',
      SANDBOX_POSTGRES_DIR: '/var/tmp/pg',
      SANDBOX_CREATE_POSTGRES_USER: 'false',
    },
    '/repo/',
  );
  assert.equal(config.databaseUrlFromEnv, true);
  assert.equal(config.redisUrlFromEnv, true);
  assert.equal(config.ports.emulator, 9000);
  assert.equal(config.ports.app, 0);
  assert.equal(config.postgresDir, '/var/tmp/pg');
  assert.equal(config.mayCreatePostgresUser, false);
  assert.equal(databaseName(config.databaseUrl), 'mine');
});

test('a port that is not a number in range names the variable', () => {
  assert.throws(
    () => readSandboxConfig({ SANDBOX_TELEGRAM_PORT: 'eighty' }),
    /SANDBOX_TELEGRAM_PORT must be a port/,
  );
  assert.throws(() => readSandboxConfig({ SANDBOX_PORT: '70000' }), /SANDBOX_PORT/);
});
