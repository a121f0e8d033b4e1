import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startLocalRedis } from './local-redis.ts';
import { freePort, isPortFree } from './port-check.ts';
import { probeRedis } from './probe-services.ts';
import { findExecutable } from './system-user.ts';

const dir = mkdtempSync(join(tmpdir(), 'polygram-local-redis-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a redis-server from PATH answers once started, saves nothing, and frees its port when stopped', async () => {
  const binary = findExecutable('redis-server');
  assert.ok(binary, 'redis-server is on PATH on the machines that run these tests');
  const port = await freePort();
  const logFile = join(dir, 'redis.log');
  const redis = await startLocalRedis({ binary, port, dir: join(dir, 'data'), logFile });
  assert.deepEqual(await probeRedis(`redis://127.0.0.1:${port}`), { kind: 'ok' });
  await redis.stop();
  assert.equal(await isPortFree(port), true);
  assert.match(readFileSync(logFile, 'utf8'), /ready to accept connections/i);
  await redis.stop();
});

test('a redis-server that cannot start (its port is held) is reported with its own log lines', async () => {
  const binary = findExecutable('redis-server');
  assert.ok(binary);
  const port = await freePort();
  const first = await startLocalRedis({ binary, port, dir: join(dir, 'a'), logFile: join(dir, 'a.log') });
  try {
    await assert.rejects(
      startLocalRedis({ binary, port, dir: join(dir, 'b'), logFile: join(dir, 'b.log') }),
      /did not start[\s\S]*(in use|bind)/i,
    );
  } finally {
    await first.stop();
  }
});
