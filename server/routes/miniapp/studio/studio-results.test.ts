import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Queue } from 'bullmq';
import sharp from 'sharp';
import { touchUser } from '#core/accounts/touch-user.ts';
import { AI_QUEUE, type TAiJob } from '#core/ai/generation/generation-job.ts';
import { generationRules } from '#core/ai/generation/generation-rules.ts';
import { MODEL_CATALOG } from '#core/ai/model-catalog.ts';
import { setModelEnabled } from '#core/ai/models/set-model-enabled.ts';
import { setModelPrice } from '#core/ai/models/set-model-price.ts';
import { syncModelCatalog } from '#core/ai/models/sync-model-catalog.ts';
import type { AiKind, Prisma } from '#core/db/generated/client.ts';
import type { TFileStore } from '#core/files/file-store.ts';
import { createLocalFileStore } from '#core/files/local-file-store.ts';
import { fileUrlKeyOf } from '#core/files/signed-url.ts';
import { startOpenAiStandIn, type TOpenAiStandIn } from '#sandbox/openai/openai-stand-in.ts';
import {
  type TGeneration,
  ZGallerySchema,
  ZGenerationSchema,
  ZStudioModelsSchema,
  ZUsageSchema,
} from '#server/contracts/studio.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';
import { creditUser, uploadSample } from '#tests/support/studio-fixtures.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { createTestWorkerContext } from '#tests/support/test-worker-context.ts';
import { aiJob } from '#workers/ai.ts';
import { startJob, type TRunningJob } from '#workers/runtime/start-job.ts';
import type { TBuiltWorkerContext } from '#workers/worker-context.ts';
import { generationOf } from './model-options.ts';

// Models, generation, gallery and usage of the studio through the real server (inject), the real `ai`
// worker and the OpenAI stand-in (GPT-4o mini, DALL·E 3, Whisper, TTS; nothing else is configured).

const KEY = 'sk-studio-results-test-aaaaaaaaaa';
let server: MiniAppTestServer;
let openai: TOpenAiStandIn;
let store: TFileStore;
let filesDir: string;
let aiQueue: Queue<TAiJob> | undefined;
let workerContext: TBuiltWorkerContext | undefined;
let worker: TRunningJob | undefined;

before(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'polygram-studio-routes-'));
  store = createLocalFileStore(filesDir);
  openai = await startOpenAiStandIn({ keys: [KEY] });
  const env = {
    FILES_DIR: filesDir,
    AI_PROVIDERS: JSON.stringify({
      openai: { type: 'openai', baseUrl: openai.apiBase, keys: [KEY], timeoutMs: 10_000 },
    }),
  };
  server = await startMiniAppTestServer(
    {},
    {
      env,
      deps: ({ config, redis }) => {
        aiQueue = new Queue<TAiJob>(AI_QUEUE, { connection: redis.redis, prefix: `${redis.prefix}:bull` });
        return { fileStore: store, fileUrlKey: fileUrlKeyOf(config.DATA_ENCRYPTION_KEY), aiQueue };
      },
    },
  );
  await syncModelCatalog(server.database.db);
  // Mini App requests have no chat: the worker must not talk to Telegram at all, and the test context's
  // Bot API address reaches nothing, so any attempt would fail the generation.
  workerContext = createTestWorkerContext({ database: server.database, redis: server.redis, env });
  worker = await startJob(aiJob, workerContext.context);
});
after(async () => {
  await worker?.close({ force: true });
  await workerContext?.close();
  await aiQueue?.close();
  await server?.close();
  await openai?.close();
  await rm(filesDir, { recursive: true, force: true });
});

type TUser = { id: bigint; language?: 'en' | 'ru' };
const db = () => server.database.db;

async function newUser(tokens = 0n, language: 'en' | 'ru' = 'en'): Promise<TUser> {
  const { user } = await touchUser(db(), { id: uniqueTelegramId(), firstName: 'Studio' });
  await db().user.update({ where: { id: user.id }, data: { language } });
  if (tokens > 0n) await creditUser(db(), user.id, tokens);
  return { id: user.id, language };
}

function call(user: TUser, method: 'GET' | 'POST', url: string, body?: unknown) {
  return server.app.inject({
    method,
    url,
    headers: server.auth({ id: user.id, language: user.language }),
    ...(body !== undefined && { payload: body as Record<string, unknown> }),
  });
}

async function settled(user: TUser, id: string): Promise<TGeneration> {
  for (let i = 0; i < 300; i++) {
    const view = ZGenerationSchema.parse((await call(user, 'GET', `/api/studio/generations/${id}`)).json());
    if (view.status !== 'queued' && view.status !== 'running') return view;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`generation ${id} did not finish`);
}

/** A delivered result as the worker leaves it: a stored file and a succeeded request pointing at it. */
async function seedResult(
  owner: bigint,
  opts: { kind?: AiKind; fileOwner?: bigint; status?: 'succeeded' | 'failed'; expired?: boolean } = {},
) {
  const file = await uploadSample({ db: db(), store }, opts.fileOwner ?? owner, 'image');
  if (opts.expired)
    await db().storedFile.update({
      where: { id: file.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
  return db().aiRequest.create({
    data: {
      userId: owner,
      kind: opts.kind ?? 'image',
      modelId: opts.kind === 'video' ? 'kling' : 'dall-e-3',
      source: 'bot',
      status: opts.status ?? 'succeeded',
      prompt: `seeded ${file.id}`,
      price: 8_000n,
      charged: opts.status === 'failed' ? 0n : 8_000n,
      resultFileId: file.id,
    },
  });
}

describe('models', () => {
  test('only switched-on models a provider serves, at live prices, with the balance and the options', async () => {
    const user = await newUser(12_345n);
    const admin = { id: (await newUser()).id, role: 'admin' as const };
    const list = async () =>
      ZStudioModelsSchema.parse((await call(user, 'GET', '/api/studio/models')).json());
    const before = await list();
    assert.deepEqual(
      before.models.map((m) => [m.id, m.kind, m.price]),
      [
        ['gpt-4o', 'text', '1000'],
        ['gpt-4o-mini', 'text', '250'],
        ['dall-e-3', 'image', '8000'],
        ['sora-2', 'video', '50000'],
        ['whisper', 'audio', '1000'],
        ['tts', 'audio', '2000'],
      ],
      'the stand-in serves the OpenAI models only; the gateway and prediction models are not configured',
    );
    assert.deepEqual([before.available, before.subscriber, before.unlimitedUntil], ['12345', false, null]);
    assert.deepEqual(before.quota, { tier: 'free', limit: 5, remaining: 5, retryAt: null, planLimit: 100 });
    const dalle = before.models.find((m) => m.id === 'dall-e-3');
    assert.deepEqual(dalle?.generation, {
      prompt: 'required',
      promptMax: 2_000,
      inputImage: false,
      options: [{ name: 'size', values: ['1024x1024', '1792x1024', '1024x1792'], default: '1024x1024' }],
    });
    assert.deepEqual(
      before.models
        .find((m) => m.id === 'sora-2')
        ?.generation?.options.map((o) => [o.name, o.values, o.default]),
      [
        ['seconds', [4, 8, 12], 4],
        ['aspect', ['16:9', '9:16'], '16:9'],
      ],
    );
    assert.equal(before.models.find((m) => m.id === 'whisper')?.generation, null, 'transcripts are chat');

    await setModelEnabled(db(), { staff: admin, modelId: 'dall-e-3', enabled: false });
    await setModelPrice(db(), { staff: admin, modelId: 'gpt-4o', tokenPrice: 1_100n });
    const after = await list();
    assert.equal(
      after.models.some((m) => m.id === 'dall-e-3'),
      false,
      'switched off in the admin bot',
    );
    assert.equal(after.models.find((m) => m.id === 'gpt-4o')?.price, '1100');
    await setModelEnabled(db(), { staff: admin, modelId: 'dall-e-3', enabled: true });
    await setModelPrice(db(), { staff: admin, modelId: 'gpt-4o', tokenPrice: 1_000n });
  });

  test('every option of every generating model has its choices, and each choice is accepted', () => {
    for (const model of MODEL_CATALOG) {
      const rules = generationRules(model.id);
      const generation = generationOf(model.id);
      if (!rules) {
        assert.equal(generation, null, model.id);
        continue;
      }
      assert.ok(generation, model.id);
      // An option the rules gained without a list of choices here would silently vanish from the page.
      assert.deepEqual(
        generation.options.map((o) => o.name),
        Object.keys(rules.params.parse({})),
        model.id,
      );
      for (const option of generation.options)
        for (const value of option.values)
          assert.ok(
            rules.params.safeParse({ [option.name]: value }).success,
            `${model.id} ${option.name}=${value}`,
          );
    }
  });
});

describe('generation from the Mini App', () => {
  test('accepted with the price held, polled to the result, charged once, nothing sent to the bot chat', async () => {
    const user = await newUser(20_000n);
    const models = ZStudioModelsSchema.parse((await call(user, 'GET', '/api/studio/models')).json());
    const dalle = models.models.find((m) => m.id === 'dall-e-3');
    const response = await call(user, 'POST', '/api/studio/generations', {
      modelId: 'dall-e-3',
      prompt: 'A lighthouse at dusk, oil painting',
      params: { size: '1792x1024' },
      expectedPrice: dalle?.price,
    });
    assert.equal(response.statusCode, 202, response.body);
    const accepted = ZGenerationSchema.parse(response.json());
    assert.deepEqual(
      [accepted.status, accepted.price, accepted.charged, accepted.result],
      ['queued', '8000', '0', null],
    );
    const row = await db().aiRequest.findUniqueOrThrow({ where: { id: BigInt(accepted.id) } });
    assert.deepEqual([row.source, row.chatId, row.statusMessageId], ['miniapp', null, null]);

    const done = await settled(user, accepted.id);
    assert.deepEqual(
      [done.status, done.progress, done.charged, done.failureMessage],
      ['succeeded', 100, '8000', null],
    );
    assert.ok(done.result, 'the picture');
    assert.equal(done.result.kind, 'image');
    const image = await server.app.inject({ method: 'GET', url: done.result.url });
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/jpeg');
    const meta = await sharp(image.rawPayload).metadata();
    assert.deepEqual([meta.width, meta.height], [1792, 1024]);
    const download = await server.app.inject({ method: 'GET', url: done.result.downloadUrl });
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="dall-e-3/);
    const wallet = await db().ledgerAccount.findUniqueOrThrow({
      where: { userId_asset: { userId: user.id, asset: 'TOKEN' } },
    });
    assert.deepEqual([wallet.balance, wallet.held], [12_000n, 0n]);

    // The gallery lists it at once.
    const gallery = ZGallerySchema.parse((await call(user, 'GET', '/api/studio/gallery')).json());
    assert.deepEqual(
      gallery.items.map((i) => [i.id, i.kind, i.modelName, i.file.id]),
      [[accepted.id, 'image', 'DALL·E 3', done.result.id]],
    );
  });

  test('refusals: a changed price, no tokens, a switched-off model, the hourly limit with its time', async () => {
    const user = await newUser(100_000n);
    const changed = await call(user, 'POST', '/api/studio/generations', {
      modelId: 'dall-e-3',
      prompt: 'cat',
      expectedPrice: '7000',
    });
    assert.equal(changed.statusCode, 409);
    assert.equal(changed.json().error.code, 'PRICE_CHANGED');
    assert.match(changed.json().error.message, /changed to 8,000 tokens/);

    const poor = await newUser(10n);
    const funds = await call(poor, 'POST', '/api/studio/generations', { modelId: 'dall-e-3', prompt: 'cat' });
    assert.equal(funds.statusCode, 402);
    const unserved = await call(user, 'POST', '/api/studio/generations', { modelId: 'kling', prompt: 'cat' });
    assert.equal(unserved.json().error.code, 'MODEL_UNAVAILABLE');

    // A free user has 5 generations an hour: the sixth is refused with when to come back.
    const started: string[] = [];
    for (let i = 0; i < 5; i++) {
      const ok = await call(user, 'POST', '/api/studio/generations', {
        modelId: 'dall-e-3',
        prompt: `cat ${i}`,
      });
      assert.equal(ok.statusCode, 202, ok.body);
      started.push(ZGenerationSchema.parse(ok.json()).id);
    }
    const limited = await call(user, 'POST', '/api/studio/generations', {
      modelId: 'dall-e-3',
      prompt: 'cat 6',
    });
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().error.code, 'GENERATION_LIMITED');
    assert.match(
      limited.json().error.message,
      /all 5 generations for this hour on the free tier.*in \d+ min \(at (?:[^()]+, )?\d\d:\d\d UTC\)\. A plan raises the limit to 100 an hour\.$/,
    );
    assert.ok(Number(limited.headers['retry-after']) > 0);
    // The page knows before anything is picked: none left, and when the next one fits.
    const spent = ZStudioModelsSchema.parse((await call(user, 'GET', '/api/studio/models')).json()).quota;
    const first = await db().aiRequest.findFirstOrThrow({
      where: { userId: user.id },
      orderBy: { id: 'asc' },
    });
    assert.deepEqual(spent, {
      tier: 'free',
      limit: 5,
      remaining: 0,
      retryAt: new Date(first.createdAt.getTime() + 3_600_000).toISOString(),
      planLimit: 100,
    });
    // Once the Mini App has reported the device's zone, the time is in it.
    await db().user.update({ where: { id: user.id }, data: { timeZone: 'Asia/Yekaterinburg' } });
    const local = await call(user, 'POST', '/api/studio/generations', {
      modelId: 'dall-e-3',
      prompt: 'cat 7',
    });
    assert.match(local.json().error.message, /in \d+ min \(at (?:[^()]+, )?\d\d:\d\d \(GMT\+5\)\)/);
    for (const id of started) assert.equal((await settled(user, id)).status, 'succeeded');
  });

  test("someone else's generation, a chat request and a malformed id are 404", async () => {
    const owner = await newUser();
    const other = await newUser();
    const image = await seedResult(owner.id);
    const chat = await db().aiRequest.create({
      data: {
        userId: owner.id,
        kind: 'text',
        modelId: 'gpt-4o-mini',
        source: 'miniapp',
        price: 250n,
        status: 'succeeded',
      },
    });
    for (const [user, id] of [
      [other, image.id.toString()],
      [owner, chat.id.toString()],
      [owner, 'abc'],
    ] as const) {
      const response = await call(user, 'GET', `/api/studio/generations/${id}`);
      assert.equal(response.statusCode, 404, `${id}: ${response.body}`);
    }
    assert.equal((await call(owner, 'GET', `/api/studio/generations/${image.id}`)).statusCode, 200);
  });

  test('a provider failure: failed with a localized reason that says nothing was charged', async () => {
    const user = await newUser(10_000n, 'ru');
    openai.control.failNext({ status: 400, path: '/v1/images' });
    const response = await call(user, 'POST', '/api/studio/generations', {
      modelId: 'dall-e-3',
      prompt: 'a storm',
    });
    const done = await settled(user, ZGenerationSchema.parse(response.json()).id);
    assert.deepEqual([done.status, done.charged, done.result], ['failed', '0', null]);
    assert.match(done.failureMessage ?? '', /не списаны/i);
    const wallet = await db().ledgerAccount.findUniqueOrThrow({
      where: { userId_asset: { userId: user.id, asset: 'TOKEN' } },
    });
    assert.deepEqual([wallet.balance, wallet.held], [10_000n, 0n]);
  });
});

describe('gallery', () => {
  test("only the user's own delivered, still stored results, newest first, filtered, paged, with signed URLs", async () => {
    const user = await newUser();
    const other = await newUser();
    const first = await seedResult(user.id);
    const video = await seedResult(user.id, { kind: 'video' });
    const third = await seedResult(user.id);
    await seedResult(user.id, { status: 'failed' });
    await seedResult(user.id, { expired: true });
    // A row of the user's pointing at another user's file (never written by the worker, which copies
    // cache hits): the file is not theirs to see.
    await seedResult(user.id, { fileOwner: other.id });
    const foreign = await seedResult(other.id);

    const all = ZGallerySchema.parse((await call(user, 'GET', '/api/studio/gallery')).json());
    assert.deepEqual(
      all.items.map((i) => i.id),
      [third.id, video.id, first.id].map(String),
    );
    assert.equal(all.nextBefore, null);
    const images = ZGallerySchema.parse((await call(user, 'GET', '/api/studio/gallery?kind=image')).json());
    assert.deepEqual(
      images.items.map((i) => i.id),
      [third.id, first.id].map(String),
    );
    const page1 = ZGallerySchema.parse((await call(user, 'GET', '/api/studio/gallery?limit=2')).json());
    assert.equal(page1.items.length, 2);
    assert.equal(page1.nextBefore, video.id.toString());
    const page2 = ZGallerySchema.parse(
      (await call(user, 'GET', `/api/studio/gallery?limit=2&before=${page1.nextBefore}`)).json(),
    );
    assert.deepEqual(
      page2.items.map((i) => i.id),
      [first.id.toString()],
    );
    assert.equal(page2.nextBefore, null);

    const item = all.items[0];
    assert.ok(item);
    const shown = await server.app.inject({ method: 'GET', url: item.file.url });
    assert.equal(shown.statusCode, 200);
    assert.match(String(shown.headers['content-disposition']), /^inline/);
    const stored = await db().storedFile.findUniqueOrThrow({ where: { id: item.file.id } });
    assert.equal(shown.rawPayload.length, Number(stored.size));
    const saved = await server.app.inject({ method: 'GET', url: item.file.downloadUrl });
    assert.equal(saved.statusCode, 200);
    assert.match(String(saved.headers['content-disposition']), /^attachment/);
    // A URL is only good for what it was signed for.
    const forged = item.file.url.replace(item.file.id, foreign.resultFileId ?? '');
    assert.equal((await server.app.inject({ method: 'GET', url: forged })).statusCode, 403);
    assert.equal((await call(user, 'GET', '/api/studio/gallery?kind=text')).statusCode, 400);
  });
});

describe('usage', () => {
  test('tokens and requests by UTC day and by model match the seeded requests; others are not counted', async () => {
    const user = await newUser();
    const other = await newUser();
    const now = new Date();
    const day = (back: number, hours: number) => {
      const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
      return new Date(midnight - back * 86_400_000 + hours * 3_600_000);
    };
    const seed = (rows: Partial<Prisma.AiRequestUncheckedCreateInput>[]) =>
      db().aiRequest.createMany({
        data: rows.map((r) => ({
          userId: user.id,
          kind: 'text' as const,
          modelId: 'gpt-4o-mini',
          source: 'miniapp' as const,
          status: 'succeeded' as const,
          price: r.charged ?? 0n,
          ...r,
        })),
      });
    await seed([
      // Today: two chats and an image.
      { charged: 250n, createdAt: day(0, 0) },
      { charged: 250n, createdAt: day(0, 0.01) },
      { kind: 'image', modelId: 'dall-e-3', charged: 8_000n, createdAt: day(0, 0.02) },
      // Yesterday at 23:59 UTC and the day before at 00:00 UTC: each on its own UTC day.
      { modelId: 'gpt-4o', charged: 1_000n, createdAt: day(1, 23.99) },
      { modelId: 'gpt-4o', charged: 1_000n, createdAt: day(2, 0) },
      // A subscriber's free reply: a request, no tokens.
      { charged: 0n, createdAt: day(2, 12) },
      // Not counted: failed, too old for 30 days, another user's.
      { status: 'failed', charged: 0n, price: 250n, createdAt: day(0, 0.03) },
      { charged: 250n, createdAt: day(30, 12) },
      { userId: other.id, charged: 99_999n, createdAt: day(0, 0.04) },
    ]);
    const usage = ZUsageSchema.parse((await call(user, 'GET', '/api/studio/usage?days=30')).json());
    assert.equal(usage.days.length, 30);
    assert.equal(usage.days.at(-1)?.day, day(0, 0).toISOString().slice(0, 10));
    assert.equal(usage.days[0]?.day, day(29, 0).toISOString().slice(0, 10));
    const byDay = Object.fromEntries(
      usage.days.filter((d) => d.requests > 0).map((d) => [d.day, [d.tokens, d.requests]]),
    );
    assert.deepEqual(byDay, {
      [day(2, 0).toISOString().slice(0, 10)]: ['1000', 2],
      [day(1, 0).toISOString().slice(0, 10)]: ['1000', 1],
      [day(0, 0).toISOString().slice(0, 10)]: ['8500', 3],
    });
    assert.deepEqual(
      usage.models.map((m) => [m.modelId, m.name, m.kind, m.tokens, m.requests]),
      [
        ['dall-e-3', 'DALL·E 3', 'image', '8000', 1],
        ['gpt-4o', 'GPT-4o', 'text', '2000', 2],
        ['gpt-4o-mini', 'GPT-4o mini', 'text', '500', 3],
      ],
    );
    assert.deepEqual(usage.total, { tokens: '10500', requests: 6 });
    const today = ZUsageSchema.parse((await call(user, 'GET', '/api/studio/usage?days=1')).json());
    assert.deepEqual(today.total, { tokens: '8500', requests: 3 });
    assert.equal((await call(user, 'GET', '/api/studio/usage?days=91')).statusCode, 400);
  });
});
