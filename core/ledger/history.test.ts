import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TStaff } from '#core/accounts/staff.ts';
import { touchUser } from '#core/accounts/touch-user.ts';
import { renderLocalizedText } from '#core/i18n/localized-text.ts';
import { LOCALES_DIR, loadTranslator, type TLang } from '#core/i18n/translator.ts';
import type { PaymentGateway } from '#core/payments/payment-gateway.ts';
import { refundPayment } from '#core/payments/refund-payment.ts';
import { claimPromoCode } from '#core/referrals/claim-promo-code.ts';
import { createPromoCode } from '#core/referrals/create-promo-code.ts';
import { buyWithStars, chatOnModel } from '#tests/support/history-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { adjustBalance } from './adjust-balance.ts';
import { expireDueGrants } from './expire-grants.ts';
import { balanceHistory } from './history.ts';

const translator = loadTranslator(LOCALES_DIR);
const DAY = 86_400_000;
let t: TestDatabase;
let staff: TStaff;

before(async () => {
  t = await createTestDatabase();
  const admin = await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Support' });
  await t.db.adminRole.create({ data: { userId: admin.user.id, role: 'admin' } });
  staff = { id: admin.user.id, role: 'admin' };
});
after(() => t.drop());

const newUser = async (firstName: string, referralCode?: string) =>
  (await touchUser(t.db, { id: uniqueTelegramId(), firstName }, { referralCode })).user;

/** The user's history as they read it, newest first. */
async function lines(userId: bigint, lang: TLang = 'en'): Promise<string[]> {
  const items = await balanceHistory(t.db, { userId, limit: 50 });
  return items.map((item) =>
    renderLocalizedText((key, args) => translator.t(lang, key, args), item.description).replace(
      /[\u00a0\u202f]/g,
      ' ',
    ),
  );
}

const stars: PaymentGateway = {
  open: async () => ({ confirmationUrl: 'https://pay.example/1' }),
  refund: async (payment) => ({ providerRefundId: `refund-${payment.id}` }),
};

test('a real purchase, a chat reply, a refund and a support correction each say what they were', async () => {
  const user = await newUser('Maria');
  const pack = await buyWithStars(t.db, user.id, 'pack-150k');
  await chatOnModel(t.db, user.id, 'gpt-4o');
  const second = await buyWithStars(t.db, user.id, 'pack-250k');
  await refundPayment(
    t.db,
    { stars },
    { staff: { id: staff.id, role: 'finance' }, paymentId: second.id, reason: 'asked' },
  );
  await adjustBalance(t.db, {
    staff,
    userId: user.id,
    asset: 'TOKEN',
    amount: 5_000n,
    reason: 'Sorry for the outage',
    key: `history-test:${user.id}`,
  });
  assert.deepEqual(await lines(user.id), [
    'Correction by support: Sorry for the outage',
    'Refund: 250,000 tokens · forever',
    'Purchase: 250,000 tokens · forever (Telegram Stars)',
    'GPT-4o · chat message',
    'Purchase: 150,000 tokens · forever (Telegram Stars)',
  ]);
  assert.deepEqual((await lines(user.id, 'ru')).slice(3), [
    'GPT-4o · сообщение в чате',
    'Покупка: 150 000 токенов · навсегда (Telegram Stars)',
  ]);
  assert.ok(pack.id < second.id);
});

test('a promo bonus names its code, a referral reward the invitee, and expired plan tokens the plan', async () => {
  const inviter = await newUser('Ivan');
  const friend = await newUser('Anna', inviter.referralCode);
  await createPromoCode(t.db, {
    staff,
    promo: { code: 'SPRING25', kind: 'bonus_tokens', bonusTokens: 1_000n },
  });
  await claimPromoCode(t.db, { userId: inviter.id, code: 'spring25' });
  await buyWithStars(t.db, inviter.id, 'ai-sub-7d');
  await buyWithStars(t.db, friend.id, 'pack-150k');
  await expireDueGrants(t.db, new Date(Date.now() + 8 * DAY));
  assert.deepEqual(await lines(inviter.id), [
    'Expired: AI plan · 7 days · 150,000 tokens',
    'Referral reward: Anna made a purchase',
    'Purchase: AI plan · 7 days · 150,000 tokens (Telegram Stars)',
    'Promo code SPRING25',
  ]);
  // The friend's own history names their purchase, and nothing of the inviter.
  assert.deepEqual(await lines(friend.id), ['Purchase: 150,000 tokens · forever (Telegram Stars)']);
});
