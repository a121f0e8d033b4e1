import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createMiniAppApiLimiter, MINIAPP_API_PER_IP } from '#core/ai/rate-limit/http-limits.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';

let server: MiniAppTestServer;
before(async () => {
  server = await startMiniAppTestServer();
});
after(() => server.close());

test('the Mini App API allows 1,000 requests an hour per IP, then answers a localized 429 with retry-after', async () => {
  // inject() comes from 127.0.0.1: fill that address's window to one short of the limit.
  const limiter = createMiniAppApiLimiter(server.redis.redis, server.config.REDIS_PREFIX);
  for (let i = 0; i < MINIAPP_API_PER_IP.max - 1; i++) assert.ok((await limiter.hit('127.0.0.1')).allowed);

  const last = await server.app.inject({ method: 'GET', url: '/api/me' });
  assert.equal(last.statusCode, 401, 'the 1,000th request still reaches the route (and its auth)');
  const refused = await server.app.inject({
    method: 'GET',
    url: '/api/me',
    headers: { 'accept-language': 'ru-RU,ru;q=0.9' },
  });
  assert.equal(refused.statusCode, 429);
  const seconds = Number(refused.headers['retry-after']);
  assert.ok(seconds > 3_500 && seconds <= 3_600, `retry-after ${seconds}`);
  const body = refused.json() as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'RATE_LIMITED');
  assert.match(body.error.message, /[а-я]/, 'in the caller’s language');

  // Other addresses, health checks and the internal API are not counted against it.
  const other = await server.app.inject({ method: 'GET', url: '/api/me', remoteAddress: '10.0.0.7' });
  assert.equal(other.statusCode, 401);
  assert.equal((await server.app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
  assert.notEqual((await server.app.inject({ method: 'GET', url: '/api/internal/user' })).statusCode, 429);
});
