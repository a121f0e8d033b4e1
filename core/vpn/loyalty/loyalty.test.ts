import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { seedVpnSubscriptions } from '#tests/support/vpn-subscriptions.ts';
import type { TNoticeDeps } from '../notices/send-vpn-notice.ts';
import { loyaltyState, type TLoyaltyPeriod } from './loyalty-levels.ts';
import { scanLoyalty } from './scan-loyalty.ts';

const DAY = 86_400_000;
let t: TestDatabase;
let redis: TestRedis;
let queue: Queue<TNotifyJob>;
let deps: TNoticeDeps;
before(async () => {
  t = await createTestDatabase();
  redis = await createTestRedis();
  queue = new Queue<TNotifyJob>(NOTIFY_QUEUE, { connection: redis.redis, prefix: `${redis.prefix}:bull` });
  deps = { db: t.db, notifyQueue: queue, translator: loadTranslator(LOCALES_DIR), miniAppUrl: null };
});
after(async () => {
  await queue.close();
  await t.drop();
  await redis.cleanup();
});

const NOW = new Date('2026-12-10T12:00:00Z');
const day = (n: number) => new Date(NOW.getTime() + n * DAY);

/** Periods back to back from `startDay` (relative to NOW), each `days` long, with `gaps[i]` days before the i-th. */
function chain(startDay: number, lengths: number[], gaps: number[] = [], source = 'paid'): TLoyaltyPeriod[] {
  let at = startDay;
  return lengths.map((days, i) => {
    at += gaps[i] ?? 0;
    const period = { source, days, startsAt: day(at), endsAt: day(at + days) };
    at += days;
    return period;
  });
}

test('levels come from continuous paid months; a gap longer than the 14-day grace starts over', () => {
  assert.equal(loyaltyState([], NOW).level, null);
  assert.equal(loyaltyState(chain(-10, [30]), NOW).level, 'bronze', 'the first paid month');
  assert.equal(loyaltyState(chain(-70, [30, 30, 30]), NOW).level, 'silver', 'three months in a row');
  assert.equal(
    loyaltyState(chain(-80, [30, 30, 30], [0, 10, 0]), NOW).level,
    'silver',
    'a 10-day lapse is within the grace',
  );
  const broken = loyaltyState(chain(-90, [30, 30, 30], [0, 0, 20]), NOW);
  assert.equal(broken.level, 'bronze', 'a 20-day lapse starts the count again');
  assert.equal(broken.paidDays, 30);
  assert.equal(loyaltyState(chain(-160, Array(6).fill(30)), NOW).level, 'gold');
  assert.equal(loyaltyState(chain(-10, [365]), NOW).level, 'platinum', 'a year bought at once counts');
  assert.equal(
    loyaltyState([...chain(-50, [30]), ...chain(-20, [30])], NOW).level,
    'bronze',
    'a renewal paid ahead counts once it starts',
  );
  assert.equal(loyaltyState(chain(-40, [30, 30]), NOW).level, 'bronze', 'the next month has not started yet');
  // Bonus days between two paid months keep the run going but are not paid months.
  const bridged = [
    ...chain(-95, [30, 30]),
    { source: 'loyalty', days: 20, startsAt: day(-35), endsAt: day(-15) },
    ...chain(-15, [30]),
  ];
  assert.equal(loyaltyState(bridged, NOW).level, 'silver');
  const lapsed = loyaltyState(chain(-100, [30, 30, 30]), NOW);
  assert.equal(lapsed.level, 'silver', 'ended 10 days ago: still in the grace');
  assert.equal(lapsed.graceEnding, false);
  assert.deepEqual(loyaltyState(chain(-105, [30, 30, 30]), NOW).lost, {
    level: 'silver',
    coveredUntil: day(-15),
  });
  const ending = loyaltyState(chain(-102, [30, 30, 30]), NOW);
  assert.equal(ending.graceEnding, true, '12 days after the end: 2 days of grace left');
  assert.equal(loyaltyState(chain(-105, [30, 30, 30]), NOW).level, null, 'the grace is over');
});

let nextId = 7_100_000_000n;

async function subscriber(periods: TLoyaltyPeriod[], language: 'en' | 'ru' = 'ru') {
  const userId = nextId++;
  const end = new Date(Math.max(...periods.map((p) => p.endsAt.getTime())));
  await seedVpnSubscriptions(t.db, [{ userId, expiresAt: end, language }]);
  for (const p of periods) await t.db.vpnPeriod.create({ data: { userId, tier: 'basic', ...p } });
  return userId;
}

async function messagesTo(userId: bigint): Promise<TNotifyJob[]> {
  const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
  return jobs.filter((j) => j.data.chatId === userId.toString()).map((j) => j.data);
}

test('the job gives each level’s bonus days once, even when it runs twice, and tells the highest level', async () => {
  const gold = await subscriber(chain(-160, Array(6).fill(30)));
  const gapped = await subscriber(chain(-90, [30, 30, 30], [0, 0, 20]));
  const expiryBefore = (await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId: gold } })).expiresAt;

  const first = await scanLoyalty(deps, { now: NOW, batchSize: 1 });
  const second = await scanLoyalty(deps, { now: NOW });
  assert.equal(first.failed.length, 0);
  assert.equal(second.applied, 0, 'nothing is due on the second run');
  assert.equal(second.levelsReached, 0);

  const levels = await t.db.vpnLoyalty.findMany({ where: { userId: gold }, orderBy: { level: 'asc' } });
  assert.deepEqual(levels.map((l) => l.level).sort(), ['bronze', 'gold', 'silver']);
  const bonus = await t.db.vpnPeriod.findMany({ where: { userId: gold, source: 'loyalty' } });
  assert.deepEqual(bonus.map((b) => b.days).sort(), [3, 7]);
  const expiryAfter = (await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId: gold } })).expiresAt;
  assert.equal(expiryAfter.getTime() - expiryBefore.getTime(), 10 * DAY);
  const told = await messagesTo(gold);
  assert.equal(told.length, 1);
  assert.match(told[0]?.text ?? '', /Золото/);

  assert.deepEqual(
    (await t.db.vpnLoyalty.findMany({ where: { userId: gapped } })).map((l) => l.level),
    ['bronze'],
    'the run after a 20-day lapse is one month old',
  );
  assert.equal(await t.db.vpnPeriod.count({ where: { userId: gapped, source: 'loyalty' } }), 0);

  // A later month makes the gapped user silver: only silver's days are new.
  const later = new Date(NOW.getTime() + 61 * DAY);
  await t.db.vpnPeriod.createMany({
    data: chain(30, [30, 30]).map((p) => ({ userId: gapped, tier: 'basic', ...p })),
  });
  await t.db.vpnSubscription.update({ where: { userId: gapped }, data: { expiresAt: day(90) } });
  await scanLoyalty(deps, { now: later });
  await scanLoyalty(deps, { now: later });
  assert.equal(await t.db.vpnPeriod.count({ where: { userId: gapped, source: 'loyalty' } }), 1);
});

test('the grace-ending warning goes once, 3 days before the level is lost', async () => {
  // Paid until 15 days ago; silver's 3 days, given while it ran, moved the end to 12 days ago.
  const userId = await subscriber(chain(-105, [30, 30, 30]), 'en');
  await scanLoyalty(deps, { now: day(-20) });
  assert.equal(
    (await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId } })).expiresAt.getTime(),
    day(-12).getTime(),
  );
  const a = await scanLoyalty(deps, { now: NOW });
  const b = await scanLoyalty(deps, { now: new Date(NOW.getTime() + 3_600_000) });
  assert.equal(a.graceWarned + b.graceWarned, 1);
  const warnings = (await messagesTo(userId)).filter((m) => m.text.includes('will be lost'));
  assert.equal(warnings.length, 1);
  assert.equal(await t.db.vpnNotice.count({ where: { userId, kind: 'loyalty_grace' } }), 1);

  // The grace ends two days after NOW: told once that the level is gone, and not a week later.
  const gone = new Date(day(2).getTime() + 3_600_000);
  const lostRuns = [await scanLoyalty(deps, { now: gone }), await scanLoyalty(deps, { now: gone })];
  assert.equal(lostRuns[0]?.lostTold, 1);
  assert.equal(lostRuns[1]?.lostTold, 0);
  assert.equal((await messagesTo(userId)).filter((m) => m.text.includes('has been reset')).length, 1);
  assert.equal((await scanLoyalty(deps, { now: day(9) })).lostTold, 0);

  const early = await subscriber(chain(-100, [30, 30, 30]), 'en');
  await scanLoyalty(deps, { now: NOW });
  assert.equal(await t.db.vpnNotice.count({ where: { userId: early, kind: 'loyalty_grace' } }), 0);
});
