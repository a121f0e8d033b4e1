import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { run } from '@grammyjs/runner';
import { Bot, GrammyError } from 'grammy';
import { startTestServer, type TestServer, tokenFor } from './test-support.ts';

const TOKEN = tokenFor(700001);
const USER = { id: 1001, first_name: 'Ann', username: 'ann', language_code: 'en' };

function createBot(t: TestServer): Bot {
  const bot = new Bot(TOKEN, { client: { apiRoot: t.server.url } });
  bot.command('start', (ctx) =>
    ctx.reply(`Welcome, <b>${ctx.from?.first_name}</b>! Payload: ${ctx.match || 'none'}`, {
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: [[{ text: 'Count', callback_data: 'count:1' }]] },
    }),
  );
  bot.callbackQuery(/^count:(\d+)$/, async (ctx) => {
    const next = Number(ctx.match[1]) + 1;
    await ctx.answerCallbackQuery({ text: `Now ${next}`, show_alert: true });
    await ctx.editMessageText(`Count: ${next}`, {
      reply_markup: { inline_keyboard: [[{ text: 'Count', callback_data: `count:${next}` }]] },
    });
  });
  return bot;
}

describe('a real grammY bot against the local server', () => {
  let t: TestServer;

  beforeEach(async () => {
    t = await startTestServer();
    await t.client.registerBot({ token: TOKEN, username: 'counter_bot', firstName: 'Counter' });
    await t.client.upsertUser(USER);
  });
  afterEach(() => t.server.close());

  test('@grammyjs/runner: deep-link /start is answered, an inline button press is answered and edits', async () => {
    const bot = createBot(t);
    const runner = run(bot);
    try {
      const sent = await t.client.sendText({ token: TOKEN, userId: USER.id, text: '/start promo42' });
      assert.deepEqual(sent.entities, [{ type: 'bot_command', offset: 0, length: 6 }]);

      const welcome = await t.client.waitForMessage({
        token: TOKEN,
        chatId: USER.id,
        since: sent.revision,
        predicate: (m) => m.text?.startsWith('Welcome') ?? false,
      });
      assert.equal(welcome.text, 'Welcome, Ann! Payload: promo42');
      assert.deepEqual(welcome.entities, [{ type: 'bold', offset: 9, length: 3 }]);
      assert.equal(welcome.from.username, 'counter_bot');
      assert.equal(welcome.message.chat.id, USER.id);

      const { callbackQueryId } = await t.client.pressButton({
        token: TOKEN,
        userId: USER.id,
        messageId: welcome.message_id,
        data: 'count:1',
      });
      const edited = await t.client.waitForMessage({
        token: TOKEN,
        chatId: USER.id,
        predicate: (m) => m.text === 'Count: 2',
      });
      assert.equal(edited.message_id, welcome.message_id);
      assert.equal(edited.edited, 1);
      assert.ok(edited.edit_date);
      assert.deepEqual(await t.client.callbackAnswer(callbackQueryId), { text: 'Now 2', show_alert: true });
    } finally {
      await runner.stop();
    }
  });

  test('bot.start(): replies to a command and stops cleanly', async () => {
    const bot = createBot(t);
    const started = new Promise<void>((resolve) => {
      void bot.start({ onStart: () => resolve() });
    });
    await started;
    try {
      await t.client.sendText({ token: TOKEN, userId: USER.id, text: '/start' });
      const welcome = await t.client.waitForMessage({
        token: TOKEN,
        chatId: USER.id,
        predicate: (m) => m.text?.includes('Payload: none') ?? false,
      });
      assert.equal(welcome.sender, 'bot');
      const calls = await t.client.calls({ token: TOKEN });
      assert.deepEqual(
        calls.map((call) => call.method),
        ['getMe', 'deleteWebhook', 'sendMessage'],
      );
    } finally {
      await bot.stop();
    }
  });

  test('editMessageText with identical content surfaces "message is not modified"', async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: t.server.url } });
    const markup = { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] };
    const message = await bot.api.sendMessage(USER.id, 'Same', { reply_markup: markup });
    const error = await bot.api
      .editMessageText(USER.id, message.message_id, 'Same', { reply_markup: markup })
      .catch((e: unknown) => e);
    assert.ok(error instanceof GrammyError);
    assert.equal(error.error_code, 400);
    assert.equal(
      error.description,
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
    // Omitting reply_markup removes the keyboard, so the same text is a real change.
    const edited = await bot.api.editMessageText(USER.id, message.message_id, 'Same');
    assert.equal(edited === true ? undefined : edited.reply_markup, undefined);

    const missing = await bot.api.editMessageText(USER.id, 999, 'x').catch((e: unknown) => e);
    assert.ok(missing instanceof GrammyError);
    assert.equal(missing.description, 'Bad Request: message to edit not found');
  });

  test('a user who blocked the bot yields 403 and a my_chat_member update', async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: t.server.url } });
    await t.client.setBlocked({ token: TOKEN, userId: USER.id, blocked: true });
    const error = await bot.api.sendMessage(USER.id, 'hello?').catch((e: unknown) => e);
    assert.ok(error instanceof GrammyError);
    assert.equal(error.error_code, 403);
    assert.equal(error.description, 'Forbidden: bot was blocked by the user');

    const updates = await bot.api.getUpdates({ allowed_updates: [] });
    assert.equal(updates[0]?.my_chat_member?.new_chat_member.status, 'kicked');

    await t.client.setBlocked({ token: TOKEN, userId: USER.id, blocked: false });
    const message = await bot.api.sendMessage(USER.id, 'welcome back');
    assert.equal(message.text, 'welcome back');
  });

  test('commands and menu button are stored per scope and language and recorded as calls', async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: t.server.url } });
    await bot.api.setMyCommands([{ command: 'start', description: 'Start' }]);
    await bot.api.setMyCommands([{ command: 'start', description: 'Начать' }], { language_code: 'ru' });
    await bot.api.setMyCommands([{ command: 'ban', description: 'Ban' }], {
      scope: { type: 'chat', chat_id: USER.id },
    });
    assert.deepEqual(await bot.api.getMyCommands({ language_code: 'ru' }), [
      { command: 'start', description: 'Начать' },
    ]);
    assert.deepEqual(await bot.api.getMyCommands({ scope: { type: 'chat', chat_id: USER.id } }), [
      { command: 'ban', description: 'Ban' },
    ]);
    await bot.api.deleteMyCommands({ language_code: 'ru' });
    assert.deepEqual(await bot.api.getMyCommands({ language_code: 'ru' }), []);

    const invalid = await bot.api
      .setMyCommands([{ command: 'Bad Command', description: 'x' }])
      .catch((e: unknown) => e);
    assert.ok(invalid instanceof GrammyError);
    assert.equal(invalid.description, 'Bad Request: BOT_COMMAND_INVALID');

    const button = { type: 'web_app' as const, text: 'Open', web_app: { url: 'https://example.com/app' } };
    await bot.api.setChatMenuButton({ menu_button: button });
    assert.deepEqual(await bot.api.getChatMenuButton({ chat_id: USER.id }), button);

    const calls = await t.client.calls({ token: TOKEN, method: 'setMyCommands' });
    assert.equal(calls.length, 4);
    assert.deepEqual(calls[2]?.params.scope, { type: 'chat', chat_id: USER.id });
    assert.equal(calls[3]?.ok, false);
  });
});
