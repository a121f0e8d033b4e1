import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { Bot } from 'grammy';
import { readEvents, startTestServer, type TestServer, tokenFor } from './test-support.ts';

const TOKEN = tokenFor(700701);
const USER = { id: 8001, first_name: 'Eve', last_name: 'Example' };

describe('control API', () => {
  let t: TestServer;

  beforeEach(async () => {
    t = await startTestServer();
    await t.client.upsertUser(USER);
  });
  afterEach(() => t.server.close());

  test('the event stream reports messages, edits, deletions, chat actions and callback answers', async () => {
    const abort = new AbortController();
    const events = readEvents(t.server.url, 6, abort.signal);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const bot = new Bot(TOKEN, { client: { apiRoot: t.server.url } });

    await t.client.sendText({ token: TOKEN, userId: USER.id, text: 'hello' });
    await bot.api.sendChatAction(USER.id, 'typing');
    const sent = await bot.api.sendMessage(USER.id, 'pick', {
      reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] },
    });
    const { callbackQueryId } = await t.client.pressButton({
      token: TOKEN,
      userId: USER.id,
      messageId: sent.message_id,
      data: 'a',
    });
    const [update] = (await bot.api.getUpdates({ offset: -1 })).filter((u) => u.callback_query);
    assert.equal(update?.callback_query?.message?.message_id, sent.message_id);
    assert.match(update?.callback_query?.chat_instance ?? '', /^-?\d+$/);
    await bot.api.answerCallbackQuery(callbackQueryId, { text: 'ok' });
    await bot.api.editMessageReplyMarkup(USER.id, sent.message_id);
    await bot.api.deleteMessage(USER.id, sent.message_id);

    const received = await events;
    abort.abort();
    assert.deepEqual(
      received.map((event) => event.type),
      [
        'message_added',
        'chat_action',
        'message_added',
        'callback_answered',
        'message_edited',
        'message_deleted',
      ],
    );
    for (const event of received) {
      if (event.type !== 'bot_blocked') assert.equal(event.chat_id, USER.id);
    }
    const [first] = received;
    assert.ok(first?.type === 'message_added');
    assert.equal(first.token, TOKEN);
    assert.equal(first.message.sender, 'user');

    const messages = await t.client.messages({ token: TOKEN, chatId: USER.id });
    assert.equal(messages[1]?.deleted, true);
    assert.equal(messages[1]?.edited, 1);
    assert.equal(messages[1]?.reply_markup, undefined);
  });

  test('bad control requests are answered with 400 and a reason', async () => {
    const response = await fetch(`${t.server.url}/control/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: -5, first_name: 'Nope' }),
    });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { ok: boolean; error: string };
    assert.equal(body.ok, false);
    assert.match(body.error, /^invalid request: id: /);
    await assert.rejects(t.client.sendText({ token: TOKEN, userId: 999, text: 'hi' }), /unknown user 999/);
    await assert.rejects(
      t.client.pressButton({ token: TOKEN, userId: USER.id, messageId: 1, data: 'x' }),
      /message 1 not found/,
    );
  });

  test('contacts, snapshots and a helpful waitForMessage timeout', async () => {
    const contact = await t.client.sendContact({ token: TOKEN, userId: USER.id, phoneNumber: '+15550100' });
    assert.deepEqual(contact.contact, { phone_number: '+15550100', first_name: 'Eve', user_id: USER.id });

    const bot = new Bot(TOKEN, { client: { apiRoot: t.server.url } });
    await bot.api.sendMessage(USER.id, 'Thanks!', {
      reply_markup: { keyboard: [[{ text: 'Share', request_contact: true }]], resize_keyboard: true },
    });
    const [, thanks] = await t.client.messages({ token: TOKEN, chatId: USER.id });
    // Reply keyboards are kept for the emulator but, like on Telegram, not echoed to the bot.
    assert.deepEqual(thanks?.reply_markup, {
      keyboard: [[{ text: 'Share', request_contact: true }]],
      resize_keyboard: true,
    });
    assert.equal(thanks?.message.reply_markup, undefined);

    const snapshot = await t.client.state();
    assert.deepEqual(snapshot.bots, [
      { id: 700701, token: TOKEN, username: 'bot700701', first_name: 'Bot 700701' },
    ]);
    assert.deepEqual(snapshot.chats[0]?.chat, {
      id: USER.id,
      type: 'private',
      first_name: 'Eve',
      last_name: 'Example',
    });

    await bot.api.setMyDescription('Shop bot');
    assert.deepEqual(await bot.api.getMyDescription(), { description: 'Shop bot' });
    assert.equal((await bot.api.getChat(USER.id)).type, 'private');

    await assert.rejects(
      t.client.waitForMessage({
        token: TOKEN,
        chatId: USER.id,
        timeoutMs: 100,
        predicate: (m) => m.text === 'never',
      }),
      (error: Error) =>
        error.message.includes('#2 r2 bot: "Thanks!"') && error.message.includes('matched within 100 ms'),
    );
  });
});
