import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { freePort } from './port-check.ts';
import { probePostgres, probeRedis } from './probe-services.ts';

const POSTGRES = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

test('PostgreSQL: the machine’s server answers, a closed port is unreachable, an unknown role is a refusal', async () => {
  assert.deepEqual(await probePostgres(`${POSTGRES}/polygram_sandbox_not_created`), { kind: 'ok' });
  const closed = await freePort();
  assert.equal((await probePostgres(`postgresql://postgres@127.0.0.1:${closed}/x`)).kind, 'unreachable');
  const url = new URL(POSTGRES);
  url.username = 'no_such_role_polygram';
  const refused = await probePostgres(`${url.toString()}/x`);
  assert.equal(refused.kind, 'refused');
});

test('Redis: the machine’s server answers, a closed port is unreachable, a password-protected one refuses', async () => {
  assert.deepEqual(await probeRedis(REDIS), { kind: 'ok' });
  const closed = await freePort();
  assert.equal((await probeRedis(`redis://127.0.0.1:${closed}`)).kind, 'unreachable');
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--save', '', '--requirepass', 'secret'], {
    stdio: 'ignore',
  });
  try {
    let probe = await probeRedis(`redis://127.0.0.1:${port}`);
    for (let i = 0; i < 50 && probe.kind === 'unreachable'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      probe = await probeRedis(`redis://127.0.0.1:${port}`);
    }
    assert.equal(probe.kind, 'refused');
    assert.deepEqual(await probeRedis(`redis://:secret@127.0.0.1:${port}`), { kind: 'ok' });
  } finally {
    server.kill('SIGKILL');
  }
});
