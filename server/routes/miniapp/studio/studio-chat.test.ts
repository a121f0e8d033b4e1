import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { acquireReplyLock } from '#core/ai/chat/reply-lock.ts';
import { CHAT_MESSAGE_MAX } from '#core/ai/chat/run-chat-turn.ts';
import { syncModelCatalog } from '#core/ai/models/sync-model-catalog.ts';
import { getWallet } from '#core/ledger/wallet.ts';
import { startOpenAiStandIn, type TOpenAiStandIn } from '#sandbox/openai/openai-stand-in.ts';
import {
  CHAT_TEXT_MAX,
  type TChatEvent,
  ZChatDeltaSchema,
  ZChatDoneSchema,
  ZChatFailureSchema,
  ZDialogMessagesSchema,
  ZStudioDialogListSchema,
  ZStudioDialogSchema,
} from '#server/contracts/studio.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';
import { creditUser } from '#tests/support/studio-fixtures.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';

// The dialogs and the streamed chat of the Mini App's studio through the real server (inject), the real
// chat service and the OpenAI stand-in as the provider of GPT-4o mini and GPT-4o.

const KEY = 'sk-studio-chat-test-aaaaaaaaaaaa';
let server: MiniAppTestServer;
let openai: TOpenAiStandIn;

before(async () => {
  openai = await startOpenAiStandIn({ keys: [KEY], stream: { chunkChars: 6 } });
  server = await startMiniAppTestServer(
    {},
    {
      env: {
        AI_PROVIDERS: JSON.stringify({
          openai: { type: 'openai', baseUrl: openai.apiBase, keys: [KEY], timeoutMs: 10_000 },
        }),
      },
    },
  );
  await syncModelCatalog(server.database.db);
});
after(async () => {
  await server?.close();
  await openai?.close();
});
beforeEach(() => openai.control.setStreamDelay(0));

type TUser = { id: bigint; language?: 'en' | 'ru' };
const db = () => server.database.db;

async function newUser(tokens = 0n, language: 'en' | 'ru' = 'en'): Promise<TUser> {
  // Created as the bot creates them: Mini App sign-ups are limited per address, and every test here
  // comes from the same one.
  const { user } = await touchUser(db(), { id: uniqueTelegramId(), firstName: 'Chat' });
  await db().user.update({ where: { id: user.id }, data: { language } });
  if (tokens > 0n) await creditUser(db(), user.id, tokens);
  return { id: user.id, language };
}

function call(user: TUser | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
  return server.app.inject({
    method,
    url,
    headers: user ? server.auth({ id: user.id, language: user.language }) : {},
    ...(body !== undefined && { payload: body as Record<string, unknown> }),
  });
}

async function newDialog(user: TUser, body: Record<string, unknown> = {}) {
  const response = await call(user, 'POST', '/api/studio/dialogs', body);
  assert.equal(response.statusCode, 201, response.body);
  return ZStudioDialogSchema.parse(response.json());
}

/** The events of a text/event-stream body, parsed with the contract's schemas. */
function eventsOf(body: string): TChatEvent[] {
  return body
    .split('\n\n')
    .filter((block) => block.startsWith('event: '))
    .map((block) => {
      const [head, data] = block.split('\n');
      const name = head?.slice('event: '.length);
      const json: unknown = JSON.parse(data?.slice('data: '.length) ?? '');
      if (name === 'delta') return { event: 'delta', data: ZChatDeltaSchema.parse(json) };
      if (name === 'done') return { event: 'done', data: ZChatDoneSchema.parse(json) };
      if (name === 'failure') return { event: 'failure', data: ZChatFailureSchema.parse(json) };
      throw new Error(`unknown event ${name}`);
    });
}

const tokensOf = async (user: TUser) => {
  const wallet = await getWallet(db(), user.id);
  return { available: wallet.tokens.available, held: wallet.tokens.held };
};

describe('dialogs', () => {
  test('create, list, rename, model, system prompt, history, activate, delete', async () => {
    const user = await newUser();
    const first = await newDialog(user, { title: 'Trip', systemPrompt: 'Be brief.' });
    assert.deepEqual(
      [first.title, first.modelId, first.modelName, first.price, first.systemPrompt, first.historyEnabled],
      ['Trip', 'gpt-4o-mini', 'GPT-4o mini', '250', 'Be brief.', true],
    );
    assert.equal(first.active, true, 'a new dialog is the one the bot writes to');
    const second = await newDialog(user, { modelId: 'gpt-4o', historyEnabled: false });
    assert.deepEqual([second.title, second.price, second.historyEnabled], ['', '1000', false]);

    const patched = await call(user, 'PATCH', `/api/studio/dialogs/${first.id}`, {
      title: '  Trip   to Rome ',
      modelId: 'gpt-4o',
      systemPrompt: null,
      historyEnabled: false,
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const after = ZStudioDialogSchema.parse(patched.json());
    assert.deepEqual(
      [after.title, after.modelId, after.price, after.systemPrompt, after.historyEnabled, after.active],
      ['Trip to Rome', 'gpt-4o', '1000', null, false, false],
    );

    const activated = await call(user, 'POST', `/api/studio/dialogs/${first.id}/activate`);
    assert.equal(ZStudioDialogSchema.parse(activated.json()).active, true);
    const list = ZStudioDialogListSchema.parse((await call(user, 'GET', '/api/studio/dialogs')).json());
    assert.deepEqual(
      list.dialogs.map((d) => [d.id, d.active]),
      [
        [first.id, true],
        [second.id, false],
      ],
    );

    assert.equal((await call(user, 'DELETE', `/api/studio/dialogs/${second.id}`)).statusCode, 204);
    const left = ZStudioDialogListSchema.parse((await call(user, 'GET', '/api/studio/dialogs')).json());
    assert.deepEqual(
      left.dialogs.map((d) => d.id),
      [first.id],
    );
  });

  test('refusals change nothing: a model that is not a text model, a blank title, a long prompt', async () => {
    const user = await newUser();
    const dialog = await newDialog(user, { title: 'Keep' });
    const url = `/api/studio/dialogs/${dialog.id}`;
    const image = await call(user, 'PATCH', url, { modelId: 'dall-e-3', title: 'Changed' });
    assert.equal(image.statusCode, 400);
    const blank = await call(user, 'PATCH', url, { title: '   ', modelId: 'gpt-4o' });
    assert.equal(blank.statusCode, 400);
    const long = await call(user, 'PATCH', url, { systemPrompt: 'x'.repeat(4_001) });
    assert.equal(long.statusCode, 400);
    await db().aiModel.update({ where: { id: 'gpt-4o' }, data: { enabled: false } });
    const off = await call(user, 'PATCH', url, { modelId: 'gpt-4o' });
    await db().aiModel.update({ where: { id: 'gpt-4o' }, data: { enabled: true } });
    assert.equal(off.statusCode, 409);
    assert.equal(off.json().error.code, 'MODEL_UNAVAILABLE');
    const row = await db().dialog.findUniqueOrThrow({ where: { id: BigInt(dialog.id) } });
    assert.deepEqual([row.title, row.modelId, row.systemPrompt], ['Keep', 'gpt-4o-mini', null]);
  });

  test("another user's dialog is 404 for every route, and nothing of it leaks or changes", async () => {
    const owner = await newUser(10_000n);
    const other = await newUser(10_000n);
    const dialog = await newDialog(owner, { title: 'Private' });
    const url = `/api/studio/dialogs/${dialog.id}`;
    const attempts = [
      await call(other, 'PATCH', url, { title: 'Mine' }),
      await call(other, 'PATCH', url, {}),
      await call(other, 'DELETE', url),
      await call(other, 'POST', `${url}/activate`),
      await call(other, 'GET', `${url}/messages`),
      await call(other, 'POST', `${url}/messages`, { text: 'hello' }),
      await call(other, 'GET', '/api/studio/dialogs/not-a-number/messages'),
    ];
    for (const response of attempts) {
      assert.equal(response.statusCode, 404, response.body);
      assert.equal(response.json().error.code, 'NOT_FOUND');
      assert.doesNotMatch(response.body, /Private/);
    }
    const row = await db().dialog.findUniqueOrThrow({ where: { id: BigInt(dialog.id) } });
    assert.deepEqual([row.title, row.deletedAt], ['Private', null]);
    assert.deepEqual(await tokensOf(other), { available: 10_000n, held: 0n });
    assert.equal(await db().aiRequest.count({ where: { userId: other.id } }), 0);
  });

  test('without initData every studio route is 401', async () => {
    for (const url of ['/api/studio/dialogs', '/api/studio/models', '/api/studio/usage']) {
      assert.equal((await call(null, 'GET', url)).statusCode, 401);
    }
  });

  test('history pages back from the latest messages, in reading order, without gaps or repeats', async () => {
    const user = await newUser();
    const dialog = await newDialog(user);
    const dialogId = BigInt(dialog.id);
    // 25 exchanges written directly: paging is about the query, not the model.
    for (let i = 1; i <= 25; i++) {
      await db().dialogMessage.create({ data: { dialogId, role: 'user', content: `q${i}` } });
      await db().dialogMessage.create({
        data: { dialogId, role: 'assistant', content: `a${i}`, tokensUsed: 250n },
      });
    }
    await db().dialogMessage.create({ data: { dialogId, role: 'system', content: 'hidden' } });
    const pages: string[][] = [];
    let before: string | null = null;
    do {
      const query: string = before ? `?limit=20&before=${before}` : '?limit=20';
      const response = await call(user, 'GET', `/api/studio/dialogs/${dialog.id}/messages${query}`);
      assert.equal(response.statusCode, 200, response.body);
      const page = ZDialogMessagesSchema.parse(response.json());
      pages.push(page.messages.map((m) => m.content));
      before = page.nextBefore;
    } while (before && pages.length < 10);
    assert.deepEqual(
      pages.map((p) => p.length),
      [20, 20, 10],
    );
    assert.deepEqual(pages[0]?.slice(0, 2), ['q16', 'a16']);
    assert.deepEqual(pages[0]?.at(-1), 'a25');
    const all = pages.reverse().flat();
    assert.deepEqual(all, Array.from({ length: 25 }, (_, i) => [`q${i + 1}`, `a${i + 1}`]).flat());
    const tooMany = await call(user, 'GET', `/api/studio/dialogs/${dialog.id}/messages?limit=51`);
    assert.equal(tooMany.statusCode, 400);
  });
});

describe('chat over Server-Sent Events', () => {
  test('the reply streams as deltas, then done with both stored messages; charged once at the live price', async () => {
    const user = await newUser(1_000n);
    const dialog = await newDialog(user, { systemPrompt: 'Answer like a pirate.' });
    const response = await call(user, 'POST', `/api/studio/dialogs/${dialog.id}/messages`, {
      text: 'Tell me about **Rome**',
    });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/event-stream/);
    const events = eventsOf(response.body);
    const deltas = events.flatMap((e) => (e.event === 'delta' ? [e.data.text] : []));
    assert.ok(deltas.length > 3, `the reply came in pieces (${deltas.length})`);
    const last = events.at(-1);
    assert.equal(last?.event, 'done');
    if (last?.event !== 'done') return;
    const done = last.data;
    assert.equal(deltas.join(''), done.message.content, 'the deltas add up to the stored reply');
    assert.match(done.message.content, /^Echo \(gpt-4o-mini\): Tell me about \*\*Rome\*\*/);
    assert.match(done.message.content, /System prompt: Answer like a pirate\./);
    assert.deepEqual(
      [done.userMessage.role, done.userMessage.content, done.message.role, done.message.tokensUsed],
      ['user', 'Tell me about **Rome**', 'assistant', '250'],
    );
    assert.deepEqual([done.charged, done.mode, done.available], ['250', 'balance', '750']);
    assert.equal(done.dialog.title, 'Tell me about **Rome**', 'named after its first message');
    assert.equal(done.dialog.messageCount, 2);
    assert.deepEqual(await tokensOf(user), { available: 750n, held: 0n });
    const requests = await db().aiRequest.findMany({ where: { userId: user.id } });
    assert.deepEqual(
      requests.map((r) => [r.kind, r.modelId, r.source, r.status, r.charged, r.dialogId]),
      [['text', 'gpt-4o-mini', 'miniapp', 'succeeded', 250n, BigInt(dialog.id)]],
    );
    const ledger = await db().hold.findMany({ where: { account: { userId: user.id } } });
    assert.deepEqual(
      ledger.map((h) => [h.status, h.amount]),
      [['captured', 250n]],
      'one hold, captured once',
    );

    // The history the chat reopens with is the same two messages.
    const page = ZDialogMessagesSchema.parse(
      (await call(user, 'GET', `/api/studio/dialogs/${dialog.id}/messages`)).json(),
    );
    assert.deepEqual(page.messages, [done.userMessage, done.message]);
    assert.equal(page.nextBefore, null);
  });

  test('history off: the model gets the system prompt and the new message only', async () => {
    const user = await newUser(2_000n);
    const dialog = await newDialog(user, { historyEnabled: false });
    const url = `/api/studio/dialogs/${dialog.id}/messages`;
    await call(user, 'POST', url, { text: 'one' });
    const second = eventsOf((await call(user, 'POST', url, { text: 'two' })).body).at(-1);
    assert.equal(second?.event, 'done');
    assert.match(second?.event === 'done' ? second.data.message.content : '', /Received 1 messages/);
    await call(user, 'PATCH', `/api/studio/dialogs/${dialog.id}`, { historyEnabled: true });
    const third = eventsOf((await call(user, 'POST', url, { text: 'three' })).body).at(-1);
    assert.match(third?.event === 'done' ? third.data.message.content : '', /Received 5 messages/);
  });

  test('a provider failure mid-stream ends with a failure event, and nothing is charged or stored', async () => {
    const user = await newUser(1_000n, 'ru');
    const dialog = await newDialog(user);
    openai.control.cutNextStream(3);
    const response = await call(user, 'POST', `/api/studio/dialogs/${dialog.id}/messages`, {
      text: 'Привет',
    });
    assert.equal(response.statusCode, 200);
    const events = eventsOf(response.body);
    const last = events.at(-1);
    assert.equal(last?.event, 'failure');
    assert.ok(
      events.some((e) => e.event === 'delta'),
      'some text had arrived before the cut',
    );
    if (last?.event !== 'failure') return;
    assert.equal(last.data.code, 'PROVIDER_ERROR');
    assert.match(last.data.message, /ничего не списано/i);
    assert.deepEqual(await tokensOf(user), { available: 1_000n, held: 0n });
    assert.equal(await db().dialogMessage.count({ where: { dialogId: BigInt(dialog.id) } }), 0);
    const request = await db().aiRequest.findFirstOrThrow({ where: { userId: user.id } });
    assert.deepEqual([request.status, request.charged], ['failed', 0n]);
    const holds = await db().hold.findMany({ where: { account: { userId: user.id } } });
    assert.deepEqual(
      holds.map((h) => h.status),
      ['released'],
    );
  });

  test('a provider error before any text: failure event, nothing charged', async () => {
    const user = await newUser(1_000n);
    const dialog = await newDialog(user);
    openai.control.failNext({ status: 500, path: '/v1/chat/completions' });
    const events = eventsOf(
      (await call(user, 'POST', `/api/studio/dialogs/${dialog.id}/messages`, { text: 'hi' })).body,
    );
    assert.deepEqual(
      events.map((e) => e.event),
      ['failure'],
    );
    assert.match(events[0]?.event === 'failure' ? events[0].data.message : '', /Nothing was charged/);
    assert.deepEqual(await tokensOf(user), { available: 1_000n, held: 0n });
  });

  test('not enough tokens: a failure event with the price and the balance, nothing held', async () => {
    const user = await newUser(100n);
    const dialog = await newDialog(user);
    const events = eventsOf(
      (await call(user, 'POST', `/api/studio/dialogs/${dialog.id}/messages`, { text: 'hi' })).body,
    );
    const last = events.at(-1);
    assert.equal(last?.event, 'failure');
    if (last?.event !== 'failure') return;
    assert.equal(last.data.code, 'INSUFFICIENT_FUNDS');
    assert.match(last.data.message, /GPT-4o mini costs 250 tokens a message and you have 100/);
    assert.deepEqual(await tokensOf(user), { available: 100n, held: 0n });
  });

  test('one reply at a time: while a reply of the user streams (here or in the bot) the next is refused', async () => {
    const user = await newUser(1_000n);
    const dialog = await newDialog(user);
    const url = `/api/studio/dialogs/${dialog.id}/messages`;
    openai.control.setStreamDelay(30);
    // inject() starts only when awaited: Promise.resolve sets it going now.
    const first = Promise.resolve(call(user, 'POST', url, { text: 'a slow one' }));
    // Wait until the first reply holds its tokens, then send a second.
    for (let i = 0; i < 200 && (await tokensOf(user)).held === 0n; i++)
      await new Promise((r) => setTimeout(r, 10));
    const second = await call(user, 'POST', url, { text: 'too soon' });
    assert.equal(second.statusCode, 409);
    assert.equal(second.json().error.code, 'CHAT_BUSY');
    assert.equal(eventsOf((await first).body).at(-1)?.event, 'done');
    // The bot's lock for the user's private chat (its id is the user's) blocks the Mini App too.
    const botReply = await acquireReplyLock(server.redis.redis, server.config.REDIS_PREFIX, Number(user.id));
    assert.ok(botReply);
    assert.equal((await call(user, 'POST', url, { text: 'meanwhile' })).statusCode, 409);
    await botReply.release();
    openai.control.setStreamDelay(0);
    assert.equal(eventsOf((await call(user, 'POST', url, { text: 'now' })).body).at(-1)?.event, 'done');
    assert.deepEqual(await tokensOf(user), { available: 500n, held: 0n });
  });

  test('the message limit is the chat service’s, and an empty message is refused before anything runs', async () => {
    assert.equal(CHAT_TEXT_MAX, CHAT_MESSAGE_MAX);
    const user = await newUser(1_000n);
    const dialog = await newDialog(user);
    const url = `/api/studio/dialogs/${dialog.id}/messages`;
    assert.equal((await call(user, 'POST', url, { text: '' })).statusCode, 400);
    assert.equal((await call(user, 'POST', url, { text: 'x'.repeat(CHAT_TEXT_MAX + 1) })).statusCode, 400);
    assert.equal(await db().aiRequest.count({ where: { userId: user.id } }), 0);
  });
});
