import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import { getWallet } from '#core/ledger/wallet.ts';
import { composeChatReply } from '#sandbox/openai/chat-reply.ts';
import { spokenTextMarker } from '#sandbox/openai/spoken-text-marker.ts';
import type { ChatMessage } from '#sandbox/telegram/types.ts';
import { buttonsOf, type Chat } from './chat.ts';
import { uniqueUserId } from './ids.ts';
import { signUp } from './signup-helper.ts';
import { type Stack, startStack } from './stack.ts';

let stack: Stack;
before(async () => {
  stack = await startStack({ name: 'ai-chat' });
});
after(() => stack?.stop());

async function fund(userId: number, amount: bigint) {
  await stack.db.$transaction(
    (tx) =>
      creditTokens(tx, {
        key: `e2e-ai-chat:${userId}:${amount}`,
        userId: BigInt(userId),
        amount,
        source: 'purchase',
        expiresAt: null,
        type: 'topup',
        actor: { type: 'system' },
        reason: 'e2e',
      }),
    LEDGER_TX_OPTIONS,
  );
}

const available = async (userId: number) => (await getWallet(stack.db, BigInt(userId))).tokens.available;
const hasSpeakButton = (m: ChatMessage) => buttonsOf(m).some((b) => b.text.includes('🔊'));
/** What the stand-in answered to its latest chat request: its reply is a pure function of what it got. */
function lastStandInReply(): string {
  const request = stack.openai.control.requests().findLast((r) => r.path === '/v1/chat/completions');
  assert.ok(request?.model && request.messages);
  return composeChatReply(request.model, request.messages);
}

async function newChatter(tokens: bigint): Promise<{ id: number; chat: Chat }> {
  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Ada', language: 'en' });
  if (tokens > 0n) await fund(id, tokens);
  return { id, chat };
}

test('a reply streams into the chat: typing, one message edited several times, the full reply with 🔊', async () => {
  const { id, chat } = await newChatter(1_000n);
  // ~190 pieces of 8 characters at 30 ms: about six seconds of streaming, as a real model writes.
  stack.openai.control.setStreamChunkSize(8);
  stack.openai.control.setStreamDelay(30);
  try {
    const sent = await chat.send('Tell me a story long:1500');
    const first = await chat.expectWhere((m) => (m.text ?? '').startsWith('Echo (gpt-4o-mini)'), 10_000);
    assert.ok(!hasSpeakButton(first), 'the first text shows while the model is still writing');
    const final = await chat.expectWhere(hasSpeakButton, 30_000);
    assert.equal(final.message_id, first.message_id, 'one message, edited as the text arrived');
    // Telegram drops trailing blanks of a message; the stand-in's reply ends mid-sentence with one.
    assert.equal(final.text, lastStandInReply().trimEnd());
    assert.ok(final.edited >= 3, `edited ${final.edited} times`);

    const calls = (await stack.telegram.calls({ token: stack.userBot.token })).filter(
      (c) => Number(c.params.chat_id) === id && c.at >= sent.date * 1000 - 1000,
    );
    assert.ok(calls.some((c) => c.method === 'sendChatAction' && c.params.action === 'typing'));
    const edits = calls.filter((c) => c.method === 'editMessageText');
    assert.ok(
      edits.every((c) => c.ok),
      'no edit refused (no flood limit, no bad markup)',
    );
    const times = edits.map((c) => c.at).sort((a, b) => a - b);
    const gaps = times.slice(1, -1).map((at, i) => at - (times[i] ?? 0));
    assert.ok(
      gaps.every((g) => g >= 990),
      `edits at most once a second: ${gaps.join(', ')}`,
    );

    assert.equal(await available(id), 750n);
    const request = await stack.db.aiRequest.findFirstOrThrow({ where: { userId: BigInt(id) } });
    assert.deepEqual([request.kind, request.status, request.charged], ['text', 'succeeded', 250n]);
  } finally {
    stack.openai.control.setStreamDelay(0);
    stack.openai.control.setStreamChunkSize(16);
  }
});

test('a long reply is split into several messages; a second message while streaming is refused politely', async () => {
  const { chat } = await newChatter(1_000n);
  stack.openai.control.setStreamChunkSize(200);
  stack.openai.control.setStreamDelay(20);
  try {
    await chat.send('Write a lot long:9000');
    await chat.expectWhere((m) => (m.text ?? '').startsWith('Echo'), 10_000);
    await chat.send('and another thing');
    await chat.expect("I'm still answering your previous message");
    await chat.expectWhere(hasSpeakButton, 30_000);
    const replies = (await chat.botMessages()).filter((m) => /^(Echo|Paragraph)/.test(m.text ?? ''));
    assert.ok(replies.length >= 3, `${replies.length} messages`);
    assert.ok(replies.every((m) => (m.text?.length ?? 0) <= 4096));
    assert.equal(replies.map((m) => m.text).join('\n\n'), lastStandInReply().trimEnd());
    assert.deepEqual(
      replies.map(hasSpeakButton),
      replies.map((_, i) => i === replies.length - 1),
    );
  } finally {
    stack.openai.control.setStreamDelay(0);
    stack.openai.control.setStreamChunkSize(16);
  }
});

test('a voice message is transcribed, shown back and answered; 🔊 voices the reply', async () => {
  const { id, chat } = await newChatter(5_000n);
  await stack.telegram.sendVoice({
    token: stack.userBot.token,
    userId: id,
    bytes: spokenTextMarker('what is two plus two'),
    fileName: 'voice.ogg',
    mimeType: 'audio/ogg',
    duration: 2,
  });
  await chat.expect('🎙 what is two plus two');
  const reply = await chat.expectWhere(hasSpeakButton, 20_000);
  assert.match(reply.text ?? '', /^Echo \(gpt-4o-mini\): what is two plus two\n/);
  assert.equal(await available(id), 5_000n - 1_000n - 250n);

  const pressed = await chat.press('🔊');
  assert.match((await chat.answerOf(pressed.callbackQueryId)) ?? '', /Voicing/);
  const audio = await chat.expectWhere((m) => m.media?.kind === 'audio' || m.media?.kind === 'voice', 20_000);
  assert.equal(audio.reply_to_message_id, reply.message_id);
  const speech = stack.openai.control.requests().findLast((r) => r.path === '/v1/audio/speech');
  assert.match(speech?.input ?? '', /^Echo \(gpt-4o-mini\): what is two plus two/);
  assert.equal(await available(id), 5_000n - 1_000n - 250n - 2_000n);
});

test('a provider failure: the user is told nothing was charged, and nothing was', async () => {
  const { id, chat } = await newChatter(1_000n);
  // Before any text: both routes of the mini model (openai, then the gateway fallback) answer 500.
  const before = stack.openai.control.requests().length;
  stack.openai.control.failNext({ count: 2, status: 500, path: '/v1/chat/completions' });
  await chat.send('hello?');
  await chat.expect("The model couldn't answer this time. Nothing was charged", 20_000);
  const failed = stack.openai.control
    .requests()
    .slice(before)
    .filter((r) => r.status === 500);
  assert.equal(failed.length, 2);
  assert.equal(await available(id), 1_000n);

  // Cut off while the text was already streaming: the partial reply becomes the same error.
  stack.openai.control.setStreamChunkSize(8);
  stack.openai.control.setStreamDelay(30);
  try {
    stack.openai.control.cutNextStream(60);
    await chat.send('tell me more long:2000');
    const partial = await chat.expectWhere((m) => (m.text ?? '').startsWith('Echo'), 10_000);
    const error = await chat.expect("The model couldn't answer this time. Nothing was charged", 20_000);
    assert.equal(error.message_id, partial.message_id, 'the streaming message itself shows the error');
  } finally {
    stack.openai.control.setStreamDelay(0);
    stack.openai.control.setStreamChunkSize(16);
  }
  assert.equal(await available(id), 1_000n);
  const requests = await stack.db.aiRequest.findMany({
    where: { userId: BigInt(id) },
    orderBy: { id: 'asc' },
  });
  assert.deepEqual(
    requests.map((r) => [r.status, r.charged]),
    [
      ['failed', 0n],
      ['failed', 0n],
    ],
  );
});

test('dialogs: a new dialog, GPT-4o from the picker with its price, history off, renamed, then chat there', async () => {
  const { id, chat } = await newChatter(5_000n);
  await chat.send('/new');
  await chat.expect('New dialog started with GPT-4o mini');
  await chat.send('/dialogs');
  await chat.expect('Your dialogs');
  await chat.press(/^✅ New dialog$/);
  await chat.expect('Model: GPT-4o mini · 250 tokens a message');
  await chat.press('🤖 Model');
  await chat.expect('Choose the model for');
  await chat.press('GPT-4o · 1,000');
  await chat.expect('Model: GPT-4o · 1,000 tokens a message');
  await chat.press('📜 History: on');
  await chat.expect('History is off');
  await chat.press('✏️ Rename');
  await chat.expect('Send the new name');
  await chat.send('Work');
  await chat.expect('Renamed to “Work”.');

  await chat.send('first');
  await chat.expectWhere(hasSpeakButton, 20_000);
  await chat.send('second');
  const second = await chat.expectWhere(hasSpeakButton, 20_000);
  assert.match(
    second.text ?? '',
    /^Echo \(gpt-4o\): second\nReceived 1 messages/,
    'history off: no earlier messages',
  );
  assert.equal(await available(id), 5_000n - 2_000n);

  await chat.send('/dialogs');
  await chat.expect(/✅ <b>Work · GPT-4o · 4 messages<\/b>|Work · GPT-4o · 4 messages/);
  // Someone else's dialog through a forged button: refused, not shown.
  const other = await newChatter(0n);
  const mine = await stack.db.dialog.findFirstOrThrow({ where: { userId: BigInt(id), title: 'Work' } });
  await other.chat.send('/dialogs');
  const list = await other.chat.expect('Your dialogs');
  const forged = await other.chat.pressData(list.message_id, `v1:dlg:open:${mine.id}`, { forged: true });
  assert.equal(await other.chat.answerOf(forged.callbackQueryId), 'This dialog no longer exists.');
});

test('a deploy waits for a reply that is still streaming: it completes and is charged once', async () => {
  const { id, chat } = await newChatter(1_000n);
  stack.openai.control.setStreamChunkSize(8);
  stack.openai.control.setStreamDelay(30);
  try {
    await chat.send('Keep going long:800');
    await chat.expectWhere((m) => (m.text ?? '').startsWith('Echo (gpt-4o-mini)'), 10_000);
    // SIGTERM while the model is still writing; the new process starts once the old one has exited.
    await stack.restartApp();
    const final = await chat.expectWhere(hasSpeakButton, 30_000);
    assert.equal(final.text, lastStandInReply().trimEnd());
    assert.equal(await available(id), 750n, 'the GPT-4o mini price, once');
    const request = await stack.db.aiRequest.findFirstOrThrow({
      where: { userId: BigInt(id), kind: 'text' },
    });
    assert.equal(request.status, 'succeeded');
  } finally {
    stack.openai.control.setStreamDelay(0);
  }
});
