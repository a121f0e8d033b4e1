import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { acceptGeneration } from '#core/ai/generation/accept-generation.ts';
import { getWallet } from '#core/ledger/wallet.ts';
import { ZNotifyJobSchema } from '#core/notify/notify-job.ts';
import { newStudioUser } from '#tests/support/studio-fixtures.ts';
import { KLING, startStudioHarness, type TStudioHarness } from '#tests/support/video-task-harness.ts';
import { finishTaskRun } from './finish-task-run.ts';
import { getTask } from './get-task.ts';
import { runTask } from './run-task.ts';

// How runs end, through the generation engine and the prediction stand-in as the worker drives them: the
// task's status follows its latest run, the launch log gets the provider's id, the bot's message goes once;
// a regenerate reuses the stored materials.

let h: TStudioHarness;
before(async () => {
  h = await startStudioHarness();
});
after(() => h?.close());

describe('finishing and regenerating', () => {
  test('success: the task follows its run, the launch log gets the provider’s id, the user is told once', async () => {
    const { userId, task, uploads } = await h.readyTask({ runs: 2 });
    const { run } = await runTask(h.acceptDeps(), { userId, taskId: task.id, language: 'en' });
    assert.equal(await h.work(run.id), 'finished');

    const done = await getTask(h.db, { userId, taskId: task.id });
    assert.equal(done.status, 'succeeded');
    assert.equal((await h.db.videoTask.findUniqueOrThrow({ where: { id: task.id } })).status, 'succeeded');
    const finished = done.runs[0];
    assert.deepEqual([finished?.status, finished?.charged, finished?.progress], ['succeeded', 38_000n, 100]);
    assert.equal(finished?.result?.mimeType, 'video/mp4');
    assert.equal((await getWallet(h.db, userId)).tokens.available, 38_000n, 'charged once, one run left');

    // The provider got every material, each under its role.
    const prediction = h.predictions.control
      .predictions()
      .find((p) => String(p.id) === finished?.providerJobId?.split(':').at(-1));
    const input = (prediction?.input ?? {}) as Record<string, unknown>;
    assert.match(String(input.video), /^data:video\/mp4;base64,/);
    assert.match(String(input.audio), /^data:audio\/wav;base64,/);
    assert.match(String(input.image), /^data:image\/jpeg;base64,/);
    assert.equal(input.prompt, task.prompt);

    // A second call (a retried job) changes nothing and sends nothing more.
    assert.equal(await finishTaskRun(h.finishDeps(), run.id), 'finished');
    const events = await h.launchEvents(task.id);
    assert.deepEqual(
      events.map((e) => e.parsed.task_properties.phase),
      ['accepted', 'finished'],
    );
    const props = events[1]?.parsed.task_properties ?? {};
    assert.equal(props.provider, 'replicate');
    assert.equal(props.provider_task_id, prediction?.id);
    assert.deepEqual([props.status, props.charged, props.run_id], ['succeeded', '38000', run.id.toString()]);

    const job = await h.notifyQueue.getJob(`task-run-${run.id}`);
    const notice = ZNotifyJobSchema.parse(job?.data);
    assert.equal(notice.chatId, userId.toString());
    assert.equal(notice.text, '✅ Your video “Sunset” is ready (Kling). Charged: 38,000 tokens.');
    const [open, download] = notice.buttons?.[0] ?? [];
    assert.deepEqual(open, { text: 'Open the task', webApp: `https://app.example/?task=${task.id}` });
    assert.ok(download && 'url' in download);
    assert.match(
      download.url,
      new RegExp(`^https://app\\.example/files/${finished?.resultFileId}\\?exp=\\d+&download=1&sig=`),
    );

    // Regenerate: a new run of the same stored inputs, nothing uploaded, not served from the cache.
    const filesBefore = await h.db.storedFile.count({ where: { userId } });
    const again = await runTask(h.acceptDeps(), { userId, taskId: task.id, language: 'en' });
    assert.equal(again.regenerate, true);
    assert.equal(again.run.cacheHit, false, 'the first result is cached, but a regenerate wants a new one');
    assert.deepEqual(
      (again.run.params as { inputFileIds: string[] }).inputFileIds,
      uploads.map((f) => f.id),
    );
    assert.equal(await h.db.storedFile.count({ where: { userId } }), filesBefore, 'no new uploads');
    assert.equal((await getTask(h.db, { userId, taskId: task.id })).status, 'running');
    await h.work(again.run.id);
    const after = await getTask(h.db, { userId, taskId: task.id });
    assert.deepEqual(
      after.runs.map((r) => r.status),
      ['succeeded', 'succeeded'],
    );
    assert.notEqual(after.runs[0]?.resultFileId, after.runs[1]?.resultFileId, 'a result of its own');
    assert.equal(await h.db.storedFile.count({ where: { userId } }), filesBefore + 1, 'only the new result');
    const regenerated = (await h.launchEvents(task.id)).find(
      (e) =>
        e.parsed.task_properties.run_id === again.run.id.toString() &&
        e.parsed.task_properties.phase === 'accepted',
    );
    assert.equal(regenerated?.parsed.task_properties.regenerate, true);
  });

  test('failure: the task fails, nothing is charged, the message says so; a later success flips it back', async () => {
    const { userId, task } = await h.readyTask({ runs: 1 });
    h.predictions.control.setModel(KLING, { kind: 'video', delayMs: 200, failureRate: 1 });
    let failedRun: bigint;
    try {
      const { run } = await runTask(h.acceptDeps(), { userId, taskId: task.id, language: 'ru' });
      failedRun = run.id;
      await h.work(run.id);
    } finally {
      h.predictions.control.setModel(KLING, { kind: 'video', delayMs: 300 });
    }
    const failed = await getTask(h.db, { userId, taskId: task.id });
    assert.equal(failed.status, 'failed');
    assert.deepEqual([failed.runs[0]?.status, failed.runs[0]?.charged], ['failed', 0n]);
    const wallet = await getWallet(h.db, userId);
    assert.deepEqual([wallet.tokens.available, wallet.tokens.held], [38_000n, 0n]);
    const notice = ZNotifyJobSchema.parse((await h.notifyQueue.getJob(`task-run-${failedRun}`))?.data);
    assert.equal(
      notice.text,
      '❌ Запуск «Sunset» (Kling) не удался: видеосервис не вернул результат. Токены не списаны.',
    );
    assert.equal(notice.buttons?.[0]?.length, 1, 'no download button without a result');

    const { run } = await runTask(h.acceptDeps(), { userId, taskId: task.id, language: 'ru' });
    await h.work(run.id);
    assert.equal((await getTask(h.db, { userId, taskId: task.id })).status, 'succeeded');
  });

  test('a picture instead of the video is the provider’s failure: no result, nothing charged, told as such', async () => {
    const { userId, task } = await h.readyTask({ runs: 1 });
    const filesBefore = await h.db.storedFile.count({ where: { userId } });
    // The provider "succeeds" with a PNG where a video was asked.
    h.predictions.control.setModel(KLING, { kind: 'image', delayMs: 200 });
    let runId: bigint;
    try {
      const { run } = await runTask(h.acceptDeps(), { userId, taskId: task.id, language: 'en' });
      runId = run.id;
      await h.work(run.id);
    } finally {
      h.predictions.control.setModel(KLING, { kind: 'video', delayMs: 300 });
    }
    const failed = await getTask(h.db, { userId, taskId: task.id });
    assert.equal(failed.status, 'failed');
    const [only] = failed.runs;
    assert.deepEqual(
      [only?.status, only?.charged, only?.errorCode, only?.errorMessage, only?.result],
      ['failed', 0n, 'provider_failed', 'unexpected output: asked video, got image/png', null],
    );
    assert.equal(await h.db.storedFile.count({ where: { userId } }), filesBefore, 'the picture was not kept');
    const wallet = await getWallet(h.db, userId);
    assert.deepEqual([wallet.tokens.available, wallet.tokens.held], [38_000n, 0n]);
    const notice = ZNotifyJobSchema.parse((await h.notifyQueue.getJob(`task-run-${runId}`))?.data);
    assert.equal(
      notice.text,
      '❌ The run of “Sunset” (Kling) failed: the video service did not deliver a result. Nothing was charged.',
    );
    assert.equal(notice.buttons?.[0]?.length, 1, 'no download button');
  });

  test('a generation that is not a task run is left alone: no status, no launch log, no message', async () => {
    const userId = await newStudioUser(h.db, { tokens: 38_000n });
    const eventsBefore = await h.db.analyticsEvent.count({ where: { type: 'task_launch' } });
    const { request } = await acceptGeneration(h.acceptDeps(), {
      userId,
      modelId: 'kling',
      source: 'miniapp',
      prompt: h.uniquePrompt('A plain clip, not a task'),
      language: 'en',
    });
    assert.equal(await h.work(request.id), 'not_a_task_run');
    assert.equal((await h.db.aiRequest.findUniqueOrThrow({ where: { id: request.id } })).status, 'succeeded');
    assert.equal(await h.db.analyticsEvent.count({ where: { type: 'task_launch' } }), eventsBefore);
    assert.equal(await h.notifyQueue.getJob(`task-run-${request.id}`), undefined);
  });

  test('a late finish of an older run does not overwrite the status of the newer one', async () => {
    const { userId, task } = await h.readyTask({ runs: 2 });
    const first = await runTask(h.acceptDeps(), { userId, taskId: task.id, language: 'en' });
    await h.runOnce(first.run.id);
    // The worker died before finishTaskRun; the user starts the next run meanwhile.
    const second = await runTask(h.acceptDeps(), { userId, taskId: task.id, language: 'en' });
    await finishTaskRun(h.finishDeps(), first.run.id);
    assert.equal((await h.db.videoTask.findUniqueOrThrow({ where: { id: task.id } })).status, 'running');
    assert.equal((await getTask(h.db, { userId, taskId: task.id })).status, 'running');
    await h.work(second.run.id);
    assert.equal((await getTask(h.db, { userId, taskId: task.id })).status, 'succeeded');
    const finished = (await h.launchEvents(task.id)).filter(
      (e) => e.parsed.task_properties.phase === 'finished',
    );
    assert.deepEqual(
      finished.map((e) => e.parsed.task_properties.run_id),
      [first.run.id.toString(), second.run.id.toString()],
    );
  });
});
