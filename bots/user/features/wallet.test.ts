import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import { type OfflineBot, onlyCall, startOfflineBot } from '#tests/support/offline-bot.ts';

let t: OfflineBot;
before(async () => {
  t = await startOfflineBot();
});
after(() => t.close());

// Intl groups Russian thousands with a no-break space.
const plain = (text: unknown) => String(text).replace(/[\u00a0\u202f]/g, ' ');

const credit = (userId: bigint, amount: bigint, expiresAt: Date | null) =>
  t.database.db.$transaction(
    (tx) =>
      creditTokens(tx, {
        key: `wallet-test:${userId}:${amount}`,
        userId,
        amount,
        source: expiresAt ? 'subscription' : 'purchase',
        expiresAt,
        type: 'topup',
        actor: { type: 'system' },
        reason: 'test',
      }),
    LEDGER_TX_OPTIONS,
  );

test('/balance of a new user: no tokens, and where to get some', async () => {
  const user = await t.user({ lang: 'ru' });
  const reply = onlyCall(await user.send('/balance'), 'sendMessage');
  assert.equal(
    reply.text,
    '💰 <b>Ваш баланс</b>\n\nТокены: <b>0</b>\n\nУ вас пока нет токенов. Купить: /buy.',
  );
  assert.equal(reply.parse_mode, 'HTML');
});

test('/balance lists each grant, perpetual or until its expiry, in the user’s number format', async () => {
  const expiry = new Date('2031-01-02T03:04:00Z');
  const ru = await t.user({ lang: 'ru' });
  await credit(ru.id, 150_000n, null);
  await credit(ru.id, 5_000n, expiry);
  const text = plain(onlyCall(await ru.send('/balance'), 'sendMessage').text);
  assert.match(text, /^💰 <b>Ваш баланс<\/b>\n\nТокены: <b>155 000<\/b>\n\nВаши токены:\n/);
  assert.ok(text.includes('• 150 000: бессрочно'), text);
  assert.match(text, /• 5 000: до .*2031/);
  assert.ok(!text.includes('У вас пока нет токенов'));

  const en = await t.user({ lang: 'en' });
  await credit(en.id, 1_250_000n, null);
  const english = String(onlyCall(await en.send('/balance'), 'sendMessage').text);
  assert.match(english, /Tokens: <b>1,250,000<\/b>/);
  assert.ok(english.includes('• 1,250,000: forever'), english);
});
