import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { syncModelCatalog } from '#core/ai/models/sync-model-catalog.ts';
import { type OfflineBot, startOfflineBot } from '#tests/support/offline-bot.ts';

// A new user's first chat message at zero balance: the refusal is the first thing they meet, so it points
// to the cheapest ways in. Providers are configured but never called: the refusal comes before.

let t: OfflineBot;
before(async () => {
  t = await startOfflineBot({
    env: {
      AI_PROVIDERS: JSON.stringify({
        openai: { type: 'openai', baseUrl: 'http://127.0.0.1:9/v1', keys: ['sk-offline'] },
      }),
    },
  });
  await syncModelCatalog(t.database.db);
});
after(() => t.close());

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

test('the first message at zero balance names the cheapest plan and pack, with buttons to them', async () => {
  const user = await t.user({ lang: 'ru' });
  await user.send('Привет!');
  // The reply runs outside the update's handler (bots/user/features/chat.ts): wait for it.
  let refusal = user.chat().find((m) => m.text.startsWith('Не хватает токенов'));
  for (let i = 0; i < 100 && !refusal; i++) {
    await sleep(50);
    refusal = user.chat().find((m) => m.text.startsWith('Не хватает токенов'));
  }
  assert.ok(refusal, `a refusal: ${JSON.stringify(user.chat())}`);
  assert.match(
    plain(refusal.text),
    /^Не хватает токенов: сообщение для .+ стоит \d+, а у вас 0\. Пополнить баланс: \/buy\.\n\n/,
  );
  assert.ok(
    plain(refusal.text).endsWith(
      [
        'Самые недорогие способы получить токены:',
        '• Тариф: AI-тариф · 7 дней · 150 000 токенов, 98 ₽ или 65 ⭐',
        '• Токены: 150 000 токенов · навсегда, 149 ₽ или 100 ⭐',
      ].join('\n'),
    ),
    refusal.text,
  );
  assert.deepEqual(
    refusal.buttons.map((row) => row.map((b) => plain(b.text))),
    [
      ['AI-тариф · 7 дней · 150 000 токенов · 98 ₽'],
      ['150 000 токенов · навсегда · 149 ₽'],
      ['🛒 Все тарифы и пакеты'],
    ],
  );
});
