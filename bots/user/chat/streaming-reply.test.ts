import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Api, InlineKeyboard } from 'grammy';
import { TelegramTestClient } from '#sandbox/telegram/client.ts';
import { startTelegramServer, type TelegramServer } from '#sandbox/telegram/server.ts';
import { markdownToHtml } from './markdown-to-html.ts';
import { editRich, sendRich } from './rich-text.ts';
import { htmlToPlainText } from './split-html.ts';
import { StreamingReply } from './streaming-reply.ts';

const TOKEN = '7100001:streaming-reply-test-token';
let server: TelegramServer;
let telegram: TelegramTestClient;
let api: Api;
let nextUser = 7_100_000_000;

before(async () => {
  // Telegram's own flood limits stay on: a reply that tripped them would show up as 429s below.
  server = await startTelegramServer({ port: 0 });
  telegram = new TelegramTestClient(server.url);
  await telegram.registerBot({ token: TOKEN, username: 'streaming_test_bot' });
  api = new Api(TOKEN, { apiRoot: server.url });
});
after(() => server.close());

async function newChat(): Promise<number> {
  const id = nextUser++;
  await telegram.upsertUser({ id, first_name: 'Reader' });
  return id;
}

/** A model writing `text` in pieces of `piece` characters every `everyMs`. */
async function write(reply: StreamingReply, text: string, piece: number, everyMs: number) {
  for (let at = piece; at < text.length + piece; at += piece) {
    reply.push(text.slice(0, at));
    await sleep(everyMs);
  }
}

const callsIn = async (chatId: number, method: string) =>
  (await telegram.calls({ token: TOKEN, method })).filter((c) => Number(c.params.chat_id) === chatId);

test('a streamed reply: first text at once, paced edits, the full text at the end with the button', async () => {
  const chatId = await newChat();
  const text = Array.from({ length: 40 }, (_, i) => `Sentence **${i}** of a streamed answer.`).join(' ');
  const pacing = { minIntervalMs: 250, minGrowthChars: 20 };
  const reply = new StreamingReply(api, chatId, { pacing });
  const startedAt = Date.now();
  const writing = write(reply, text, 12, 20);
  await sleep(60);
  const early = await telegram.messages({ token: TOKEN, chatId });
  assert.equal(early.length, 1, 'the first piece is shown before the model is done');
  assert.ok(early[0]?.text && text.startsWith(early[0].text.slice(0, 10)));
  await writing;
  const keyboard = new InlineKeyboard().text('🔊', 'v1:tts:1');
  await reply.finish(text, keyboard);

  const messages = await telegram.messages({ token: TOKEN, chatId });
  assert.equal(messages.length, 1);
  assert.equal(messages[0]?.text, htmlToPlainText(markdownToHtml(text)));
  assert.ok(messages[0]?.entities?.some((e) => e.type === 'bold'));
  assert.deepEqual(messages[0]?.reply_markup, { inline_keyboard: keyboard.inline_keyboard });

  const edits = await callsIn(chatId, 'editMessageText');
  const sends = await callsIn(chatId, 'sendMessage');
  assert.equal(sends.length, 1);
  assert.ok(edits.length >= 3, `edited ${edits.length} times while streaming`);
  assert.ok(edits.every((c) => c.ok));
  // Every change waits the pacing interval after the previous one; only the final edit may come sooner.
  const times = [...sends, ...edits].map((c) => c.at).sort((a, b) => a - b);
  const gaps = times.slice(1, -1).map((t, i) => t - (times[i] ?? 0));
  assert.ok(
    gaps.every((g) => g >= pacing.minIntervalMs - 5),
    `gaps ${gaps.join(', ')}`,
  );
  const elapsed = Date.now() - startedAt;
  assert.ok(edits.length <= Math.ceil(elapsed / pacing.minIntervalMs) + 1);
  assert.deepEqual(reply.stats, { sends: 1, edits: edits.length });
});

test('a reply past 4096 characters continues in further messages, the button on the last one', async () => {
  const chatId = await newChat();
  const paragraph = `${'word '.repeat(150).trim()}.`;
  const text = Array.from({ length: 12 }, (_, i) => `Part ${i}: ${paragraph}`).join('\n\n');
  const reply = new StreamingReply(api, chatId, { pacing: { minIntervalMs: 50, minGrowthChars: 20 } });
  await write(reply, text, 400, 10);
  await reply.finish(text, new InlineKeyboard().text('🔊', 'v1:tts:2'));

  const messages = await telegram.messages({ token: TOKEN, chatId });
  assert.ok(messages.length >= 3, `${messages.length} messages`);
  assert.ok(messages.every((m) => (m.text?.length ?? 0) <= 4096));
  assert.deepEqual(
    messages.map((m) => m.text).join('\n\n'),
    text,
    'split at paragraph breaks, nothing lost or repeated',
  );
  assert.deepEqual(
    messages.map((m) => m.reply_markup !== undefined),
    messages.map((_, i) => i === messages.length - 1),
  );
  const refused = (await telegram.calls({ token: TOKEN })).filter((c) => !c.ok);
  assert.deepEqual(refused, []);
});

test('markup Telegram refuses goes out as plain text instead of failing', async () => {
  const chatId = await newChat();
  const sent = await sendRich(api, chatId, '<b>unclosed bold &amp; more');
  assert.equal(sent.plain, true);
  const [message] = await telegram.messages({ token: TOKEN, chatId });
  assert.equal(message?.text, 'unclosed bold & more');
  assert.equal(message?.entities, undefined);
  const edited = await editRich(api, chatId, sent.messageId, '<i>still <b>broken</i>');
  assert.equal(edited.plain, true);
  const [after] = await telegram.messages({ token: TOKEN, chatId });
  assert.equal(after?.text, 'still broken');
  // The same again changes nothing, which is not an error.
  assert.deepEqual(await editRich(api, chatId, sent.messageId, 'still broken', { plain: true }), {
    plain: true,
  });
});

test('a failure replaces the partial reply with the error, or sends it when nothing was shown', async () => {
  const chatId = await newChat();
  const reply = new StreamingReply(api, chatId);
  reply.push('The answer begins');
  await sleep(50);
  await reply.fail('⚠️ failed, nothing charged');
  const messages = await telegram.messages({ token: TOKEN, chatId });
  assert.deepEqual(
    messages.map((m) => m.text),
    ['⚠️ failed, nothing charged'],
  );
  const silent = new StreamingReply(api, chatId);
  await silent.fail('⚠️ second');
  assert.equal((await telegram.messages({ token: TOKEN, chatId })).at(-1)?.text, '⚠️ second');
});
