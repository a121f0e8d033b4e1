/**
 * The VPN expiry scan (core/vpn/notices/scan-expiry-notices.ts) over many subscriptions: how long one run
 * of the 5-minute job takes when a few are due, and how long the steady-state run takes when everything
 * in the window has already been told (the usual case). Counts every notice afterwards.
 */

import { Queue } from 'bullmq';
import { round } from '#bench/stats.ts';
import type { TBenchModule, TBenchResult, TBenchRow } from '#bench/types.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import { scanExpiryNotices, type TExpiryScanResult } from '#core/vpn/notices/scan-expiry-notices.ts';
import { createTestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis } from '#tests/support/test-redis.ts';
import { seedVpnSubscriptions } from '#tests/support/vpn-subscriptions.ts';

/** `VPN_SCAN_BENCH_N=5000 npm run bench -- vpn-expiry-scan` checks the entry quickly. */
const SUBSCRIPTIONS = Number(process.env.VPN_SCAN_BENCH_N ?? 100_000);
const WORKLOAD = {
  subscriptions: SUBSCRIPTIONS,
  /** Per 50: 1 due for its 72 h reminder, 9 in the window already told, 40 far from expiry. */
  duePer50: 1,
  toldPer50: 9,
  batchSize: 1000,
};
const FIRST_USER_ID = 9_500_000_000n;
const HOUR = 3600_000;

function row(key: string, label: string, wallMs: number, result: TExpiryScanResult): TBenchRow {
  return {
    key,
    label,
    figures: {
      operations: result.scanned,
      wallMs: round(wallMs),
      perSecond: round(result.scanned / (wallMs / 1000)),
      p50Ms: round(wallMs),
      p95Ms: round(wallMs),
      p99Ms: round(wallMs),
      maxMs: round(wallMs),
    },
    details: { seconds: round(wallMs / 1000), scanned: result.scanned, sent: result.sent },
  };
}

async function run(): Promise<TBenchResult> {
  const database = await createTestDatabase();
  const redis = await createTestRedis();
  const queue = new Queue<TNotifyJob>(NOTIFY_QUEUE, {
    connection: redis.redis,
    prefix: `${redis.prefix}:bull`,
  });
  try {
    const db = database.db;
    const now = new Date();
    const subs = Array.from({ length: SUBSCRIPTIONS }, (_, i) => {
      const slot = i % 50;
      const hours = slot === 0 ? 48 : slot <= 9 ? 60 : 30 * 24;
      return { userId: FIRST_USER_ID + BigInt(i), expiresAt: new Date(now.getTime() + hours * HOUR) };
    });
    await seedVpnSubscriptions(db, subs);
    const told = subs.filter((_, i) => i % 50 >= 1 && i % 50 <= 9);
    for (let i = 0; i < told.length; i += 10_000)
      await db.vpnNotice.createMany({
        data: told
          .slice(i, i + 10_000)
          .map((s) => ({ userId: s.userId, kind: 'expires_72h', period: s.expiresAt.toISOString() })),
      });
    await db.$executeRaw`ANALYZE vpn_subscriptions`;
    await db.$executeRaw`ANALYZE vpn_notices`;
    const deps = { db, notifyQueue: queue, translator: loadTranslator(LOCALES_DIR), miniAppUrl: null };

    let started = performance.now();
    const first = await scanExpiryNotices(deps, { now, batchSize: WORKLOAD.batchSize });
    const firstMs = performance.now() - started;
    started = performance.now();
    const steady = await scanExpiryNotices(deps, { now, batchSize: WORKLOAD.batchSize });
    const steadyMs = performance.now() - started;

    const due = subs.filter((_, i) => i % 50 === 0).length;
    const inWindow = due + told.length;
    if (first.sent !== due || first.scanned !== inWindow)
      throw new Error(
        `vpn-expiry-scan: first run sent ${first.sent} of ${due}, scanned ${first.scanned} of ${inWindow}`,
      );
    if (steady.sent !== 0 || steady.due !== 0)
      throw new Error(`vpn-expiry-scan: the second run sent ${steady.sent}`);
    const claims = await db.vpnNotice.count({ where: { kind: 'expires_72h' } });
    const queued = await queue.getWaitingCount();
    if (claims !== inWindow || queued !== due)
      throw new Error(
        `vpn-expiry-scan: ${claims} claims (want ${inWindow}), ${queued} messages (want ${due})`,
      );

    return {
      name: 'vpn-expiry-scan',
      title: `VPN expiry scan over ${SUBSCRIPTIONS.toLocaleString('en')} subscriptions (PostgreSQL + Redis)`,
      unit: 'subscriptions scanned',
      workload: { ...WORKLOAD },
      rows: [
        row('first', `first run: ${due} reminders sent`, firstMs, first),
        row('steady', 'steady run: everything already told', steadyMs, steady),
      ],
      comparisons: [{ label: 'first / steady', numerator: 'first', denominator: 'steady' }],
      notes: [
        `first run ${round(firstMs / 1000)} s, steady run ${round(steadyMs / 1000)} s; the job runs every 5 minutes.`,
        'Only subscriptions within 72 h of expiry (either side) are read; the rest cost nothing.',
      ],
    };
  } finally {
    await queue.close();
    await database.drop();
    await redis.cleanup();
  }
}

export const vpnExpiryScanBench: TBenchModule = { name: 'vpn-expiry-scan', run };
