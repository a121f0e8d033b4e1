import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { startRemnawaveStandIn, type TRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { createTestWorkerContext } from '#tests/support/test-worker-context.ts';
import { seedVpnSubscriptions } from '#tests/support/vpn-subscriptions.ts';
import type { TJobDefinition, TJobRun } from '#workers/runtime/job-definition.ts';
import type { TWorkerContext } from '#workers/runtime/worker-context.ts';
import { vpnExpiryScanJob } from './vpn-expiry-scan.ts';
import { vpnNodeHealthJob } from './vpn-node-health.ts';
import { vpnTrafficSyncJob } from './vpn-traffic-sync.ts';

let t: TestDatabase;
let redis: TestRedis;
let panel: TRemnawaveStandIn;
const built: { close(): Promise<void> }[] = [];
before(async () => {
  t = await createTestDatabase();
  redis = await createTestRedis();
  panel = await startRemnawaveStandIn({ port: 0 });
});
after(async () => {
  for (const b of built) await b.close();
  await panel?.close();
  await t.drop();
  await redis.cleanup();
});

/** Log lines as objects: the jobs' only visible output besides notices. */
function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger, lines };
}

function context(env: Record<string, string>) {
  const b = createTestWorkerContext({ database: t, redis, env });
  built.push(b);
  const { logger, lines } = recordingLogger();
  const ctx: TWorkerContext = { ...b.context, logger };
  return { ctx, lines };
}

/** One run of a definition's handler, as the runner would call it for a scheduled job. */
function run(job: TJobDefinition, ctx: TWorkerContext) {
  const log = ctx.logger;
  const jobRun: TJobRun<unknown> = {
    id: 'test',
    name: 'scheduled',
    data: {},
    attempt: 1,
    isLastAttempt: true,
    log,
    signal: new AbortController().signal,
    later: () => Promise.reject(new Error('not in tests')),
    add: () => Promise.resolve(),
  };
  return job.handle(jobRun, ctx);
}

const JOBS = [vpnExpiryScanJob, vpnTrafficSyncJob, vpnNodeHealthJob];

test('with the VPN off every job does nothing and says so once', async () => {
  const { ctx, lines } = context({});
  const userId = 9_100_000_001n;
  await seedVpnSubscriptions(t.db, [{ userId, expiresAt: new Date(Date.now() - 3600_000) }]);
  for (const job of JOBS) {
    assert.deepEqual(await run(job, ctx), { off: true }, job.id);
    assert.deepEqual(await run(job, ctx), { off: true }, job.id);
  }
  const offLines = lines.filter((l) => String(l.msg).includes('VPN service is off'));
  assert.deepEqual(
    offLines.map((l) => l.job),
    JOBS.map((j) => j.id),
    'one line per job, not per run',
  );
  assert.equal(await t.db.vpnNotice.count({ where: { userId } }), 0, 'no notice while off');
});

test('with the panel on: the scan sends, node health warns about an offline node by name', async () => {
  const { ctx, lines } = context({ REMNAWAVE_URL: panel.url, REMNAWAVE_TOKEN: panel.token });
  const userId = 9_100_000_002n;
  await seedVpnSubscriptions(t.db, [{ userId, expiresAt: new Date(Date.now() + 12 * 3600_000) }]);
  const scan = (await run(vpnExpiryScanJob, ctx)) as { sent: number };
  assert.ok(scan.sent >= 1);
  assert.equal(await t.db.vpnNotice.count({ where: { userId, kind: 'expires_24h' } }), 1);
  assert.equal(((await run(vpnExpiryScanJob, ctx)) as { sent: number }).sent, 0, 'idempotent');

  const node = panel.control.nodes()[0];
  assert.ok(node);
  panel.control.setNodeOnline(node.uuid, false);
  const health = (await run(vpnNodeHealthJob, ctx)) as { offline: string[] };
  assert.deepEqual(health.offline, [node.name]);
  const warning = lines.find((l) => l.msg === 'VPN node offline');
  assert.equal(warning?.node, node.name, 'the log names the node');
  assert.equal(
    await redis.redis.hget(`${ctx.config.REDIS_PREFIX}:vpn:node-status`, node.name),
    'offline',
    'latest status kept in Redis',
  );
  panel.control.setNodeOnline(node.uuid, true);
  assert.deepEqual(((await run(vpnNodeHealthJob, ctx)) as { offline: string[] }).offline, []);
  assert.ok(lines.some((l) => l.msg === 'VPN node back online' && l.node === node.name));

  const sync = (await run(vpnTrafficSyncJob, ctx)) as { panelUsers: number };
  assert.equal(sync.panelUsers, 0, 'an empty panel is read without error');
});
