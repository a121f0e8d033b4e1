import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TStaff } from '#core/accounts/staff.ts';
import { createPromoCode, type TNewPromoCode } from '#core/referrals/create-promo-code.ts';
import { disablePromoCode } from '#core/referrals/disable-promo-code.ts';
import { type OfflineBot, onlyCall, startOfflineBot } from '#tests/support/offline-bot.ts';

let t: OfflineBot;
let admin: TStaff;
let codes = 0;
before(async () => {
  t = await startOfflineBot();
  admin = { id: (await t.user()).id, role: 'super_admin' };
});
after(() => t.close());

/** A new code in the database, as an admin would create it; returns the code as stored. */
const newCode = async (promo: TNewPromoCode) =>
  (await createPromoCode(t.database.db, { staff: admin, promo })).code;
const fresh = () => `P${process.pid}X${codes++}`;
const plain = (text: unknown) => String(text).replace(/[\u00a0\u202f]/g, ' ');

test('/promo without a code explains how to use it', async () => {
  const user = await t.user({ lang: 'ru' });
  assert.equal(onlyCall(await user.send('/promo'), 'sendMessage').text, t.translator.t('ru', 'promo-usage'));
});

test('refusals are said in the user’s language and credit nothing: unknown, disabled, used twice', async () => {
  const user = await t.user({ lang: 'ru' });
  const reply = async (text: string) => onlyCall(await user.send(text), 'sendMessage').text;
  assert.equal(
    await reply('/promo NOSUCHCODE'),
    'Такого промокода нет. Проверьте написание и попробуйте ещё раз.',
  );

  const off = await newCode({ code: fresh(), kind: 'bonus_tokens', bonusTokens: 1_000n });
  await disablePromoCode(t.database.db, { staff: admin, code: off });
  assert.equal(await reply(`/promo ${off}`), t.translator.t('ru', 'promo-refused-disabled'));

  const bonus = await newCode({ code: fresh(), kind: 'bonus_tokens', bonusTokens: 25_000n });
  assert.equal(
    plain(await reply(`/promo ${bonus.toLowerCase()}`)),
    `🎁 Промокод ${bonus} применён. Начислено токенов: 25 000. Ваш баланс: 25 000.`,
  );
  assert.equal(await reply(`/promo ${bonus}`), t.translator.t('ru', 'promo-refused-already-used'));
  const tokens = await t.database.db.ledgerAccount.findUnique({
    where: { userId_asset: { userId: user.id, asset: 'TOKEN' } },
  });
  assert.equal(tokens?.balance, 25_000n, 'credited once');
});

test('a discount code is saved for the next purchase', async () => {
  const user = await t.user({ lang: 'en' });
  const code = await newCode({ code: fresh(), kind: 'percent_discount', percentOff: 15 });
  const saved = onlyCall(await user.send(`/promo ${code}`), 'sendMessage').text;
  assert.equal(
    saved,
    `🎟 Promo code ${code} saved: 15% off on any purchase. It applies to your next purchase.`,
  );
});
