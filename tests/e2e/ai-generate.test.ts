import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import { buttonsOf } from './chat.ts';
import { uniqueUserId } from './ids.ts';
import { signUp } from './signup-helper.ts';
import { type Stack, startStack } from './stack.ts';

let stack: Stack;
before(async () => {
  stack = await startStack({ name: 'ai-generate' });
});
after(() => stack?.stop());

const tokens = async (userId: number) =>
  (
    await stack.db.ledgerAccount.findUnique({
      where: { userId_asset: { userId: BigInt(userId), asset: 'TOKEN' } },
    })
  )?.balance ?? 0n;

const credit = (userId: number, amount: bigint) =>
  stack.db.$transaction(
    (tx) =>
      creditTokens(tx, {
        key: `e2e-generate:${userId}`,
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

test('/image: a model picker with prices, a status message the worker edits, then the picture; the price is charged', async () => {
  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Ima', language: 'en' });
  await credit(id, 20_000n);
  // Long enough for the worker to poll a few times and show progress.
  stack.predictions.control.setModel('stability-ai/stable-diffusion-3.5-large', {
    kind: 'image',
    delayMs: 2_500,
  });

  await chat.send('/image');
  await chat.expect('Describe the picture after the command');

  await chat.send('/image a lighthouse in a storm, oil painting');
  const picker = await chat.expect('Choose a model for:\n“a lighthouse in a storm, oil painting”');
  const labels = buttonsOf(picker).map((b) => b.text);
  assert.ok(labels.includes('DALL·E 3 · 8,000'), labels.join(' | '));
  assert.ok(labels.includes('Stable Diffusion · 5,000'), labels.join(' | '));

  await chat.press('Stable Diffusion · 5,000');
  const photo = await chat.expectWhere((m) => m.media?.kind === 'photo', 30_000);
  assert.equal(photo.caption, 'Stable Diffusion: a lighthouse in a storm, oil painting');
  assert.equal(photo.reply_to_message_id, picker.message_id, 'the result answers its status message');
  const status = await chat.expectWhere(
    (m) => m.message_id === picker.message_id && /done/.test(m.text ?? ''),
    10_000,
  );
  assert.equal(status.text, '✅ Stable Diffusion: done. Charged: 5,000 tokens.');
  assert.deepEqual(buttonsOf(status), [], 'the picker buttons are gone');

  // What the status message said along the way: queued (the bot), working with progress (the worker), done.
  const edits = (await stack.telegram.calls({ token: stack.userBot.token, method: 'editMessageText' }))
    .filter((c) => Number(c.params.chat_id) === id && Number(c.params.message_id) === picker.message_id)
    .map((c) => String(c.params.text));
  assert.match(edits[0] ?? '', /^⏳ Stable Diffusion · 5,000 tokens\nIn the queue…$/);
  assert.ok(
    edits.some((t) => /^⚙️ Stable Diffusion: working on it…/.test(t)),
    `a progress edit: ${edits.join(' / ')}`,
  );
  assert.equal(edits.at(-1), '✅ Stable Diffusion: done. Charged: 5,000 tokens.');
  assert.equal(await tokens(id), 15_000n);

  const request = await stack.db.aiRequest.findFirstOrThrow({ where: { userId: BigInt(id) } });
  assert.deepEqual(
    { status: request.status, charged: request.charged, source: request.source, modelId: request.modelId },
    { status: 'succeeded', charged: 5_000n, source: 'bot', modelId: 'stable-diffusion' },
  );
});

test('/image with too few tokens is refused with the price and a /buy hint; nothing is reserved', async () => {
  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Poor', language: 'ru' });
  await credit(id, 1_000n);
  await chat.send('/image кот в сапогах');
  await chat.expect('Выберите модель для запроса');
  await chat.press(/^DALL·E 3/);
  const refusal = await chat.expect(
    /^Не хватает токенов: нужно 8\s000, у вас 1\s000\.\nПополнить баланс: \/buy\.\n\n/,
  );
  assert.match(refusal.text ?? '', /• Тариф: AI-тариф · 7 дней · 150\s000 токенов, 98\s₽ или 65\s⭐/);
  assert.match(refusal.text ?? '', /• Токены: 150\s000 токенов · навсегда, 149\s₽ или 100\s⭐/);
  assert.equal(await stack.db.aiRequest.count({ where: { userId: BigInt(id) } }), 0);
  assert.equal(await tokens(id), 1_000n);
});

test('a photo → the tools with prices; replace background asks for the new one, then the result arrives', async () => {
  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Pho', language: 'en' });
  await credit(id, 10_000n);
  const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3070c0' } })
    .png()
    .toBuffer();
  await stack.telegram.sendPhoto({ token: stack.userBot.token, userId: id, bytes: png, fileName: 'me.png' });
  const tools = await chat.expect('What should I do with this photo?');
  assert.deepEqual(
    buttonsOf(tools).map((b) => b.text),
    [
      '⬆️ Upscale · 3,000',
      '✂️ Remove background · 2,000',
      '🖼 Replace background · 3,500',
      '📐 Vectorize (SVG) · 4,000',
    ],
  );
  await chat.press('🖼 Replace background');
  await chat.expect('Describe the new background in one message');
  await chat.send('a sunny beach at sunset');
  const result = await chat.expectWhere((m) => m.media?.kind === 'photo', 30_000);
  assert.equal(result.caption, 'Replace background: a sunny beach at sunset');
  await chat.expectWhere((m) => /^✅ Replace background: done/.test(m.text ?? ''), 10_000);
  assert.equal(await tokens(id), 6_500n);

  const request = await stack.db.aiRequest.findFirstOrThrow({ where: { userId: BigInt(id) } });
  const [inputId] = (request.params as { inputFileIds: string[] }).inputFileIds;
  const input = await stack.db.storedFile.findUniqueOrThrow({ where: { id: inputId ?? '' } });
  assert.deepEqual({ owner: input.userId, kind: input.kind }, { owner: BigInt(id), kind: 'image' });
  assert.equal(request.prompt, 'a sunny beach at sunset');
});

test('/tts shows its price and quota first; the sixth of an hour on the free tier is refused with the time the next fits', async () => {
  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Lim', language: 'en' });
  await credit(id, 100_000n);
  for (let i = 1; i <= 5; i++) {
    await chat.send(`/tts Line number ${i}.`);
    await chat.expect(`${6 - i} of 5 generations left this hour on the free tier.`);
    await chat.press('▶️ Generate · 2,000');
    await chat.expectWhere((m) => m.media?.kind === 'audio', 20_000);
  }
  await chat.send('/tts One more line.');
  const refusal = await chat.expect('You have used all 5 generations for this hour on the free tier.');
  assert.match(refusal.text ?? '', /A plan raises the limit to 100 an hour: \/buy$/);
  const first = await stack.db.aiRequest.findFirstOrThrow({
    where: { userId: BigInt(id) },
    orderBy: { id: 'asc' },
  });
  const at = new Date(first.createdAt.getTime() + 3_600_000).toISOString().slice(11, 16);
  // When the next slot is past midnight UTC the date comes first ("Dec 8, 00:13 UTC").
  assert.match(refusal.text ?? '', new RegExp(`in (59|60) min \\(at (?:[^()]+, )?${at} UTC\\)`));
  assert.equal(await stack.db.aiRequest.count({ where: { userId: BigInt(id) } }), 5);
  assert.equal(await tokens(id), 100_000n - 5n * 2_000n);
});
