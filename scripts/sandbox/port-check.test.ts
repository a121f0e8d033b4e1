import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { findPortProblems, freePort, isPortFree, resolvePorts } from './port-check.ts';

test('every taken port and every port given twice is reported at once, each with its variable', async () => {
  const taken = new Set([4301, 4302]);
  const problems = await findPortProblems(
    [
      { what: 'the chat emulator', port: 4300, variable: 'SANDBOX_PORT' },
      { what: 'the app', port: 4301, variable: 'SANDBOX_APP_PORT' },
      { what: 'the local Bot API', port: 4302, variable: 'SANDBOX_TELEGRAM_PORT' },
      { what: 'the YooKassa stand-in', port: 4303, variable: 'SANDBOX_YOOKASSA_PORT' },
      { what: 'the Crypto Pay stand-in', port: 4303, variable: 'SANDBOX_CRYPTOPAY_PORT' },
      { what: 'the mail catcher', port: 0, variable: 'SANDBOX_MAIL_PORT' },
    ],
    async (port) => !taken.has(port),
  );
  assert.equal(problems.length, 3);
  assert.match(problems[0] ?? '', /Port 4301 \(the app\) is in use.*SANDBOX_APP_PORT/);
  assert.match(problems[1] ?? '', /Port 4302 .*SANDBOX_TELEGRAM_PORT/);
  assert.match(problems[2] ?? '', /Port 4303 is given to .*SANDBOX_YOOKASSA_PORT.*SANDBOX_CRYPTOPAY_PORT/);
});

test('isPortFree tells a port a program listens on from a free one', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  assert.ok(typeof address === 'object' && address);
  try {
    assert.equal(await isPortFree(address.port), false);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  assert.equal(await isPortFree(address.port), true);
});

test('resolvePorts replaces each 0 with its own free port and keeps the fixed ones', async () => {
  // The picker first offers a port already given to another service, then the same port twice.
  const offers = [4301, 5000, 5000, 5001];
  const resolved = await resolvePorts({ app: 4301, emulator: 0, mail: 0 }, async () => offers.shift() ?? 0);
  assert.deepEqual(resolved, { app: 4301, emulator: 5000, mail: 5001 });
  const real = await resolvePorts({ a: 0, b: 0 }, freePort);
  assert.notEqual(real.a, real.b);
  assert.ok(real.a > 0 && real.b > 0);
});
