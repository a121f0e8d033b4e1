import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { AI_QUEUE, type TAiJob } from '#core/ai/generation/generation-job.ts';
import { runGeneration } from '#core/ai/generation/run-generation.ts';
import { createAiGateway } from '#core/ai/providers/create-ai-gateway.ts';
import { aiConfigOf } from '#core/ai/providers/provider-config.ts';
import type { TFileStore } from '#core/files/file-store.ts';
import { createLocalFileStore } from '#core/files/local-file-store.ts';
import { fileUrlKeyOf } from '#core/files/signed-url.ts';
import { createLogger } from '#core/logging/logger.ts';
import { TASK_TITLE_MAX as CORE_TITLE_MAX, MATERIAL_LIMITS } from '#core/video-tasks/task-rules.ts';
import { startPredictionStandIn, type TPredictionStandIn } from '#sandbox/predictions/prediction-stand-in.ts';
import { ZStoredFileViewSchema } from '#server/contracts/files.ts';
import {
  TASK_TITLE_MAX,
  ZStartedRunSchema,
  ZTaskDetailsSchema,
  ZTaskListSchema,
  ZTaskModelsSchema,
  ZTaskQuoteSchema,
} from '#server/contracts/tasks.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';
import { silentDelivery } from '#tests/support/silent-delivery.ts';
import { creditUser, sampleBytes } from '#tests/support/studio-fixtures.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';

const TOKEN = 'r8_route_test_token';
let server: MiniAppTestServer;
let predictions: TPredictionStandIn;
let store: TFileStore;
let filesDir: string;
let aiQueue: Queue<TAiJob> | undefined;

before(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'polygram-task-routes-'));
  store = createLocalFileStore(filesDir);
  predictions = await startPredictionStandIn({
    tokens: [TOKEN],
    models: { 'kwaivgi/kling-v2.1': { kind: 'video', delayMs: 200 } },
  });
  server = await startMiniAppTestServer(
    {},
    {
      env: {
        FILES_DIR: filesDir,
        AI_PROVIDERS: JSON.stringify({
          replicate: { type: 'prediction', baseUrl: `${predictions.url}/v1`, keys: [TOKEN] },
        }),
      },
      deps: ({ config, redis }) => {
        aiQueue = new Queue<TAiJob>(AI_QUEUE, { connection: redis.redis, prefix: `${redis.prefix}:bull` });
        return { fileStore: store, fileUrlKey: fileUrlKeyOf(config.DATA_ENCRYPTION_KEY), aiQueue };
      },
    },
  );
});
after(async () => {
  await aiQueue?.close();
  await server?.close();
  await predictions?.close();
  await rm(filesDir, { recursive: true, force: true });
});

type TUser = { id: bigint; language?: 'en' | 'ru' };
const newUser = (language: 'en' | 'ru' = 'en'): TUser => ({ id: uniqueTelegramId(), language });

async function call(
  user: TUser | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
) {
  return server.app.inject({
    method,
    url,
    headers: user ? server.auth({ id: user.id, language: user.language }) : {},
    ...(body !== undefined && { payload: body as Record<string, unknown> }),
  });
}

async function upload(user: TUser, kind: 'video' | 'audio' | 'image' | 'document') {
  const mime = { video: 'video/mp4', audio: 'audio/wav', image: 'image/png', document: 'text/plain' }[kind];
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...server.auth({ id: user.id }), 'content-type': mime, 'x-file-name': `clip.${kind}` },
    payload: sampleBytes[kind](),
  });
  assert.equal(response.statusCode, 201, response.body);
  return ZStoredFileViewSchema.parse(response.json());
}

async function newTask(user: TUser, prompt = `Rain on a window, ${Math.random()}`) {
  const response = await call(user, 'POST', '/api/tasks', { title: 'Rain', modelId: 'kling', prompt });
  assert.equal(response.statusCode, 201, response.body);
  return ZTaskDetailsSchema.parse(response.json());
}

/** The `ai` worker's part of a run, through the real engine and the prediction stand-in. */
async function completeRun(runId: string) {
  const ai = createAiGateway({
    config: aiConfigOf(server.config),
    redis: server.redis.redis,
    redisPrefix: server.redis.prefix,
  });
  const deps = {
    db: server.database.db,
    ai,
    store,
    logger: createLogger({ level: 'silent', name: 'test' }),
    delivery: silentDelivery,
  };
  for (let i = 0; i < 20; i++) {
    const outcome = await runGeneration(deps, BigInt(runId));
    if (outcome.kind === 'done') return;
    await sleep(300);
  }
}

const expectError = (response: { statusCode: number; json(): unknown }, status: number, code: string) => {
  assert.equal(response.statusCode, status);
  const body = response.json() as { error: { code: string; message: string } };
  assert.equal(body.error.code, code);
  return body.error.message;
};

describe('task routes', () => {
  test('the form’s limits match the server’s', () => {
    assert.equal(TASK_TITLE_MAX, CORE_TITLE_MAX);
  });

  test('models: the video models served here, with their live price and options', async () => {
    const response = await call(newUser(), 'GET', '/api/tasks/models');
    assert.equal(response.statusCode, 200);
    const { models } = ZTaskModelsSchema.parse(response.json());
    // Only the prediction provider is configured: Sora (OpenAI) is not offered.
    assert.deepEqual(
      models.map((m) => m.id),
      ['veo-3.1', 'midjourney-video', 'hailuo', 'luma', 'kling'],
    );
    assert.deepEqual(
      models.find((m) => m.id === 'kling'),
      {
        id: 'kling',
        name: 'Kling',
        price: '38000',
        seconds: [5, 10],
        aspects: ['16:9', '9:16'],
      },
    );
  });

  test('create → upload → attach → quote → run → done → download → regenerate', async () => {
    const user = newUser();
    const created = await newTask(user, 'Rain on a window at night');
    assert.deepEqual(
      [created.task.status, created.task.modelName, created.task.params, created.materials, created.runs],
      ['draft', 'Kling', { seconds: 5, aspect: '16:9' }, [], []],
    );
    assert.deepEqual(created.limits, MATERIAL_LIMITS);
    const taskUrl = `/api/tasks/${created.task.id}`;

    const video = await upload(user, 'video');
    const attached = await call(user, 'POST', `${taskUrl}/materials`, { fileId: video.id });
    assert.equal(attached.statusCode, 201, attached.body);
    const withVideo = ZTaskDetailsSchema.parse(attached.json());
    const material = withVideo.materials[0];
    assert.equal(material?.kind, 'video');
    const shown = await server.app.inject({ url: material?.file?.url ?? '' });
    assert.equal(shown.statusCode, 200);
    assert.equal(shown.headers['content-type'], 'video/mp4');
    assert.deepEqual(shown.rawPayload, sampleBytes.video());

    const second = await upload(user, 'video');
    const refused = await call(user, 'POST', `${taskUrl}/materials`, { fileId: second.id });
    assert.equal(
      expectError(refused, 409, 'TASK_MATERIAL_LIMIT'),
      'This task already has its video. Replace it or remove it first.',
    );

    const poor = ZTaskQuoteSchema.parse((await call(user, 'GET', `${taskUrl}/quote`)).json());
    assert.deepEqual(poor, {
      modelId: 'kling',
      price: '38000',
      available: '0',
      enough: false,
      runnable: true,
    });
    const broke = await call(user, 'POST', `${taskUrl}/runs`, { expectedPrice: '38000' });
    assert.equal(
      expectError(broke, 402, 'INSUFFICIENT_FUNDS'),
      'Not enough tokens for this. Top up your balance and try again.',
    );

    await creditUser(server.database.db, user.id, 76_000n);
    const quote = ZTaskQuoteSchema.parse((await call(user, 'GET', `${taskUrl}/quote`)).json());
    assert.deepEqual([quote.available, quote.enough], ['76000', true]);
    const stale = await call(user, 'POST', `${taskUrl}/runs`, { expectedPrice: '30000' });
    expectError(stale, 409, 'TASK_PRICE_CHANGED');

    const started = await call(user, 'POST', `${taskUrl}/runs`, { expectedPrice: quote.price });
    assert.equal(started.statusCode, 201, started.body);
    const { run, regenerate } = ZStartedRunSchema.parse(started.json());
    assert.deepEqual([run.status, run.price, regenerate], ['queued', '38000', false]);
    const running = ZTaskDetailsSchema.parse((await call(user, 'GET', taskUrl)).json());
    assert.equal(running.task.status, 'running');
    assert.equal(running.runs[0]?.id, run.id);
    expectError(await call(user, 'POST', `${taskUrl}/runs`, {}), 409, 'TASK_RUN_ACTIVE');
    expectError(await call(user, 'DELETE', taskUrl), 409, 'TASK_RUN_ACTIVE');

    await completeRun(run.id);
    const done = ZTaskDetailsSchema.parse((await call(user, 'GET', taskUrl)).json());
    assert.equal(done.task.status, 'succeeded');
    const result = done.runs[0]?.result;
    assert.ok(result, 'the finished run links its video');
    assert.deepEqual(
      [done.runs[0]?.charged, done.runs[0]?.progress, result.mimeType],
      ['38000', 100, 'video/mp4'],
    );
    const download = await server.app.inject({ url: result.downloadUrl });
    assert.equal(download.statusCode, 200);
    assert.match(String(download.headers['content-disposition']), /^attachment/);
    assert.ok(download.rawPayload.length > 1000);

    const again = await call(user, 'POST', `${taskUrl}/runs`, { expectedPrice: '38000' });
    assert.equal(again.statusCode, 201, again.body);
    assert.equal(ZStartedRunSchema.parse(again.json()).regenerate, true);
    const list = ZTaskListSchema.parse((await call(user, 'GET', '/api/tasks')).json());
    assert.deepEqual(
      list.tasks.map((t) => [t.id, t.status, t.materialCount, t.lastRun?.status]),
      [[created.task.id, 'running', 1, 'queued']],
    );
  });

  test('edit, replace and remove through the API; bad bodies are 400', async () => {
    const user = newUser();
    const created = await newTask(user);
    const taskUrl = `/api/tasks/${created.task.id}`;
    const edited = await call(user, 'PATCH', taskUrl, {
      title: 'Storm',
      params: { seconds: 10, aspect: '9:16' },
    });
    assert.equal(edited.statusCode, 200, edited.body);
    const task = ZTaskDetailsSchema.parse(edited.json()).task;
    assert.deepEqual([task.title, task.params], ['Storm', { seconds: 10, aspect: '9:16' }]);
    expectError(await call(user, 'PATCH', taskUrl, { params: { seconds: 7 } }), 400, 'INVALID_INPUT');
    expectError(await call(user, 'PATCH', taskUrl, { title: 42 }), 400, 'INVALID_INPUT');
    expectError(await call(user, 'POST', '/api/tasks', { title: 'x' }), 400, 'INVALID_INPUT');
    expectError(
      await call(user, 'POST', '/api/tasks', { title: 'x', modelId: 'dall-e-3' }),
      400,
      'INVALID_INPUT',
    );
    expectError(await call(user, 'POST', `${taskUrl}/materials`, { fileId: 'short' }), 400, 'INVALID_INPUT');

    const audio = await upload(user, 'audio');
    const withAudio = ZTaskDetailsSchema.parse(
      (await call(user, 'POST', `${taskUrl}/materials`, { fileId: audio.id, kind: 'audio' })).json(),
    );
    const materialUrl = `${taskUrl}/materials/${withAudio.materials[0]?.id}`;
    const other = await upload(user, 'audio');
    const replaced = ZTaskDetailsSchema.parse(
      (await call(user, 'PUT', materialUrl, { fileId: other.id })).json(),
    );
    assert.equal(replaced.materials[0]?.file?.id, other.id);
    const doc = await upload(user, 'document');
    expectError(
      await call(user, 'POST', `${taskUrl}/materials`, { fileId: doc.id }),
      415,
      'FILE_TYPE_NOT_ALLOWED',
    );
    const removed = ZTaskDetailsSchema.parse((await call(user, 'DELETE', materialUrl)).json());
    assert.deepEqual(removed.materials, []);
    expectError(await call(user, 'DELETE', materialUrl), 404, 'NOT_FOUND');
    const prompted = await call(user, 'PATCH', taskUrl, { prompt: '' });
    assert.equal(prompted.statusCode, 200);
    await creditUser(server.database.db, user.id, 38_000n);
    expectError(await call(user, 'POST', `${taskUrl}/runs`, {}), 400, 'TASK_PROMPT_REQUIRED');

    const deleted = await call(user, 'DELETE', taskUrl);
    assert.equal(deleted.statusCode, 204);
    expectError(await call(user, 'GET', taskUrl), 404, 'NOT_FOUND');
    assert.deepEqual(ZTaskListSchema.parse((await call(user, 'GET', '/api/tasks')).json()).tasks, []);
  });

  test('someone else’s task is 404 everywhere, a malformed id too, and no initData is 401', async () => {
    const owner = newUser();
    const stranger = newUser('ru');
    const created = await newTask(owner);
    const video = await upload(owner, 'video');
    const withVideo = ZTaskDetailsSchema.parse(
      (await call(owner, 'POST', `/api/tasks/${created.task.id}/materials`, { fileId: video.id })).json(),
    );
    const taskUrl = `/api/tasks/${created.task.id}`;
    const materialUrl = `${taskUrl}/materials/${withVideo.materials[0]?.id}`;
    const strangerFile = await upload(stranger, 'video');
    // The saved language decides (a Mini App launch creates the account in English until signup says otherwise).
    await server.database.db.user.update({ where: { id: stranger.id }, data: { language: 'ru' } });
    const attempts: ['GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', string, unknown?][] = [
      ['GET', taskUrl],
      ['PATCH', taskUrl, { title: 'Mine' }],
      ['DELETE', taskUrl],
      ['POST', `${taskUrl}/materials`, { fileId: strangerFile.id }],
      ['PUT', materialUrl, { fileId: strangerFile.id }],
      ['DELETE', materialUrl],
      ['GET', `${taskUrl}/quote`],
      ['POST', `${taskUrl}/runs`, {}],
    ];
    for (const [method, url, body] of attempts) {
      const response = await call(stranger, method, url, body);
      assert.equal(expectError(response, 404, 'NOT_FOUND'), 'Не найдено.', `${method} ${url}`);
    }
    // The owner may not attach the stranger's upload either.
    expectError(
      await call(owner, 'POST', `${taskUrl}/materials`, { fileId: strangerFile.id }),
      404,
      'NOT_FOUND',
    );
    expectError(await call(owner, 'GET', '/api/tasks/abc'), 404, 'NOT_FOUND');
    expectError(await call(null, 'GET', '/api/tasks'), 401, 'UNAUTHORIZED');
    const intact = ZTaskDetailsSchema.parse((await call(owner, 'GET', taskUrl)).json());
    assert.deepEqual([intact.task.title, intact.materials.length], ['Rain', 1]);
  });
});
