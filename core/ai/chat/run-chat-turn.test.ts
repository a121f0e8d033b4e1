import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { createDialog } from '#core/ai/dialogs/create-dialog.ts';
import { setDialogModel } from '#core/ai/dialogs/set-dialog-model.ts';
import { toggleHistory } from '#core/ai/dialogs/toggle-history.ts';
import { syncModelCatalog } from '#core/ai/models/sync-model-catalog.ts';
import type { TAiGateway } from '#core/ai/providers/ai-gateway.ts';
import { createAiGateway } from '#core/ai/providers/create-ai-gateway.ts';
import { aiConfigOf } from '#core/ai/providers/provider-config.ts';
import { ProviderError } from '#core/ai/providers/provider-error.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import { getWallet } from '#core/ledger/wallet.ts';
import { startOpenAiStandIn, type TOpenAiStandIn } from '#sandbox/openai/openai-stand-in.ts';
import { spokenTextMarker } from '#sandbox/openai/spoken-text-marker.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { createTestRedis, type TestRedis } from '#tests/support/test-redis.ts';
import { isContentRefusal } from './instant-request.ts';
import { runChatTurn, type TChatDeps, type TChatTurn } from './run-chat-turn.ts';
import { speakDialogMessage } from './speak-message.ts';
import { transcribeVoice } from './transcribe-voice.ts';

const KEY = 'sk-chat-test-aaaaaaaaaaaaaaaa';
let t: TestDatabase;
let redis: TestRedis;
let standIn: TOpenAiStandIn;
let ai: TAiGateway;

before(async () => {
  t = await createTestDatabase();
  redis = await createTestRedis();
  standIn = await startOpenAiStandIn({ keys: [KEY], stream: { chunkChars: 8 } });
  ai = createAiGateway({
    config: aiConfigOf({
      AI_PROVIDERS: { openai: { type: 'openai', baseUrl: standIn.apiBase, keys: [KEY], timeoutMs: 10_000 } },
      AI_ROUTES: {},
    }),
    redis: redis.redis,
    redisPrefix: redis.prefix,
  });
  await syncModelCatalog(t.db);
});
after(async () => {
  await standIn.close();
  await redis.cleanup();
  await t.drop();
});
beforeEach(() => {
  standIn.control.setStreamDelay(0);
});

let seq = 0;
async function newUser(tokens = 0n) {
  const { user } = await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Chat' });
  if (tokens > 0n) {
    await t.db.$transaction(
      (tx) =>
        creditTokens(tx, {
          key: `chat-test:${user.id}:${seq++}`,
          userId: user.id,
          amount: tokens,
          source: 'purchase',
          expiresAt: null,
          type: 'topup',
          actor: { type: 'system' },
          reason: 'test',
        }),
      LEDGER_TX_OPTIONS,
    );
  }
  return user.id;
}

async function entitle(userId: bigint, kind: 'ai_subscription' | 'ai_unlimited') {
  const now = Date.now();
  await t.db.entitlement.create({
    data: {
      userId,
      kind,
      productId: kind === 'ai_subscription' ? 'ai-sub-7d' : 'ai-unlimited-1d',
      tier: kind === 'ai_subscription' ? 'basic' : null,
      startsAt: new Date(now - 60_000),
      endsAt: new Date(now + 24 * 3600_000),
    },
  });
}

const turn = (userId: bigint, text: string, extra: Partial<TChatTurn> = {}) =>
  runChatTurn({ db: t.db, ai }, { userId, text, source: 'bot', language: 'en', ...extra });
const tokens = async (userId: bigint) => (await getWallet(t.db, userId)).tokens;
const chatRequests = () => standIn.control.requests().filter((r) => r.path === '/v1/chat/completions');

describe('what the model receives', () => {
  test('history on: the earlier exchange and the system prompt; off: the prompt and the new message only', async () => {
    const userId = await newUser(10_000n);
    const dialog = await createDialog(t.db, { userId, systemPrompt: 'Answer like a pirate.' });
    const first = await turn(userId, 'first question');
    assert.match(
      first.reply,
      /^Echo \(gpt-4o-mini\): first question\nReceived 2 messages \(system: 1, user: 1, assistant: 0/,
    );
    const second = await turn(userId, 'second question');
    assert.match(second.reply, /Received 4 messages \(system: 1, user: 2, assistant: 1/);
    assert.match(second.reply, /System prompt: Answer like a pirate\./);
    assert.deepEqual(
      chatRequests()
        .at(-1)
        ?.messages?.map((m) => [m.role, m.text.split('\n')[0]]),
      [
        ['system', 'Answer like a pirate.'],
        ['user', 'first question'],
        ['assistant', 'Echo (gpt-4o-mini): first question'],
        ['user', 'second question'],
      ],
    );

    await toggleHistory(t.db, { userId, dialogId: dialog.id, enabled: false });
    const third = await turn(userId, 'third question');
    assert.match(third.reply, /Received 2 messages \(system: 1, user: 1, assistant: 0/);
    assert.deepEqual(
      chatRequests()
        .at(-1)
        ?.messages?.map((m) => m.role),
      ['system', 'user'],
    );
    // Messages are stored with history off too: turning it back on brings them into the context.
    await toggleHistory(t.db, { userId, dialogId: dialog.id, enabled: true });
    const fourth = await turn(userId, 'fourth');
    assert.match(fourth.reply, /Received 8 messages \(system: 1, user: 4, assistant: 3/);
  });
});

describe('charging', () => {
  test('a reply is charged at the live price: hold captured, request and messages recorded', async () => {
    const userId = await newUser(1_000n);
    // An admin re-priced the model: the live price is what is charged, not the catalog's 250.
    await t.db.aiModel.update({ where: { id: 'gpt-4o-mini' }, data: { tokenPrice: 300n } });
    try {
      const seen: string[] = [];
      const result = await turn(userId, 'price check', { onText: (text) => seen.push(text) });
      assert.equal(result.charged, 300n);
      assert.equal(result.mode, 'balance');
      assert.deepEqual(await tokens(userId), { balance: 700n, held: 0n, available: 700n });
      assert.ok(seen.length > 3, 'the reply arrived in pieces');
      assert.ok(seen.every((s, i) => i === 0 || s.startsWith(seen[i - 1] ?? '')));
      assert.equal(seen.at(-1), result.reply);

      const request = await t.db.aiRequest.findUniqueOrThrow({ where: { id: result.requestId } });
      assert.equal(request.status, 'succeeded');
      assert.equal(request.kind, 'text');
      assert.equal(request.modelId, 'gpt-4o-mini');
      assert.equal(request.price, 300n);
      assert.equal(request.charged, 300n);
      assert.ok(request.startedAt && request.finishedAt && request.finishedAt >= request.startedAt);
      const hold = await t.db.hold.findUniqueOrThrow({ where: { key: request.holdKey ?? '' } });
      assert.equal(hold.status, 'captured');

      const messages = await t.db.dialogMessage.findMany({
        where: { dialogId: result.dialog.id },
        orderBy: { id: 'asc' },
      });
      assert.deepEqual(
        messages.map((m) => [m.role, m.tokensUsed]),
        [
          ['user', 0n],
          ['assistant', 300n],
        ],
      );
      assert.equal(messages[1]?.content, result.reply);
      assert.ok((messages[1]?.modelTokens ?? 0) > 0, 'provider usage kept');
      const dialog = await t.db.dialog.findUniqueOrThrow({ where: { id: result.dialog.id } });
      assert.equal(dialog.title, 'price check', 'an untitled dialog is named after its first message');
    } finally {
      await t.db.aiModel.update({ where: { id: 'gpt-4o-mini' }, data: { tokenPrice: 250n } });
    }
  });

  test('a provider failure costs nothing: the hold is released, the request says why, no messages', async () => {
    const userId = await newUser(1_000n);
    standIn.control.failNext({ status: 500, path: '/v1/chat/completions' });
    const refused = await turn(userId, 'will fail').then(
      () => assert.fail('should fail'),
      (error: unknown) => error,
    );
    assert.ok(isAppError(refused, 'PROVIDER_ERROR'), String(refused));
    assert.deepEqual(await tokens(userId), { balance: 1_000n, held: 0n, available: 1_000n });
    const request = await t.db.aiRequest.findFirstOrThrow({ where: { userId }, orderBy: { id: 'desc' } });
    assert.equal(request.status, 'failed');
    assert.equal(request.errorCode, 'provider_unavailable');
    assert.equal(request.charged, 0n);
    assert.equal(
      (await t.db.hold.findUniqueOrThrow({ where: { key: request.holdKey ?? '' } })).status,
      'released',
    );
    assert.equal(await t.db.dialogMessage.count({ where: { dialog: { userId } } }), 0);

    // Cut off half-way, after text was already streaming: still nothing charged.
    standIn.control.cutNextStream(4);
    const partial: string[] = [];
    const cut = await turn(userId, 'cut me off', { onText: (s) => partial.push(s) }).catch((e: unknown) => e);
    assert.ok(isAppError(cut, 'PROVIDER_ERROR'), String(cut));
    assert.ok(partial.length > 0, 'some text had arrived before the cut');
    assert.deepEqual(await tokens(userId), { balance: 1_000n, held: 0n, available: 1_000n });
  });

  test('a content refusal the provider stated is told as one; a rejected request is the model’s failure', async () => {
    const userId = await newUser(1_000n);
    // A provider that streams a little, then fails as told.
    const failingWith = (failure: ProviderError): TChatDeps['ai'] => ({
      serves: () => true,
      async *streamChat() {
        yield { type: 'delta', text: 'Sure, here' };
        throw failure;
      },
    });
    const cases: [ProviderError, string, string][] = [
      [
        new ProviderError('content_refused', 'the content filter stopped the reply'),
        'content_refused',
        'content_refused',
      ],
      [new ProviderError('rejected', 'HTTP 404: model_not_found'), 'rejected', 'provider_failed'],
    ];
    for (const [failure, detail, code] of cases) {
      const error = await runChatTurn(
        { db: t.db, ai: failingWith(failure) },
        { userId, text: 'tell me', source: 'bot', language: 'en' },
      ).catch((e: unknown) => e);
      assert.ok(isAppError(error, 'PROVIDER_ERROR'), String(error));
      assert.equal(error.details.failure, detail);
      assert.equal(isContentRefusal(error), detail === 'content_refused');
      const request = await t.db.aiRequest.findFirstOrThrow({ where: { userId }, orderBy: { id: 'desc' } });
      assert.deepEqual([request.status, request.errorCode, request.charged], ['failed', code, 0n]);
      assert.equal(request.errorMessage, failure.message);
    }
    assert.deepEqual(await tokens(userId), { balance: 1_000n, held: 0n, available: 1_000n });
    assert.equal(
      await t.db.dialogMessage.count({ where: { dialog: { userId } } }),
      0,
      'the cut reply is not kept',
    );
  });

  test('a subscriber at zero balance gets the mini model free and is refused GPT-4o', async () => {
    const userId = await newUser();
    await entitle(userId, 'ai_subscription');
    const dialog = await createDialog(t.db, { userId });
    const free = await turn(userId, 'free for subscribers');
    assert.equal(free.mode, 'subscriber');
    assert.equal(free.charged, 0n);
    await setDialogModel(t.db, { userId, dialogId: dialog.id, modelId: 'gpt-4o' });
    const refused = await turn(userId, 'the big model').catch((e: unknown) => e);
    assert.ok(isAppError(refused, 'INSUFFICIENT_FUNDS'));
    assert.deepEqual(
      {
        price: refused.details.price,
        available: refused.details.available,
        subscriber: refused.details.subscriber,
      },
      { price: '1000', available: '0', subscriber: 1 },
    );
    const logged = await t.db.aiRequest.findFirstOrThrow({ where: { userId }, orderBy: { id: 'desc' } });
    assert.deepEqual(
      [logged.status, logged.errorCode, logged.modelId],
      ['failed', 'INSUFFICIENT_FUNDS', 'gpt-4o'],
    );
    assert.equal(await t.db.hold.count({ where: { account: { userId } } }), 0);

    // With tokens, a subscriber pays for the mini model like anyone: free is only the zero-balance rule.
    const paying = await newUser(500n);
    await entitle(paying, 'ai_subscription');
    const paid = await turn(paying, 'I have tokens');
    assert.deepEqual([paid.mode, paid.charged], ['balance', 250n]);
  });

  test('an unlimited day makes text models free; Whisper is still charged', async () => {
    const userId = await newUser();
    await entitle(userId, 'ai_unlimited');
    const dialog = await createDialog(t.db, { userId, modelId: 'gpt-4o' });
    const reply = await turn(userId, 'big model, no tokens', { dialogId: dialog.id });
    assert.deepEqual([reply.mode, reply.charged], ['unlimited', 0n]);
    const voice = await transcribeVoice(
      { db: t.db, ai },
      { userId, audio: spokenTextMarker('hello'), fileName: 'voice.ogg', source: 'bot', language: 'en' },
    ).catch((e: unknown) => e);
    assert.ok(isAppError(voice, 'INSUFFICIENT_FUNDS'));
  });

  test('parallel requests cannot spend more than the balance', async () => {
    const userId = await newUser(1_000n);
    standIn.control.setStreamDelay(20);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => turn(userId, `parallel ${i}`)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter(
      (r) => r.status === 'rejected' && isAppError(r.reason, 'INSUFFICIENT_FUNDS'),
    );
    assert.equal(ok.length, 4);
    assert.equal(refused.length, 2);
    assert.deepEqual(await tokens(userId), { balance: 0n, held: 0n, available: 0n });
  });

  test('a switched-off model is refused before anything is held', async () => {
    const userId = await newUser(5_000n);
    await createDialog(t.db, { userId, modelId: 'gpt-4o' });
    await t.db.aiModel.update({ where: { id: 'gpt-4o' }, data: { enabled: false } });
    try {
      const refused = await turn(userId, 'anyone there?').catch((e: unknown) => e);
      assert.ok(isAppError(refused, 'MODEL_UNAVAILABLE'));
      assert.deepEqual(await tokens(userId), { balance: 5_000n, held: 0n, available: 5_000n });
    } finally {
      await t.db.aiModel.update({ where: { id: 'gpt-4o' }, data: { enabled: true } });
    }
  });
});

describe('voice', () => {
  test('a voice message is transcribed at the Whisper price, a reply voiced at the TTS price', async () => {
    const userId = await newUser(5_000n);
    const heard = await transcribeVoice(
      { db: t.db, ai },
      {
        userId,
        audio: spokenTextMarker('what is the time'),
        fileName: 'voice.ogg',
        source: 'bot',
        language: 'en',
      },
    );
    assert.equal(heard.text, 'what is the time');
    assert.equal(heard.charged, 1_000n);
    const reply = await turn(userId, heard.text);
    const spoken = await speakDialogMessage(
      { db: t.db, ai },
      { userId, messageId: reply.assistantMessageId, source: 'bot', language: 'en' },
    );
    assert.ok(spoken.audio.bytes.length > 0);
    assert.match(spoken.audio.mimeType, /^audio\//);
    assert.equal(spoken.charged, 2_000n);
    assert.equal(
      standIn.control.requests().at(-1)?.input?.startsWith('Echo (gpt-4o-mini): what is the time'),
      true,
    );
    assert.equal((await tokens(userId)).balance, 5_000n - 1_000n - 250n - 2_000n);

    // Someone else's reply cannot be voiced (or read) through a forged button.
    const stranger = await newUser(5_000n);
    const forged = await speakDialogMessage(
      { db: t.db, ai },
      { userId: stranger, messageId: reply.assistantMessageId, source: 'bot', language: 'en' },
    ).catch((e: unknown) => e);
    assert.ok(isAppError(forged, 'NOT_FOUND'));
    assert.equal((await tokens(stranger)).balance, 5_000n);

    // Silence (the stand-in hears an empty marker as no words): nothing usable, nothing charged.
    const silent = await transcribeVoice(
      { db: t.db, ai },
      { userId, audio: spokenTextMarker(''), fileName: 'voice.ogg', source: 'bot', language: 'en' },
    ).catch((e: unknown) => e);
    assert.ok(isAppError(silent, 'TRANSCRIPT_EMPTY'), String(silent));
    assert.deepEqual(await tokens(userId), { balance: 1_750n, held: 0n, available: 1_750n });
  });
});
