import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isAppError, type TAppErrorCode } from '#core/errors/app-error.ts';
import { getWallet } from '#core/ledger/wallet.ts';
import { creditUser, newStudioUser } from '#tests/support/studio-fixtures.ts';
import { startStudioHarness, type TStudioHarness } from '#tests/support/video-task-harness.ts';
import { createTask } from './create-task.ts';
import { editTask } from './edit-task.ts';
import { quoteTask } from './quote-task.ts';
import { runTask } from './run-task.ts';

// Quoting and starting runs: what is checked, reserved and logged before the worker takes the job.

let h: TStudioHarness;
before(async () => {
  h = await startStudioHarness();
});
after(() => h?.close());

const refusedWith = (code: TAppErrorCode) => (error: unknown) => isAppError(error, code);

describe('quote', () => {
  test('the cost is the model’s live price, next to what the user can spend', async () => {
    const { userId, task } = await h.readyTask();
    const quote = await quoteTask({ db: h.db, ai: h.ai }, { userId, taskId: task.id });
    assert.deepEqual(quote, {
      modelId: 'kling',
      price: 38_000n,
      available: 38_000n,
      enough: true,
      runnable: true,
    });
    // An admin re-prices the model: the next quote and the run follow, a confirmation of the old price is refused.
    await h.db.aiModel.upsert({
      where: { id: 'kling' },
      create: { id: 'kling', kind: 'video', tokenPrice: 39_500n },
      update: { tokenPrice: 39_500n },
    });
    try {
      const repriced = await quoteTask({ db: h.db, ai: h.ai }, { userId, taskId: task.id });
      assert.deepEqual([repriced.price, repriced.enough], [39_500n, false]);
      await creditUser(h.db, userId, 1_500n);
      await assert.rejects(
        runTask(h.acceptDeps(), { userId, taskId: task.id, language: 'en', expectedPrice: 38_000n }),
        (error: unknown) => isAppError(error, 'TASK_PRICE_CHANGED') && error.details.price === '39500',
      );
      assert.equal(await h.db.aiRequest.count({ where: { taskId: task.id } }), 0);
      const { run } = await runTask(h.acceptDeps(), {
        userId,
        taskId: task.id,
        language: 'en',
        expectedPrice: 39_500n,
      });
      assert.equal(run.price, 39_500n);
      await h.work(run.id);
    } finally {
      await h.db.aiModel.update({ where: { id: 'kling' }, data: { tokenPrice: 38_000n } });
    }
  });

  test('a model nobody serves can be quoted but not run', async () => {
    const userId = await newStudioUser(h.db, { tokens: 100_000n });
    // Sora goes to the `openai` provider, which this test does not configure.
    const task = await createTask(h.db, { userId, title: 'Sora', modelId: 'sora-2', prompt: 'A fox' });
    const quote = await quoteTask({ db: h.db, ai: h.ai }, { userId, taskId: task.id });
    assert.deepEqual([quote.price, quote.runnable], [50_000n, false]);
    await assert.rejects(
      runTask(h.acceptDeps(), { userId, taskId: task.id, language: 'en' }),
      refusedWith('MODEL_UNAVAILABLE'),
    );
  });
});

describe('running a task', () => {
  test('a run is an ai_request with the task id and its materials, reserved, logged as task_launch', async () => {
    const { userId, task, uploads } = await h.readyTask({ email: 'maker@example.com' });
    const { run, regenerate } = await runTask(h.acceptDeps(), { userId, taskId: task.id, language: 'ru' });
    assert.equal(regenerate, false);
    assert.deepEqual(
      [run.taskId, run.kind, run.modelId, run.source, run.status, run.price, run.language],
      [task.id, 'video', 'kling', 'miniapp', 'queued', 38_000n, 'ru'],
    );
    assert.deepEqual(run.params, { seconds: 10, aspect: '9:16', inputFileIds: uploads.map((f) => f.id) });
    assert.equal((await getWallet(h.db, userId)).tokens.held, 38_000n);
    assert.equal((await h.db.videoTask.findUniqueOrThrow({ where: { id: task.id } })).status, 'running');
    assert.ok(await h.aiQueue.getJob(`ai-${run.id}`), 'the job is queued');

    const [launch, ...rest] = await h.launchEvents(task.id);
    assert.equal(rest.length, 0);
    assert.equal(launch?.userId, userId);
    assert.equal((launch?.payload as { email?: string } | undefined)?.email, 'maker@example.com');
    assert.deepEqual(launch?.parsed.task_properties, {
      phase: 'accepted',
      run_id: run.id.toString(),
      title: 'Sunset',
      model: 'kling',
      prompt: task.prompt,
      params: { seconds: 10, aspect: '9:16' },
      materials: uploads.map((f) => ({ kind: f.kind, file_id: f.id })),
      price: '38000',
      regenerate: false,
      source: 'miniapp',
      cache_hit: false,
      provider: null,
      provider_task_id: null,
    });

    // While it runs, another launch is refused and nothing more is reserved.
    await creditUser(h.db, userId, 38_000n);
    await assert.rejects(
      runTask(h.acceptDeps(), { userId, taskId: task.id, language: 'ru' }),
      refusedWith('TASK_RUN_ACTIVE'),
    );
    assert.equal(await h.db.aiRequest.count({ where: { taskId: task.id } }), 1);
    await h.work(run.id);
  });

  test('two launches at once start one run', async () => {
    const { userId, task } = await h.readyTask({ runs: 2 });
    const launches = await Promise.allSettled([
      runTask(h.acceptDeps(), { userId, taskId: task.id, language: 'en' }),
      runTask(h.acceptDeps(), { userId, taskId: task.id, language: 'en' }),
    ]);
    const refused = launches.filter((l) => l.status === 'rejected');
    assert.equal(refused.length, 1);
    assert.ok(refusedWith('TASK_RUN_ACTIVE')(refused[0]?.status === 'rejected' && refused[0].reason));
    const runs = await h.db.aiRequest.findMany({ where: { taskId: task.id } });
    assert.equal(runs.length, 1);
    assert.equal((await getWallet(h.db, userId)).tokens.held, 38_000n);
    await h.work(runs[0]?.id ?? 0n);
  });

  test('not enough tokens: refused before anything is written, the task stays as it was', async () => {
    const { userId, task } = await h.readyTask({ runs: 0 });
    await assert.rejects(
      runTask(h.acceptDeps(), { userId, taskId: task.id, language: 'en' }),
      refusedWith('INSUFFICIENT_FUNDS'),
    );
    assert.equal(await h.db.aiRequest.count({ where: { taskId: task.id } }), 0);
    assert.equal((await h.db.videoTask.findUniqueOrThrow({ where: { id: task.id } })).status, 'draft');
    assert.equal((await h.launchEvents(task.id)).length, 0);
  });

  test('an empty prompt and a material whose upload is gone are refused with their own codes', async () => {
    const { userId, task, uploads } = await h.readyTask();
    await editTask(h.db, { userId, taskId: task.id, prompt: '' });
    await assert.rejects(
      runTask(h.acceptDeps(), { userId, taskId: task.id, language: 'en' }),
      refusedWith('TASK_PROMPT_REQUIRED'),
    );
    await editTask(h.db, { userId, taskId: task.id, prompt: 'Back again' });
    await h.db.storedFile.update({ where: { id: uploads[1]?.id ?? '' }, data: { deletedAt: new Date() } });
    await assert.rejects(
      runTask(h.acceptDeps(), { userId, taskId: task.id, language: 'en' }),
      refusedWith('TASK_MATERIAL_MISSING'),
    );
    assert.equal(await h.db.aiRequest.count({ where: { taskId: task.id } }), 0);
  });
});
