import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import type { Asset } from '#core/db/generated/client.ts';
import { confirmPayment } from '#core/payments/confirm-payment.ts';
import { startCheckout } from '#core/payments/start-checkout.ts';
import { createPartner } from '#core/referrals/create-partner.ts';
import { buttonsOf, Chat } from './chat.ts';
import { uniqueUserId } from './ids.ts';
import { signUp } from './signup-helper.ts';
import { type Stack, startStack } from './stack.ts';

const adminId = uniqueUserId();
let stack: Stack;
let admin: Chat;

before(async () => {
  stack = await startStack({ name: 'promo-partners', superAdminIds: [adminId] });
  await stack.telegram.upsertUser({ id: adminId, first_name: 'Boss', language_code: 'en' });
  admin = new Chat(stack.telegram, stack.adminBot.token, adminId);
});
after(() => stack?.stop());

const balance = async (userId: number, asset: Asset) =>
  (await stack.db.ledgerAccount.findUnique({ where: { userId_asset: { userId: BigInt(userId), asset } } }))
    ?.balance ?? 0n;
const platform = async (code: string) =>
  (await stack.db.ledgerAccount.findUnique({ where: { code_asset: { code, asset: 'RUB' } } }))?.balance ?? 0n;

test('/promo: a bonus code credits tokens once; the second try of a one-per-user code is refused', async () => {
  const code = `WELCOME${adminId % 100_000}`;
  await admin.send(`/promo_new ${code} bonus 5000 max=10`);
  await admin.expect(`Promo code ${code} created: 5,000 tokens, on any purchase.`);

  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Promo', language: 'en' });
  await chat.send(`/promo ${code.toLowerCase()}`);
  await chat.expect(`Promo code ${code} applied: 5,000 tokens credited. Your balance: 5,000 tokens.`);
  await chat.send(`/promo ${code}`);
  await chat.expect('You have already used this promo code.');
  await chat.send('/promo NOPE-NOT-A-CODE');
  await chat.expect('There is no such promo code.');

  assert.equal(await balance(id, 'TOKEN'), 5_000n);
  const promo = await stack.db.promoCode.findUniqueOrThrow({ where: { code } });
  assert.equal(promo.redemptionsCount, 1);
  assert.equal(
    await stack.db.promoRedemption.count({ where: { promoCodeId: promo.id, userId: BigInt(id) } }),
    1,
  );
});

test('a 50% code claimed with /promo halves the Stars invoice and is redeemed by the payment', async () => {
  const code = `HALF${adminId % 100_000}`;
  await admin.send(`/promo_new ${code} percent 50 product=pack-150k`);
  await admin.expect(`Promo code ${code} created: 50% off, on 150,000 tokens · forever.`);

  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Half', language: 'en' });
  await chat.send(`/promo ${code}`);
  await chat.expect(
    `Promo code ${code} saved: 50% off on 150,000 tokens · forever. It applies to your next purchase.`,
  );
  await chat.send('/buy');
  await chat.expect('What would you like to buy?');
  await chat.press('Token packs');
  await chat.expect('Choose a product');
  await chat.press('150,000 tokens');
  await chat.expect(`Promo code ${code} applies`);
  await chat.press('Telegram Stars · 50 ⭐ instead of 100 ⭐');
  const invoice = await chat.expectWhere((m) => m.message.invoice !== undefined);
  assert.equal(invoice.message.invoice?.total_amount, 50);

  const paid = await stack.telegram.payInvoice({
    token: stack.userBot.token,
    userId: id,
    messageId: invoice.message_id,
  });
  assert.equal(paid.status, 'paid');
  await chat.expect('Payment received: 150,000 tokens · forever. Token balance: 150,000.');
  const payment = await stack.db.payment.findFirstOrThrow({ where: { userId: BigInt(id) } });
  const promo = await stack.db.promoCode.findUniqueOrThrow({ where: { code } });
  assert.deepEqual([payment.amount, payment.discount, payment.promoCodeId], [50n, 50n, promo.id]);
  const redemption = await stack.db.promoRedemption.findFirstOrThrow({ where: { promoCodeId: promo.id } });
  assert.equal(redemption.paymentId, payment.id);
  assert.equal(promo.redemptionsCount, 1);
  assert.equal(await stack.db.promoClaim.count({ where: { userId: BigInt(id) } }), 0);
});

test('partner link → signup → purchases pay the partner 10%; payouts rejected and approved with notices', async () => {
  const partnerId = uniqueUserId();
  const partner = await signUp(stack, {
    id: partnerId,
    firstName: 'Pat',
    username: `pat${partnerId}`,
    language: 'en',
  });
  await admin.send(`/partner_new @pat${partnerId}`);
  const created = await admin.expect('Pat is now a partner (10%).');
  const link = new RegExp(`https://t\\.me/${stack.userBot.username}\\?start=(p_[a-z0-9]+)`).exec(
    created.text ?? '',
  );
  assert.ok(link?.[1], `a link to the user bot in: ${created.text}`);

  // The referred person opens the link: /start with the payload, then the usual signup.
  const buyerId = uniqueUserId();
  await stack.telegram.upsertUser({ id: buyerId, first_name: 'Ref', language_code: 'en' });
  const buyer = new Chat(stack.telegram, stack.userBot.token, buyerId);
  await buyer.send(`/start ${link[1]}`);
  await buyer.expect('Choose your language');
  await buyer.press('English');
  await buyer.expect('terms');
  await buyer.press('I accept');
  await buyer.expect('Add an email');
  await buyer.press('Skip');
  await buyer.expect('Main menu');
  const partnerRow = await stack.db.partner.findUniqueOrThrow({ where: { userId: BigInt(partnerId) } });
  const buyerRow = await stack.db.user.findUniqueOrThrow({ where: { id: BigInt(buyerId) } });
  assert.equal(buyerRow.partnerId, partnerRow.id);

  // Rouble purchases, confirmed the way a verified YooKassa notification confirms them.
  for (let i = 0; i < 2; i++) {
    const payment = await startCheckout(stack.db, {
      userId: BigInt(buyerId),
      productId: 'ai-sub-30d-max',
      provider: 'yookassa',
    });
    await confirmPayment(stack.db, {
      paymentId: payment.id,
      provider: 'yookassa',
      providerPaymentId: `yk-${payment.id}`,
      amount: payment.amount,
      currency: 'RUB',
      raw: {},
    });
    assert.equal(await balance(partnerId, 'RUB'), BigInt(i + 1) * 27_900n, '10% of 2,790 ₽ per purchase');
  }
  await partner.send('/partner');
  await partner.expect(/Available for payout: 558 ₽/);

  await partner.send('/payout');
  await partner.expect('Payouts need a verified email.');
  await stack.db.user.update({
    where: { id: BigInt(partnerId) },
    data: { email: `pat${partnerId}@example.com`, emailVerifiedAt: new Date() },
  });

  // First request, by card. (The partner's updates stay under the bot's flood limit of 20 in 10 s.)
  await partner.send('/payout');
  await partner.expect('Available: 558 ₽. How should we send it?');
  await partner.press('Bank card (₽)');
  await partner.expect('Send the card number');
  await partner.send('2200 0000 0000 0004');
  await partner.expect('How much of your 558 ₽ do you want to withdraw? The minimum is 500 ₽.');
  await partner.send('500');
  await partner.expect(/Check your payout.*To: 2200000000000004.*You receive: 500 ₽/s);
  assert.equal(
    await stack.db.payoutRequest.count({ where: { userId: BigInt(partnerId) } }),
    0,
    'nothing yet',
  );
  await partner.press('Request the payout');
  const first = await partner.expect(
    /Payout request #(\d+) sent: 500 ₽ to 2200000000000004.*Left on this balance: 58 ₽/s,
  );
  const firstId = /#(\d+)/.exec(first.text ?? '')?.[1];
  assert.equal(await platform('payouts_in_flight'), 50_000n);
  await admin.send('/payouts');
  await admin.expect(new RegExp(`Payout #${firstId}: 500 ₽ by Bank card \\(₽\\)\\s+To: 2200000000000004`));
  await admin.press('Reject');
  await admin.expect(`Why is payout #${firstId} rejected?`);
  await admin.send('card number is wrong');
  await admin.expect(`Payout #${firstId} is rejected: card number is wrong`);
  await partner.expect(`Payout #${firstId} of 500 ₽ was declined: card number is wrong.`);
  assert.equal(await balance(partnerId, 'RUB'), 55_800n);

  // Second request, by SBP: approved; the money leaves the platform.
  await partner.send('/payout');
  await partner.press('SBP by phone (₽)');
  await partner.expect('Send the phone number for the SBP transfer');
  await partner.send('8 999 123-45-67');
  await partner.expect('Which bank should receive it?');
  await partner.send('T-Bank');
  await partner.expect('How much of your 558 ₽');
  await partner.send('500');
  await partner.expect(/To: \+79991234567 \(T-Bank\)/);
  await partner.press('Request the payout');
  const second = await partner.expect(/Payout request #(\d+) sent: 500 ₽/);
  const secondId = /#(\d+)/.exec(second.text ?? '')?.[1];
  await admin.send('/payouts');
  await admin.expect(`Payout #${secondId}: 500 ₽ by SBP by phone (₽)`);
  const approve = await admin.press('Paid');
  assert.match(
    (await admin.answerOf(approve.callbackQueryId)) ?? '',
    new RegExp(`Payout #${secondId} is marked paid: 500 ₽ by SBP`),
  );
  await partner.expect(
    `Payout #${secondId} has been sent: 500 ₽, SBP by phone (₽), to +79991234567 (T-Bank).`,
  );

  assert.equal(await balance(partnerId, 'RUB'), 5_800n);
  assert.equal(await platform('payouts_in_flight'), 0n);
  assert.equal(await platform('external:payouts'), 50_000n);
  const requests = await stack.db.payoutRequest.findMany({
    where: { userId: BigInt(partnerId) },
    orderBy: { id: 'asc' },
  });
  assert.deepEqual(
    requests.map((r) => [r.status, r.method, r.destination, r.rejectReason, r.decidedById]),
    [
      ['rejected', 'card_rub', '2200000000000004', 'card number is wrong', BigInt(adminId)],
      ['paid', 'sbp_rub', '+79991234567', null, BigInt(adminId)],
    ],
  );
  const keys = await stack.db.ledgerTransaction.findMany({
    where: { idempotencyKey: { startsWith: 'payout:' } },
    orderBy: { id: 'asc' },
  });
  assert.deepEqual(
    keys.map((k) => [k.idempotencyKey, k.type]),
    [
      [`payout:${firstId}:request`, 'payout'],
      [`payout:${firstId}:reversal`, 'reversal'],
      [`payout:${secondId}:request`, 'payout'],
      [`payout:${secondId}:paid`, 'payout'],
    ],
  );
  const audit = await stack.db.auditLog.findMany({
    where: { targetUserId: BigInt(partnerId), action: { startsWith: 'payout.' } },
    orderBy: { id: 'asc' },
  });
  assert.deepEqual(
    audit.map((a) => a.action),
    ['payout.request', 'payout.reject', 'payout.request', 'payout.approve'],
  );
  await admin.send('/partners');
  await admin.expect(/Pat \(@pat\d+\) · 10% · joined: 1 · earned: 558 ₽ · paid out: 500 ₽/);
});

test('a Stars commission goes to a card in roubles at the rate finance set', async () => {
  await admin.send('/payout_rate XTR RUB 1.3');
  await admin.expect('1 ⭐ now pays 1.3 ₽');
  await admin.send('/payout_rates');
  await admin.expect(/1 ⭐ = 1\.3 ₽ · set/);

  const partnerId = uniqueUserId();
  const partner = await signUp(stack, { id: partnerId, firstName: 'Star', language: 'en' });
  const { partner: row } = await createPartner(stack.db, {
    staff: { id: BigInt(adminId), role: 'super_admin' },
    userId: BigInt(partnerId),
  });
  await stack.db.user.update({
    where: { id: BigInt(partnerId) },
    data: { email: `star${partnerId}@example.com`, emailVerifiedAt: new Date() },
  });
  const buyerId = BigInt(uniqueUserId());
  await touchUser(stack.db, { id: buyerId, firstName: 'Fan' }, { referralCode: `p_${row.code}` });
  // A rouble commission too, so the flow asks which balance.
  for (const provider of ['yookassa', 'stars', 'stars', 'stars', 'stars', 'stars', 'stars'] as const) {
    const payment = await startCheckout(stack.db, { userId: buyerId, productId: 'ai-sub-30d-max', provider });
    await confirmPayment(stack.db, {
      paymentId: payment.id,
      provider,
      providerPaymentId: `${provider}-${payment.id}`,
      amount: payment.amount,
      currency: payment.currency,
      raw: {},
    });
  }
  assert.equal(await balance(partnerId, 'XTR'), 1_116n, '10% of six 1,860-Star purchases');
  await partner.send('/payout');
  const choice = await partner.expect('Which balance do you want to withdraw from?');
  assert.deepEqual(
    buttonsOf(choice).map((b) => b.text),
    ['279 ₽', '1,116 ⭐', 'Cancel'],
  );
  await partner.press('1,116 ⭐');
  await partner.expect('Available: 1,116 ⭐. How should we send it?');
  await partner.press('Bank card (₽) · 1 ⭐ = 1.3 ₽');
  await partner.expect('Send the card number');
  // A mistyped number and an amount under the minimum are explained and asked again.
  await partner.send('4111 1111 1111 1112');
  await partner.expect('That is not a valid card number');
  await partner.send('4111 1111 1111 1111');
  await partner.expect(
    /How much of your 1,116 ⭐ do you want to withdraw\? The minimum is 1,000 ⭐\.\s+Rate: 1 ⭐ = 1\.3 ₽\./,
  );
  await partner.send('999');
  await partner.expect('The minimum for Bank card (₽) is 1,000 ⭐ (it sends at least 1,300 ₽).');
  await partner.press('All: 1,116 ⭐');
  await partner.expect(/From your balance: 1,116 ⭐.*You receive: 1,450\.80 ₽/s);
  await partner.press('Request the payout');
  const stars = await partner.expect(/Payout request #(\d+) sent: 1,450\.80 ₽ to 4111111111111111/);
  const starsId = /#(\d+)/.exec(stars.text ?? '')?.[1];
  await admin.send('/payouts');
  await admin.expect(
    new RegExp(
      `Payout #${starsId}: 1,450\\.80 ₽ by Bank card.*From the balance: 1,116 ⭐ at 1 ⭐ = 1\\.3 ₽`,
      's',
    ),
  );
  assert.equal(await balance(partnerId, 'XTR'), 0n);
});
