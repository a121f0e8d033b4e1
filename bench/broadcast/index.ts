/**
 * How close a broadcast comes to Telegram's 30 messages a second per bot: the set-up of
 * workers/broadcast.test.ts (local Bot API with its default flood limits, real Redis and BullMQ, the notify
 * worker with its default limiter) and one text broadcast to 300 users, from start to `done`.
 */
import { Queue } from 'bullmq';
import { Api } from 'grammy';
import { round, summarize } from '#bench/stats.ts';
import type { TBenchModule, TBenchResult, TFigures } from '#bench/types.ts';
import type { TStaff } from '#core/accounts/staff.ts';
import { createBroadcast } from '#core/broadcasts/create-broadcast.ts';
import { startBroadcast } from '#core/broadcasts/start-broadcast.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import { TelegramTestClient } from '#sandbox/telegram/client.ts';
import { DEFAULT_RATE_LIMITS } from '#sandbox/telegram/limits/send-rate-limiter.ts';
import { startTelegramServer } from '#sandbox/telegram/server.ts';
import { createTestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis } from '#tests/support/test-redis.ts';
import { createTestWorkerContext } from '#tests/support/test-worker-context.ts';
import { notifyJob } from '#workers/notify.ts';
import { startJob } from '#workers/runtime/start-job.ts';

const USER_TOKEN = '7000012:bench-broadcast-user-token-abcd';
const ADMIN_TOKEN = '7000013:bench-broadcast-admin-token-abc';
const WORKLOAD = { recipients: 300, botApiLimitPerSecond: DEFAULT_RATE_LIMITS.globalPerSecond };
const FIRST_ID = 7_300_000_000;
const DONE_TIMEOUT_MS = 60_000;

async function run(): Promise<TBenchResult> {
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const server = await startTelegramServer({ port: 0 });
    cleanups.push(() => server.close());
    const telegram = new TelegramTestClient(server.url);
    await telegram.registerBot({ token: USER_TOKEN, username: 'bench_bc_user_bot', firstName: 'Polygram' });
    await telegram.registerBot({ token: ADMIN_TOKEN, username: 'bench_bc_admin_bot', firstName: 'Admin' });
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const redis = await createTestRedis();
    cleanups.push(() => redis.cleanup());
    const prefix = `${redis.prefix}:bull`;
    const queue = new Queue<TNotifyJob>(NOTIFY_QUEUE, { connection: redis.redis, prefix });
    cleanups.push(() => queue.close());
    const adminApi = new Api(ADMIN_TOKEN, { apiRoot: server.url });
    const context = createTestWorkerContext({
      database,
      redis,
      env: { BOT_TOKEN: USER_TOKEN, ADMIN_BOT_TOKEN: ADMIN_TOKEN, TELEGRAM_API_ROOT: server.url },
    });
    cleanups.push(() => context.close());
    const worker = await startJob(notifyJob, context.context);
    cleanups.push(() => worker.close());

    const db = database.db;
    const adminId = BigInt(FIRST_ID - 1);
    await telegram.upsertUser({ id: Number(adminId), first_name: 'Admin' });
    await db.user.create({
      data: { id: adminId, firstName: 'Admin', referralCode: 'bcbenchadm', language: 'en' },
    });
    await db.adminRole.create({ data: { userId: adminId, role: 'admin' } });
    const admin: TStaff = { id: adminId, role: 'admin' };
    const ids = Array.from({ length: WORKLOAD.recipients }, (_, i) => FIRST_ID + i);
    for (let i = 0; i < ids.length; i += 50)
      await Promise.all(ids.slice(i, i + 50).map((id) => telegram.upsertUser({ id, first_name: `U${id}` })));
    await db.user.createMany({
      data: ids.map((id) => ({
        id: BigInt(id),
        firstName: `U${id}`,
        referralCode: `bb${id}`,
        language: 'ru',
        // Broadcasts reach only people who finished signup.
        signedUpAt: new Date(),
      })),
    });

    const progress = await adminApi.sendMessage(admin.id.toString(), 'starting…');
    const draft = await createBroadcast(db, {
      staff: admin,
      content: { text: '<b>Bench</b> news' },
      target: { segment: 'language', language: 'ru' },
    });
    const startedAt = Date.now();
    const started = performance.now();
    const broadcast = await startBroadcast(
      { db, queue },
      { staff: admin, broadcastId: draft.id, progress: { chatId: admin.id, messageId: progress.message_id } },
    );
    if (broadcast.total !== ids.length)
      throw new Error(`broadcast: ${broadcast.total} recipients, expected ${ids.length}`);
    const row = () => db.broadcast.findUniqueOrThrow({ where: { id: broadcast.id } });
    for (let current = await row(); current.status !== 'done'; current = await row()) {
      if (performance.now() - started > DONE_TIMEOUT_MS)
        throw new Error(`broadcast: not done after ${DONE_TIMEOUT_MS} ms (${current.sent} sent)`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const wallMs = performance.now() - started;

    const done = await row();
    const counts = [done.sent, done.failed, done.blocked, done.total];
    if (counts.join() !== [ids.length, 0, 0, ids.length].join())
      throw new Error(
        `broadcast: sent/failed/blocked/total ${counts.join('/')}, expected ${ids.length}/0/0/${ids.length}`,
      );
    const calls = await telegram.calls({ token: USER_TOKEN, method: 'sendMessage' });
    const delivered = calls.filter((c) => c.ok);
    const per = new Map<string, number>();
    for (const call of delivered)
      per.set(String(call.params.chat_id), (per.get(String(call.params.chat_id)) ?? 0) + 1);
    const wrong = ids.filter((id) => per.get(String(id)) !== 1);
    if (wrong.length > 0 || delivered.length !== ids.length)
      throw new Error(
        `broadcast: ${delivered.length} messages delivered for ${ids.length} users; not exactly once: ` +
          wrong
            .slice(0, 10)
            .map((id) => `${id}×${per.get(String(id)) ?? 0}`)
            .join(', '),
      );
    const statuses = await db.broadcastDelivery.groupBy({
      by: ['status'],
      where: { broadcastId: broadcast.id },
      _count: true,
    });
    const sentRows = statuses.find((s) => s.status === 'sent')?._count ?? 0;
    if (statuses.length !== 1 || sentRows !== ids.length)
      throw new Error(`broadcast: delivery rows ${JSON.stringify(statuses)}, expected ${ids.length} sent`);
    const failedJobs = (await queue.getJobCounts('failed')).failed ?? 0;
    if (failedJobs > 0) throw new Error(`broadcast: ${failedJobs} notify jobs failed`);
    const tooMany = calls.filter((c) => c.error_code === 429).length;

    // Latency of a message: from the start to its delivery, so p50 is when half the users had it.
    const times = delivered.map((c) => c.at).sort((a, b) => a - b);
    const startToDone = summarize(
      times.map((at) => at - startedAt),
      wallMs,
    );
    const first = times[0] ?? startedAt;
    const last = times.at(-1) ?? startedAt;
    // Between the first and the last delivery: n − 1 intervals, the steady rate without start and end.
    const steady: TFigures = {
      ...startToDone,
      wallMs: last - first,
      perSecond: round((times.length - 1) / ((last - first) / 1000)),
    };
    const limit = WORKLOAD.botApiLimitPerSecond;
    const nan = Number.NaN;
    const details = { recipients: ids.length, answered429: tooMany, workerLimiterPerSecond: 25 };
    return {
      name: 'broadcast',
      title: 'broadcast (local Bot API, default limits)',
      unit: 'msg',
      workload: { ...WORKLOAD },
      rows: [
        { key: 'start-to-done', label: `${ids.length} users, start → done`, figures: startToDone, details },
        { key: 'first-to-last', label: 'first → last delivery', figures: steady, details },
        {
          key: 'limit',
          label: `Bot API limit (reference, not measured)`,
          figures: {
            operations: 0,
            wallMs: 0,
            perSecond: limit,
            p50Ms: nan,
            p95Ms: nan,
            p99Ms: nan,
            maxMs: nan,
          },
        },
      ],
      comparisons: [
        { label: 'ratio start → done / limit', numerator: 'start-to-done', denominator: 'limit' },
        { label: 'ratio first → last / limit', numerator: 'first-to-last', denominator: 'limit' },
      ],
      notes: [
        `broadcast: ${ids.length} delivered exactly once; latency columns are time from start to delivery ` +
          `(p50 = half the users had it); ${tooMany} 429s answered and retried.`,
        `The notify worker's own limiter (25 jobs/s by default, workers/notify.ts) is below the Bot API's ${limit} msg/s on purpose: it leaves room for direct replies.`,
      ],
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

export const broadcastBench: TBenchModule = { name: 'broadcast', run };
