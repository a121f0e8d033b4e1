import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { type Job, Queue } from 'bullmq';
import { pino } from 'pino';
import { z } from 'zod';
import { createShutdown } from '#core/runtime/shutdown.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { createTestWorkerContext } from '#tests/support/test-worker-context.ts';
import { defineJob, type TJobDefinition } from './job-definition.ts';
import { startJob, type TRunningJob } from './start-job.ts';
import type { TWorkerContext } from './worker-context.ts';

let database: TestDatabase;
let redis: TestRedis;
let built: ReturnType<typeof createTestWorkerContext>;
/** Every log line the runner wrote, parsed. */
const logs: Record<string, unknown>[] = [];
let ctx: TWorkerContext;
const running: TRunningJob[] = [];
const queues: Queue[] = [];
let seq = 0;

before(async () => {
  database = await createTestDatabase();
  redis = await createTestRedis();
  built = createTestWorkerContext({ database, redis });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  ctx = { ...built.context, logger: pino({ level: 'info' }, sink) };
});
after(async () => {
  for (const r of running) await r.close({ force: true });
  for (const q of queues) await q.close();
  await built.close();
  await database.drop();
  await redis.cleanup();
});

/** A queue name of its own per test: nothing carries over between tests. */
const newQueue = () => {
  const name = `runner-${seq++}`;
  const queue = new Queue(name, { connection: redis.redis, prefix: ctx.queuePrefix });
  queues.push(queue);
  return { name, queue };
};
const start = async (definition: TJobDefinition) => {
  const r = await startJob(definition, ctx);
  running.push(r);
  return r;
};
async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
/** The job once it completed or failed for good, read after it got there. */
const finished = (queue: Queue, id: string): Promise<Job> =>
  until(async () => {
    const state = await queue.getJobState(id);
    if (state !== 'completed' && state !== 'failed') return undefined;
    return queue.getJob(id);
  });

const ZSecretSchema = z.object({ secret: z.string(), n: z.number().int() });

test('data the schema refuses fails the job for good, without retries, and the handler never runs', async () => {
  const { name, queue } = newQueue();
  const seen: number[] = [];
  await start(
    defineJob({
      id: name,
      data: ZSecretSchema,
      async handle(job) {
        seen.push(job.data.n);
        return job.data.n * 2;
      },
    }),
  );
  await queue.add('x', { secret: 's3cr3t-value', n: 'seven' }, { jobId: 'bad', attempts: 5 });
  await queue.add('x', { secret: 's3cr3t-value', n: 7 }, { jobId: 'good' });
  const bad = await finished(queue, 'bad');
  assert.equal(await bad.getState(), 'failed');
  assert.equal(bad.attemptsMade, 1, 'no retry of data that can never pass');
  assert.match(bad.failedReason, /^invalid runner-\d+ job data: n: /);
  assert.doesNotMatch(bad.failedReason, /s3cr3t/);
  assert.equal((await finished(queue, 'good')).returnvalue, 14);
  assert.deepEqual(seen, [7]);
});

test('a failing handler is logged (ids, attempt, message; never the data) and counted per attempt', async () => {
  const { name, queue } = newQueue();
  await start(
    defineJob({
      id: name,
      data: ZSecretSchema,
      async handle(job) {
        throw new Error(`provider down on attempt ${job.attempt}`);
      },
    }),
  );
  await queue.add('x', { secret: 's3cr3t-value', n: 1 }, { jobId: 'boom', attempts: 2 });
  const job = await finished(queue, 'boom');
  assert.equal(await job.getState(), 'failed');
  const failures = await until(async () => {
    const lines = logs.filter((l) => l.msg === 'job failed' && l.queue === name);
    return lines.length === 2 ? lines : undefined;
  });
  assert.deepEqual(
    failures.map((l) => [l.jobId, l.attempt, l.attempts, l.err]),
    [
      ['boom', 1, 2, 'provider down on attempt 1'],
      ['boom', 2, 2, 'provider down on attempt 2'],
    ],
  );
  assert.ok(!JSON.stringify(logs).includes('s3cr3t'), 'job data never reaches the logs');
  const text = await ctx.metrics.metrics();
  assert.match(text, new RegExp(`^polygram_job_failures_total\\{queue="${name}"\\} 2$`, 'm'));
  assert.match(
    text,
    new RegExp(`^polygram_job_duration_seconds_count\\{queue="${name}",outcome="failed"\\} 2$`, 'm'),
  );
});

test('schedules are upserted once however many processes start, and a dropped schedule is removed', async () => {
  const { name, queue } = newQueue();
  const definition = defineJob({
    id: name,
    data: z.object({}),
    schedules: (c) => [
      { id: `${name}-nightly`, name: 'nightly', pattern: '0 3 * * *', tz: c.config.FILE_CLEANUP_TZ },
      { id: `${name}-hourly`, name: 'hourly', pattern: '0 * * * *' },
    ],
    handle: async () => undefined,
  });
  // Two processes at once, then a restart of one of them.
  const [first] = await Promise.all([start(definition), start(definition)]);
  await first?.close();
  await start(definition);
  const schedulers = await queue.getJobSchedulers();
  assert.deepEqual(schedulers.map((s) => s.key).sort(), [`${name}-hourly`, `${name}-nightly`]);
  assert.equal(schedulers.find((s) => s.key === `${name}-nightly`)?.tz, 'UTC');
  assert.equal(await queue.getDelayedCount(), 2, 'one next job per schedule, not one per start');

  await start({
    ...definition,
    schedules: () => [{ id: `${name}-hourly`, name: 'hourly', pattern: '0 * * * *' }],
  });
  assert.deepEqual(
    (await queue.getJobSchedulers()).map((s) => s.key),
    [`${name}-hourly`],
  );
  assert.equal(await queue.getDelayedCount(), 1);
});

test('a schedule whose data the schema refuses stops start-up', async () => {
  const { name } = newQueue();
  await assert.rejects(
    startJob(
      defineJob({
        id: name,
        data: z.object({ region: z.string() }),
        schedules: () => [{ id: `${name}-s`, name: 's', every: 60_000 }],
        handle: async () => undefined,
      }),
      ctx,
    ),
  );
});

test('later() moves a job back without using an attempt; on shutdown the signal tells a running job to hand itself back', async () => {
  const { name, queue } = newQueue();
  const runs: string[] = [];
  const shutdown = createShutdown(ctx.logger);
  const definition = defineJob({
    id: name,
    data: z.object({ kind: z.enum(['twice', 'long']) }),
    async handle(job) {
      runs.push(`${job.data.kind}:${job.attempt}`);
      if (job.data.kind === 'twice') return runs.length === 1 ? job.later(10) : 'done';
      // A long job: waits for the worker to stop, then asks to be resumed.
      if (!job.signal.aborted)
        await new Promise((resolve) => job.signal.addEventListener('abort', resolve, { once: true }));
      return job.later(60_000);
    },
  });
  const worker = await start(definition);
  shutdown.add('worker', () => worker.close());
  await queue.add('t', { kind: 'twice' }, { jobId: 'twice', attempts: 1 });
  const twice = await finished(queue, 'twice');
  assert.equal(twice.returnvalue, 'done');
  assert.deepEqual(runs, ['twice:1', 'twice:1'], 'the second run is still the first attempt');

  // Started: its handler is waiting for the signal (the run is recorded before it waits).
  await queue.add('t', { kind: 'long' }, { jobId: 'long' });
  await until(async () => (runs.includes('long:1') ? true : undefined));
  await shutdown.run('test');
  assert.equal(worker.worker.isRunning(), false);
  assert.equal(await queue.getJobState('long'), 'delayed', 'handed back, not failed');
  await queue.add('t', { kind: 'twice' }, { jobId: 'after-close' });
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await queue.getJobState('after-close'), 'waiting', 'a closed worker takes nothing');
});

test('a job that stalls past its limit (its processes died) is failed and handed to abandoned()', async () => {
  const { name, queue } = newQueue();
  const abandoned: unknown[] = [];
  const definition = defineJob({
    id: name,
    data: ZSecretSchema,
    locks: { durationMs: 300, stalledIntervalMs: 100, maxStalledCount: 0 },
    handle: () => new Promise(() => {}),
    async abandoned(data, _ctx, reason) {
      abandoned.push([data.n, reason]);
    },
  });
  const dying = await start(definition);
  await queue.add('x', { secret: 'x', n: 41 }, { jobId: 'stalls', attempts: 3 });
  await until(async () => ((await queue.getJobState('stalls')) === 'active' ? true : undefined));
  await dying.close({ force: true });
  await start(definition);
  const job = await finished(queue, 'stalls');
  assert.match(job.failedReason, /stalled more than allowable limit/);
  await until(async () => (abandoned.length > 0 ? true : undefined));
  assert.deepEqual(abandoned, [[41, job.failedReason]]);
});
