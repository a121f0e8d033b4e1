import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { settleFailed } from '#core/ai/generation/settle-generation.ts';
import { syncModelCatalog } from '#core/ai/models/sync-model-catalog.ts';
import { createLogger } from '#core/logging/logger.ts';
import { type OfflineBot, startOfflineBot } from '#tests/support/offline-bot.ts';
import { creditUser } from '#tests/support/studio-fixtures.ts';

// The generation commands of the user bot, offline: the picker and price steps, the hour's quota and the
// refusals. Providers are configured (so models are offered) but never called: nothing here runs a job.

let t: OfflineBot;
/** The one bonus code the bot may name to a user out of tokens (WELCOME_PROMO_CODES). */
const WELCOME_CODE = `WELCOME${process.pid}`;
before(async () => {
  t = await startOfflineBot({
    env: {
      WELCOME_PROMO_CODES: WELCOME_CODE,
      AI_PROVIDERS: JSON.stringify({
        openai: { type: 'openai', baseUrl: 'http://127.0.0.1:9/v1', keys: ['sk-offline'] },
        replicate: { type: 'prediction', baseUrl: 'http://127.0.0.1:9/v1', keys: ['r8-offline'] },
      }),
    },
  });
  await syncModelCatalog(t.database.db);
});
after(() => t.close());

const db = () => t.database.db;
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const requestsOf = (userId: bigint) => db().aiRequest.findMany({ where: { userId }, orderBy: { id: 'asc' } });
const holdsOf = (userId: bigint) => db().hold.findMany({ where: { account: { userId } } });
const buttons = (message: { buttons: { text: string }[][] } | undefined) =>
  (message?.buttons ?? []).map((row) => row.map((b) => b.text));

test('/music shows Suno’s price and charges nothing until confirmed; Cancel charges nothing', async () => {
  const user = await t.user({ lang: 'en' });
  await creditUser(db(), user.id, 40_000n);

  await user.send('/music an upbeat synth-pop song about summer nights');
  const offer = user.chat().at(-1);
  assert.equal(
    offer?.text,
    'Suno · 15,000 tokens\n\n“an upbeat synth-pop song about summer nights”\n\n' +
      '5 of 5 generations left this hour on the free tier.',
  );
  assert.deepEqual(buttons(offer), [['▶️ Generate · 15,000'], ['Cancel']]);
  assert.deepEqual(await requestsOf(user.id), [], 'nothing is asked of anyone before the press');
  assert.deepEqual(await holdsOf(user.id), []);

  await user.press('Cancel');
  assert.equal(user.lastText(), 'Canceled. Nothing was charged.');
  assert.deepEqual(buttons(user.chat().at(-1)), []);
  assert.deepEqual(await holdsOf(user.id), []);
  assert.deepEqual(await requestsOf(user.id), []);

  await user.send('/music a slow jazz ballad');
  await user.press('▶️ Generate · 15,000');
  const [request, ...more] = await requestsOf(user.id);
  assert.deepEqual(more, [], 'one request');
  assert.deepEqual(
    { model: request?.modelId, price: request?.price, prompt: request?.prompt, status: request?.status },
    { model: 'suno', price: 15_000n, prompt: 'a slow jazz ballad', status: 'queued' },
  );
  const holds = await holdsOf(user.id);
  assert.deepEqual(
    holds.map((h) => [h.key, h.amount, h.status]),
    [[`ai:${request?.id}`, 15_000n, 'active']],
  );
  // The price step became the request's status message: its buttons are gone, so it cannot start twice.
  assert.match(user.lastText(), /^⏳ Suno · 15,000 tokens\nIn the queue…/);
  assert.deepEqual(buttons(user.chat().at(-1)), []);
  await assert.rejects(async () => user.press('▶️ Generate · 15,000'), /no button/);
});

test('/tts has the same price step, in Russian', async () => {
  const user = await t.user({ lang: 'ru' });
  await creditUser(db(), user.id, 10_000n);
  await user.send('/tts Доброе утро!');
  assert.equal(
    plain(user.lastText()),
    'Text to speech · 2 000 токенов\n\n«Доброе утро!»\n\n' +
      'Осталось генераций в этом часе на бесплатном тарифе: 5 из 5.',
  );
  await user.press(/^▶️ Создать · 2\s000$/);
  assert.equal((await requestsOf(user.id)).length, 1);
  assert.equal((await holdsOf(user.id))[0]?.amount, 2_000n);
});

test('every picker shows the hour’s quota before a pick; a failed generation gives its slot back', async () => {
  const user = await t.user({ lang: 'en' });
  await creditUser(db(), user.id, 100_000n);
  await user.send('/image a red fox');
  assert.match(user.lastText(), /^Choose a model for:\n“a red fox”\n\n5 of 5 generations left this hour/);
  await user.press(/^DALL·E 3/);
  await user.send('/image a blue fox');
  assert.match(user.lastText(), /4 of 5 generations left this hour on the free tier\.$/);

  const [first] = await requestsOf(user.id);
  assert.ok(first);
  const deps = { db: db(), logger: createLogger({ level: 'silent', name: 'generate-test' }) };
  const failure = { code: 'provider_failed', message: 'no output' } as const;
  await settleFailed(deps, first, failure);
  await settleFailed(deps, first, failure);
  await user.send('/video a green fox');
  assert.match(user.lastText(), /5 of 5 generations left this hour on the free tier\.$/, 'given back once');
});

/** `count` accepted generation rows of the last hour, as acceptGeneration leaves them. */
async function usedSlots(userId: bigint, count: number) {
  for (let i = 0; i < count; i++) {
    const row = await db().aiRequest.create({
      data: { userId, kind: 'image', modelId: 'dall-e-3', source: 'bot', status: 'succeeded', price: 8_000n },
    });
    await db().aiRequest.update({ where: { id: row.id }, data: { holdKey: `ai:${row.id}` } });
  }
}

test('with the hour used up a picker says when the next fits, in the words of the user’s tier', async () => {
  const free = await t.user({ lang: 'en' });
  await creditUser(db(), free.id, 100_000n);
  await usedSlots(free.id, 5);
  await free.send('/music a lullaby');
  const refusal = lastMessage(free);
  assert.match(
    refusal.text,
    /^You have used all 5 generations for this hour on the free tier\. You can start the next one in (59|60) min \(at (?:[^()]+, )?\d\d:\d\d UTC\)\. A plan raises the limit to 100 an hour: \/buy$/,
  );
  assert.deepEqual(buttons(refusal), [['💳 Plans and tokens']]);
  assert.deepEqual(await holdsOf(free.id), [], 'no price step, nothing reserved');
  // Once the Mini App has reported the device's zone, the time is said in it.
  await db().user.update({ where: { id: free.id }, data: { timeZone: 'Asia/Yekaterinburg' } });
  await free.send('/music a lullaby');
  assert.match(lastMessage(free).text, /in (59|60) min \(at (?:[^()]+, )?\d\d:\d\d \(GMT\+5\)\)\./);

  const subscriber = await t.user({ lang: 'en' });
  await creditUser(db(), subscriber.id, 100_000n);
  await db().entitlement.create({
    data: {
      userId: subscriber.id,
      kind: 'ai_subscription',
      productId: 'ai-sub-7d',
      tier: 'basic',
      startsAt: new Date(Date.now() - 1_000),
      endsAt: new Date(Date.now() + 86_400_000),
    },
  });
  await usedSlots(subscriber.id, 99);
  await subscriber.send('/image a castle');
  assert.match(subscriber.lastText(), /1 of 100 generations left this hour on your plan\.$/);
  await usedSlots(subscriber.id, 1);
  await subscriber.send('/image a castle');
  const planRefusal = lastMessage(subscriber);
  assert.match(planRefusal.text, /^You have used all 100 generations for this hour on your plan\. /);
  assert.doesNotMatch(planRefusal.text, /free tier|\/buy/);
  assert.deepEqual(buttons(planRefusal), []);
});

function lastMessage(user: { chat(): { text: string; buttons: { text: string }[][] }[] }) {
  const message = user.chat().at(-1);
  assert.ok(message, 'a message');
  return message;
}

test('too few tokens: the refusal names the cheapest plan and pack with prices, and a free bonus code', async () => {
  const user = await t.user({ lang: 'en' });
  await creditUser(db(), user.id, 1_000n);
  const admin = await t.user({ lang: 'en' });
  const code = WELCOME_CODE;
  await db().promoCode.create({
    data: { code, kind: 'bonus_tokens', bonusTokens: 20_000n, createdById: admin.id },
  });
  // A bigger code made for one partner's audience: never advertised to everyone.
  await db().promoCode.create({
    data: {
      code: `PARTNER${process.pid}`,
      kind: 'bonus_tokens',
      bonusTokens: 90_000n,
      createdById: admin.id,
    },
  });
  await user.send('/image a lighthouse');
  await user.press(/^DALL·E 3/);
  const refusal = lastMessage(user);
  assert.equal(
    plain(refusal.text),
    [
      'Not enough tokens: this costs 8,000, you have 1,000.',
      'Top up with /buy.',
      '',
      'The cheapest ways to get tokens:',
      '• Plan: AI plan · 7 days · 150,000 tokens, 98 ₽ or 65 ⭐',
      '• Tokens: 150,000 tokens · forever, 149 ₽ or 100 ⭐',
      `🎁 Or free: send /promo ${code} for 20,000 tokens.`,
    ].join('\n'),
  );
  assert.deepEqual(buttons(refusal), [
    ['AI plan · 7 days · 150,000 tokens · 98 ₽'],
    ['150,000 tokens · forever · 149 ₽'],
    ['🛒 All plans and packs'],
  ]);
  assert.deepEqual(await holdsOf(user.id), []);

  // The plan's button goes straight to its payment methods.
  await user.press('AI plan · 7 days · 150,000 tokens · 98 ₽');
  assert.match(user.lastText(), /AI plan · 7 days · 150,000 tokens/);
  assert.ok(
    buttons(user.chat().at(-1))
      .flat()
      .some((b) => /⭐/.test(b)),
    'a Stars button',
  );

  // Once a user has claimed the code it is not offered to them again.
  const claimed = await t.user({ lang: 'en' });
  await claimed.send(`/promo ${code}`);
  await claimed.send('/video a paper boat');
  await claimed.press(/^Sora 2/);
  await claimed.press(/^16:9 · 4 s$/);
  assert.match(plain(claimed.lastText()), /^Not enough tokens: this costs 50,000, you have 20,000\./);
  assert.match(claimed.lastText(), /The cheapest ways to get tokens/);
  assert.doesNotMatch(claimed.lastText(), /promo/);
});
