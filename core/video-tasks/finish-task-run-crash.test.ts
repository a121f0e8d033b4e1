import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { runGeneration, type TRunDeps } from '#core/ai/generation/run-generation.ts';
import { createLogger } from '#core/logging/logger.ts';
import {
  crashPoints,
  createKillSwitch,
  killAt,
  type TKillSwitch,
  walkCrashPoints,
} from '#tests/support/kill-switch.ts';
import { silentDelivery } from '#tests/support/silent-delivery.ts';
import { KLING, startStudioHarness, type TStudioHarness } from '#tests/support/video-task-harness.ts';
import { finishTaskRun } from './finish-task-run.ts';
import { runTask } from './run-task.ts';

// A video-task run ends with one bot message through the `notify` queue (finish-task-run.ts), hung on the
// generation worker's `onFinished`. Killed at every point from the stored result on (the points before are
// the generation's own, walked in workers/ai-crashes.test.ts), the next run must still end the task, log its
// end once and enqueue the message once; and once the request is announced, a job that runs again enqueues
// nothing, even after BullMQ has dropped the finished notify job that deduplicated by its id.

let h: TStudioHarness;
const logger = createLogger({ level: 'silent', name: 'task-crash-test' });

before(async () => {
  h = await startStudioHarness();
  h.predictions.control.setModel(KLING, { kind: 'video', delayMs: 50 });
});
after(() => h?.close());

/** What the ai worker gives the engine for a task run, through `kill` when given. */
function runDeps(kill?: TKillSwitch): TRunDeps {
  const db = kill ? kill.db(h.db) : h.db;
  const notifyQueue = kill ? kill.service('notify', h.notifyQueue) : h.notifyQueue;
  return {
    db,
    ai: kill ? kill.service('ai', h.ai) : h.ai,
    store: kill ? kill.service('store', h.store) : h.store,
    delivery: silentDelivery,
    logger,
    onFinished: (requestId) => finishTaskRun({ ...h.finishDeps(), db, notifyQueue }, requestId),
  };
}

async function runToEnd(deps: TRunDeps, requestId: bigint) {
  for (let round = 0; round < 200; round++) {
    const outcome = await runGeneration(deps, requestId);
    if (outcome.kind === 'done') return outcome;
    await sleep(Math.min(outcome.delayMs, 100));
  }
  throw new Error(`run ${requestId} did not finish`);
}

test('a task run killed at every point of its end: the task ends once, its end is logged once, the message is enqueued once', async () => {
  // A reference run lists the outside calls (the second of two: the first of all also opens ledger accounts);
  // the points from the result's upload to the store on are walked.
  let reference = createKillSwitch();
  for (let i = 0; i < 2; i++) {
    reference = createKillSwitch();
    const sample = await h.readyTask({ runs: 1 });
    const { run } = await runTask(h.acceptDeps(), {
      userId: sample.userId,
      taskId: sample.task.id,
      language: 'en',
    });
    await runToEnd(runDeps(reference), run.id);
  }
  const points = crashPoints(reference.log, 'store.put').filter((p) => p.anchor !== undefined);
  const walked = await walkCrashPoints(points, async (point) => {
    const { userId, task } = await h.readyTask({ runs: 1 });
    const { run } = await runTask(h.acceptDeps(), { userId, taskId: task.id, language: 'en' });
    const kill = killAt(point);
    const ended = await Promise.race([
      kill.killed.then(() => 'killed' as const),
      runToEnd(runDeps(kill), run.id).then(() => 'finished' as const),
    ]);
    if (ended === 'killed') await runToEnd(runDeps(), run.id);
    const where = ended === 'killed' ? `killed after ${point.label} #${point.nth}` : 'not killed';
    const row = await h.db.aiRequest.findUniqueOrThrow({ where: { id: run.id } });
    assert.equal(row.status, 'succeeded', `${where}: ${row.errorMessage}`);
    assert.ok(row.notifiedAt, where);
    assert.equal(
      await h.db.ledgerTransaction.count({ where: { idempotencyKey: `hold:ai:${run.id}:capture` } }),
      1,
      `${where}: charged once`,
    );
    assert.equal(
      (await h.db.videoTask.findUniqueOrThrow({ where: { id: task.id } })).status,
      'succeeded',
      where,
    );
    const phases = (await h.launchEvents(task.id)).map((e) => e.parsed.task_properties.phase);
    assert.deepEqual(phases, ['accepted', 'finished'], where);
    const notice = await h.notifyQueue.getJob(`task-run-${run.id}`);
    assert.ok(notice, `${where}: the message is enqueued`);

    // BullMQ keeps a finished notify job (and with it the dedupe) only so long; the request's own record
    // is what stops a later run of the job from enqueueing the message again.
    await notice.remove();
    assert.deepEqual(await runToEnd(runDeps(), run.id), { kind: 'done', status: 'skipped' }, where);
    assert.equal(await h.notifyQueue.getJob(`task-run-${run.id}`), undefined, `${where}: not enqueued again`);
    return ended;
  });
  assert.equal(walked, points.length, 'every crash point of a task run’s end was walked');
  assert.ok(points.some((p) => p.label === 'notify.add'));
});
