/**
 * From a paid plan to the "your VPN is ready" message in the chat: what the user waits for after Telegram's
 * successful_payment. The payment is confirmed as the bot's handler confirms it (its own cost is in the
 * bot-updates entry); then the real path runs: the outbox row's NOTIFY wakes the service-operations worker,
 * which creates the panel user on the Remnawave stand-in (no added latency) and hands the notice to the
 * notify worker, which sends it through the local Bot API. One payment at a time: the figures are the
 * latency of the path, not of a queue.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { round, summarize } from '#bench/stats.ts';
import type { TBenchModule, TBenchResult } from '#bench/types.ts';
import { confirmPayment } from '#core/payments/confirm-payment.ts';
import { startCheckout } from '#core/payments/start-checkout.ts';
import { startRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { TelegramTestClient } from '#sandbox/telegram/client.ts';
import { startTelegramServer } from '#sandbox/telegram/server.ts';
import { createTestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis } from '#tests/support/test-redis.ts';
import { createTestWorkerContext } from '#tests/support/test-worker-context.ts';
import { notifyJob } from '#workers/notify.ts';
import { startJob } from '#workers/runtime/start-job.ts';
import { serviceOperationsJob } from '#workers/service-operations.ts';

const USER_TOKEN = '7000021:bench-vpn-user-token-abcdefgh';
const WORKLOAD = {
  payments: Number(process.env.BENCH_VPN_PAYMENTS ?? 150),
  warmup: 10,
  product: 'vpn-pro-30d',
};
const FIRST_ID = 7_400_000_000;
const MESSAGE_TIMEOUT_MS = 20_000;

async function run(): Promise<TBenchResult> {
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const server = await startTelegramServer({ port: 0 });
    cleanups.push(() => server.close());
    const telegram = new TelegramTestClient(server.url);
    await telegram.registerBot({ token: USER_TOKEN, username: 'bench_vpn_bot', firstName: 'Polygram' });
    const panel = await startRemnawaveStandIn({ port: 0 });
    cleanups.push(() => panel.close());
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const redis = await createTestRedis();
    cleanups.push(() => redis.cleanup());
    const context = createTestWorkerContext({
      database,
      redis,
      env: {
        BOT_TOKEN: USER_TOKEN,
        TELEGRAM_API_ROOT: server.url,
        REMNAWAVE_URL: panel.url,
        REMNAWAVE_TOKEN: panel.token,
      },
    });
    cleanups.push(() => context.close());
    for (const job of [serviceOperationsJob(), notifyJob]) {
      const worker = await startJob(job, context.context);
      cleanups.push(() => worker.close());
    }

    const db = database.db;
    const total = WORKLOAD.warmup + WORKLOAD.payments;
    const ids = Array.from({ length: total }, (_, i) => FIRST_ID + i);
    for (const id of ids) await telegram.upsertUser({ id, first_name: `V${id}` });
    await db.user.createMany({
      data: ids.map((id) => ({
        id: BigInt(id),
        firstName: `V${id}`,
        referralCode: `vb${id}`,
        signedUpAt: new Date(),
      })),
    });

    const latencies: number[] = [];
    const started = performance.now();
    for (const [index, id] of ids.entries()) {
      const userId = BigInt(id);
      const payment = await startCheckout(db, { userId, productId: WORKLOAD.product, provider: 'stars' });
      const t0 = performance.now();
      await confirmPayment(db, {
        paymentId: payment.id,
        provider: 'stars',
        providerPaymentId: `bench-${payment.id}`,
        amount: payment.amount,
        currency: payment.currency,
        raw: {},
      });
      // The notice is in the chat once the notify worker stored Telegram's answer to the send.
      for (;;) {
        const sent = await db.notificationSend.findFirst({
          where: { chatId: userId, messageId: { not: null } },
        });
        if (sent) break;
        if (performance.now() - t0 > MESSAGE_TIMEOUT_MS)
          throw new Error(`vpn: no ready message for user ${id} after ${MESSAGE_TIMEOUT_MS} ms`);
        await sleep(2);
      }
      if (index >= WORKLOAD.warmup) latencies.push(performance.now() - t0);
    }
    const wallMs = performance.now() - started;

    // Correctness: one panel user per payer, each with the plan's expiry, one message each.
    const users = panel.control.users();
    if (users.length !== total) throw new Error(`vpn: ${users.length} panel users for ${total} payments`);
    const messages = (await telegram.calls({ token: USER_TOKEN, method: 'sendMessage' })).filter((c) => c.ok);
    if (messages.length !== total)
      throw new Error(`vpn: ${messages.length} ready messages for ${total} payments`);
    const unsynced = await db.vpnSubscription.count({ where: { panelUserId: null } });
    if (unsynced > 0) throw new Error(`vpn: ${unsynced} subscriptions without a panel user`);

    const figures = summarize(latencies, wallMs);
    return {
      name: 'vpn',
      title: 'VPN: paid plan → "ready" message in the chat (Remnawave stand-in, local Bot API)',
      unit: 'payments',
      workload: WORKLOAD,
      rows: [{ key: 'payment-to-ready', label: 'confirmPayment → message delivered', figures }],
      comparisons: [],
      notes: [
        `one payment at a time after ${WORKLOAD.warmup} warm-up payments; p50 ${round(figures.p50Ms, 1)} ms, p99 ${round(figures.p99Ms, 1)} ms`,
        'the path: payment transaction with the outbox row → NOTIFY → service-operations job → panel lookup, create, squads → row done → notify job → sendMessage',
      ],
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
}

export const vpnBench: TBenchModule = { name: 'vpn', run };
