import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { z } from 'zod';
import { createLogger } from '#core/logging/logger.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { createTestWorkerContext } from '#tests/support/test-worker-context.ts';
import { defineJob } from '#workers/runtime/job-definition.ts';
import { startJob } from '#workers/runtime/start-job.ts';
import { startMetricsEndpoint, type TMetricsEndpoint } from './metrics-endpoint.ts';
import type { TBuiltWorkerContext } from './worker-context.ts';

const TOKEN = 'worker-metrics-token-0123456789abcdefghij';
let database: TestDatabase;
let redis: TestRedis;
let built: TBuiltWorkerContext;
const endpoints: TMetricsEndpoint[] = [];

before(async () => {
  database = await createTestDatabase();
  redis = await createTestRedis();
  built = createTestWorkerContext({ database, redis });
  // Connected before /health is asked: its two-second budget is for a live database, not for a first connect.
  await database.db.$queryRaw`SELECT 1`;
});
after(async () => {
  for (const endpoint of endpoints) await endpoint.close();
  await built.close();
  await database.drop();
  await redis.cleanup();
});

async function endpoint(config: { METRICS_TOKEN?: string; NODE_ENV: 'production' | 'development' | 'test' }) {
  const { db, redis: client, metrics } = built.context;
  const started = await startMetricsEndpoint(
    { config, registry: metrics, db, redis: client, logger: createLogger({ level: 'silent', name: 'test' }) },
    { host: '127.0.0.1', port: 0 },
  );
  endpoints.push(started);
  return (path: string, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${started.port}${path}`, { headers });
}

test('a failing job shows up in the worker metrics, served only with the bearer token', async () => {
  const queueName = 'endpoint-probe';
  const running = await startJob(
    defineJob({
      id: queueName,
      data: z.object({}),
      handle: async () => {
        throw new Error('always');
      },
    }),
    built.context,
  );
  const queue = new Queue(queueName, { connection: redis.redis, prefix: built.context.queuePrefix });
  try {
    await queue.add('x', {}, { jobId: 'fails' });
    const get = await endpoint({ METRICS_TOKEN: TOKEN, NODE_ENV: 'production' });
    const none = await get('/metrics');
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer');
    assert.equal((await get('/metrics', { authorization: 'Bearer wrong' })).status, 401);
    // The counter moves when the worker hears of the failure; scrape until it shows (or give up).
    const deadline = Date.now() + 10_000;
    let text = '';
    while (
      !/^polygram_job_failures_total\{queue="endpoint-probe"\} 1$/m.test(text) &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 50));
      const ok = await get('/metrics', { authorization: `Bearer ${TOKEN}` });
      assert.equal(ok.status, 200);
      assert.match(ok.headers.get('content-type') ?? '', /^text\/plain/);
      text = await ok.text();
    }
    assert.match(text, /^polygram_job_failures_total\{queue="endpoint-probe"\} 1$/m);
    assert.match(text, /^polygram_job_duration_seconds_count\{queue="endpoint-probe",outcome="failed"\} 1$/m);
  } finally {
    await running.close();
    await queue.close();
  }
});

test('without METRICS_TOKEN: 404 in production, loopback only in development; /health checks both stores', async () => {
  const production = await endpoint({ NODE_ENV: 'production' });
  assert.equal((await production('/metrics')).status, 404);
  assert.equal((await production('/metrics', { authorization: `Bearer ${TOKEN}` })).status, 404);
  const health = await production('/health');
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { ok: true, postgres: true, redis: true });
  assert.equal((await production('/elsewhere')).status, 404);

  const development = await endpoint({ NODE_ENV: 'development' });
  const local = await development('/metrics');
  assert.equal(local.status, 200, 'this test calls from 127.0.0.1');
  assert.match(await local.text(), /# TYPE polygram_job_duration_seconds histogram/);
});
