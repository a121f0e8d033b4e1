import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { buttonTexts, type OfflineBot, onlyCall, startOfflineBot } from '#tests/support/offline-bot.ts';

let t: OfflineBot;
before(async () => {
  t = await startOfflineBot();
});
after(() => t.close());

const fund = (userId: bigint, kopecks: bigint) =>
  t.database.db.$transaction((tx) =>
    postTransaction(tx, {
      key: `test-fund:${userId}`,
      type: 'manual',
      actor: { type: 'system' },
      reason: 'test funds',
      postings: [
        { account: { platform: 'adjustments', asset: 'RUB' }, amount: -kopecks },
        { account: { user: userId, asset: 'RUB' }, amount: kopecks },
      ],
    }),
  );
const rub = async (userId: bigint) =>
  (await t.database.db.ledgerAccount.findUnique({ where: { userId_asset: { userId, asset: 'RUB' } } }))
    ?.balance ?? 0n;

test('/buy with money in the wallet: pay from it in place, a double tap pays once', async () => {
  const user = await t.user({ lang: 'ru' });
  await fund(user.id, 20_000n);
  await user.send('/buy');
  await user.press('🪙 Пакеты токенов');
  const methods = onlyCall(await user.press(/^150 000 токенов/), 'editMessageText');
  assert.deepEqual(buttonTexts(methods).at(-2), ['💼 Из кошелька · 149 ₽ (на балансе 200 ₽)']);

  const taps = await Promise.all([user.press(/^💼 Из кошелька/), user.press(/^💼 Из кошелька/)]);
  // The two presses' windows overlap, so one call may be in both lists.
  const edits = [...new Set(taps.flat())].filter((c) => c.method === 'editMessageText');
  assert.equal(edits.length, 1, 'one answer for one payment');
  assert.equal(
    edits[0]?.payload.text,
    '✅ Оплачено из кошелька 149 ₽: 150 000 токенов · навсегда. Остаток: 51 ₽.',
  );
  const payments = await t.database.db.payment.findMany({ where: { userId: user.id } });
  assert.deepEqual(
    payments.map((p) => [p.provider, p.status, p.amount]),
    [['wallet', 'succeeded', 14_900n]],
  );
  assert.equal(await rub(user.id), 5_100n);
});

test('/buy with too little in the wallet: the button says what is missing and leads to the top-ups', async () => {
  const user = await t.user({ lang: 'ru' });
  await fund(user.id, 10_000n);
  await user.send('/buy');
  await user.press('🛡 Тарифы VPN');
  const methods = onlyCall(await user.press(/^VPN Базовый · 30 дней/), 'editMessageText');
  assert.deepEqual(buttonTexts(methods).at(-2), ['💼 Кошелёк: не хватает 99 ₽ · пополнить']);
  const shelf = onlyCall(await user.press(/не хватает 99 ₽/), 'editMessageText');
  assert.deepEqual(
    buttonTexts(shelf)
      .slice(0, 4)
      .map(([text]) => text?.replace(/ · [^·]+$/, '')),
    [
      'Пополнение кошелька · 300 ₽',
      'Пополнение кошелька · 500 ₽',
      'Пополнение кошелька · 1 000 ₽',
      'Пополнение кошелька · 3 000 ₽',
    ],
  );
  const topup = onlyCall(await user.press(/^Пополнение кошелька · 300 ₽/), 'editMessageText');
  assert.ok(
    buttonTexts(topup).every(([text]) => !text?.startsWith('💼')),
    'the wallet does not pay for its own top-up',
  );
});
