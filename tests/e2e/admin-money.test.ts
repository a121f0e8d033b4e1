import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { paymentCardAction, refundConfirm } from '#bots/admin/callbacks.ts';
import { spendTokens } from '#core/ledger/spend-tokens.ts';
import { buttonsOf, Chat } from './chat.ts';
import { uniqueUserId } from './ids.ts';
import { signUp } from './signup-helper.ts';
import { type Stack, startStack } from './stack.ts';

const superAdminId = uniqueUserId();
// A second admin for the last test: one person pressing this fast would hit flood control (20 updates / 10 s).
const financeAdminId = uniqueUserId();
let stack: Stack;
let admin: Chat;
let finance: Chat;

before(async () => {
  stack = await startStack({ name: 'admin-money', superAdminIds: [superAdminId] });
  await stack.telegram.upsertUser({ id: superAdminId, first_name: 'Boss', language_code: 'en' });
  admin = new Chat(stack.telegram, stack.adminBot.token, superAdminId);
  await stack.telegram.upsertUser({ id: financeAdminId, first_name: 'Fin', language_code: 'en' });
  await stack.db.user.create({
    data: { id: BigInt(financeAdminId), firstName: 'Fin', referralCode: `fin${financeAdminId}` },
  });
  await stack.db.adminRole.create({ data: { userId: BigInt(financeAdminId), role: 'finance' } });
  finance = new Chat(stack.telegram, stack.adminBot.token, financeAdminId);
});
after(() => stack?.stop());

const tokens = async (userId: number) =>
  (
    await stack.db.ledgerAccount.findUnique({
      where: { userId_asset: { userId: BigInt(userId), asset: 'TOKEN' } },
    })
  )?.balance ?? 0n;

const labels = (message: Parameters<typeof buttonsOf>[0]) => buttonsOf(message).map((b) => b.text);

test('a super admin corrects a balance up, and down past zero only with "Allow negative"', async () => {
  const id = uniqueUserId();
  const user = await signUp(stack, { id, firstName: 'Bob', language: 'en' });

  await admin.send(`/find ${id}`);
  const card = await admin.expect(`ID: ${id}`);
  assert.match(card.text ?? '', /Tokens: 0 \(reserved 0\)/);
  assert.ok(labels(card).includes('💰 Balance ±') && labels(card).includes('🧾 Payments'));

  await admin.press('Balance ±');
  await admin.expect('Balance correction for Bob');
  await admin.send('+5000 bug bounty');
  const confirm = await admin.expect('Bob, tokens: 0 → 5,000 (+5,000)');
  assert.deepEqual(labels(confirm), ['✅ Apply', 'Cancel']);
  const applyData = buttonsOf(confirm).find((b) => b.text === '✅ Apply');
  assert.ok(applyData && 'callback_data' in applyData && applyData.callback_data);
  // A double press: both reach the bot; the ledger key of this correction lets only one through.
  const [first, second] = await Promise.all([
    admin.pressData(confirm.message_id, applyData.callback_data, { forged: true }),
    admin.pressData(confirm.message_id, applyData.callback_data, { forged: true }),
  ]);
  await Promise.all([admin.answerOf(first.callbackQueryId), admin.answerOf(second.callbackQueryId)]);
  await admin.expect('Balance of Bob corrected, tokens: 0 → 5,000.');
  await user.expect(/changed your token balance: \+5,000\.\nReason: bug bounty\nBalance now: 5,000/);
  assert.equal(await tokens(id), 5_000n);
  const audit = await stack.db.auditLog.findMany({
    where: { targetUserId: BigInt(id), action: 'balance.adjust' },
  });
  assert.equal(audit.length, 1);
  assert.equal(audit[0]?.actorId, BigInt(superAdminId));
  assert.deepEqual(audit[0]?.after, { asset: 'TOKEN', balance: '5000', diff: '5000', reason: 'bug bounty' });

  await admin.press('Balance ±');
  await admin.expect('Balance correction for Bob');
  await admin.send('-9000 chargeback');
  const warning = await admin.expect('Only 5,000 is available');
  assert.match(warning.text ?? '', /5,000 → −4,000 \(−9,000\)/);
  assert.deepEqual(
    labels(warning),
    ['⚠️ Allow negative balance', 'Cancel'],
    'no plain Apply for an overdraft',
  );
  assert.equal(await tokens(id), 5_000n, 'nothing moves before the explicit yes');
  await admin.press('Allow negative balance');
  await admin.expect('tokens: 5,000 → −4,000.');
  await user.expect(/changed your token balance: −9,000\.\nReason: chargeback\nBalance now: −4,000/);
  assert.equal(await tokens(id), -4_000n);

  await admin.send(`/find ${id}`);
  await admin.expect(/Tokens: −4,000/);
});

test('Stars purchase: support sees it but cannot refund; a super admin refunds in full with a shortfall', async () => {
  const id = uniqueUserId();
  const buyer = await signUp(stack, { id, firstName: 'Stella', username: `stella${id}`, language: 'en' });
  await buyer.send('/buy');
  await buyer.expect('What would you like to buy?');
  await buyer.press('Token packs');
  await buyer.expect('Choose a product');
  await buyer.press('150,000 tokens');
  await buyer.expect('How would you like to pay?');
  await buyer.press('Telegram Stars · 100 ⭐');
  const invoice = await buyer.expectWhere((m) => m.message.invoice !== undefined);
  const paid = await stack.telegram.payInvoice({
    token: stack.userBot.token,
    userId: id,
    messageId: invoice.message_id,
  });
  assert.equal(paid.status, 'paid');
  await buyer.expect('Payment received');
  await spendTokens(stack.db, {
    key: `e2e-spend-${id}`,
    userId: BigInt(id),
    amount: 100_000n,
    reason: 'used the AI',
  });
  const payment = await stack.db.payment.findFirstOrThrow({ where: { userId: BigInt(id) } });

  const supportId = uniqueUserId();
  await signUp(stack, { id: supportId, firstName: 'Sam', language: 'en' });
  await stack.db.adminRole.create({ data: { userId: BigInt(supportId), role: 'support' } });
  const support = new Chat(stack.telegram, stack.adminBot.token, supportId);
  await support.send(`/find ${id}`);
  const supportCard = await support.expect(`ID: ${id}`);
  assert.match(supportCard.text ?? '', /Tokens: 50,000/);
  assert.ok(labels(supportCard).includes('🧾 Payments') && !labels(supportCard).includes('💰 Balance ±'));
  await support.press('Payments');
  await support.expect(`#${payment.id}`);
  await support.press(`#${payment.id} · 100 ⭐`);
  const seen = await support.expect(`Payment #${payment.id}`);
  assert.match(seen.text ?? '', /Status: succeeded/);
  assert.ok(!labels(seen).some((l) => l.includes('Refund')), 'no refund buttons for support');
  const paymentId = payment.id.toString();
  for (const data of [
    refundConfirm.encode({ paymentId, amount: payment.amount.toString() }),
    paymentCardAction.encode({ action: 'full', paymentId }),
  ]) {
    const forged = await support.pressData(seen.message_id, data, { forged: true });
    assert.match((await support.answerOf(forged.callbackQueryId)) ?? '', /don't have permission/);
  }
  const balanceForged = await support.pressData(supportCard.message_id, `v1:bal:${id}`, { forged: true });
  assert.match((await support.answerOf(balanceForged.callbackQueryId)) ?? '', /don't have permission/);
  assert.equal((await stack.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status, 'succeeded');

  await admin.send(`/payments succeeded @stella${id} stars`);
  const list = await admin.expect(`#${payment.id}`);
  assert.match(list.text ?? '', /150,000 tokens · forever · 100 ⭐ · stars · succeeded/);
  await admin.press(`#${payment.id} · 100 ⭐`);
  const adminCard = await admin.expect(`Payment #${payment.id}`);
  assert.ok(labels(adminCard).includes('↩️ Refund in full'));
  assert.ok(!labels(adminCard).includes('↩️ Refund part'), 'Stars are refunded whole only');
  await admin.press('Refund in full');
  await admin.expect('Refund 100 ⭐ in full?');
  await admin.press('✅ Refund 100 ⭐');
  const refunded = await admin.expect(/Status: refunded/);
  assert.match(refunded.text ?? '', /Refunded: 100 ⭐/);
  assert.match(refunded.text ?? '', /100 ⭐ · done · tokens taken back 50,000, shortfall 100,000/);
  assert.ok(!labels(refunded).some((l) => l.includes('Refund')), 'nothing left to refund');
  await admin.expect('Tokens taken back: 50,000; already spent (shortfall): 100,000');

  const calls = await stack.telegram.calls({ token: stack.userBot.token, method: 'refundStarPayment' });
  assert.equal(calls.filter((c) => c.ok).length, 1);
  await buyer.expect('Refund of 100 ⭐ for 150,000 tokens · forever. Tokens taken back: 50,000.');
  assert.equal(await tokens(id), 0n);
  const refund = await stack.db.refund.findFirstOrThrow({ where: { paymentId: payment.id } });
  assert.deepEqual(
    [refund.status, refund.adminId, refund.tokensClawedBack, refund.tokensShortfall],
    ['succeeded', BigInt(superAdminId), 50_000n, 100_000n],
  );
});

test('payments page by page; a partial refund is checked against what is refundable; a provider refusal moves nothing', async () => {
  const id = uniqueUserId();
  await stack.db.user.create({ data: { id: BigInt(id), firstName: 'Rita', referralCode: `rita${id}` } });
  const product = { id: 'pack-150k', titleKey: 'product-pack-150k', service: 'ai' };
  const older: { id: bigint }[] = [];
  for (let i = 0; i < 11; i++) {
    older.push(
      await stack.db.payment.create({
        data: {
          userId: BigInt(id),
          provider: 'stars',
          productId: 'pack-150k',
          product,
          amount: 100n,
          currency: 'XTR',
        },
      }),
    );
  }
  const payment = await stack.db.payment.create({
    data: {
      userId: BigInt(id),
      provider: 'yookassa',
      providerPaymentId: `yk-${id}`,
      productId: 'pack-150k',
      product,
      amount: 14_900n,
      currency: 'RUB',
      status: 'succeeded',
      paidAt: new Date(),
    },
  });

  await finance.send(`/payments ${id}`);
  const first = await finance.expect(`#${payment.id}`);
  const firstIds = buttonsOf(first).map((b) => b.text.split(' ')[0]);
  assert.deepEqual(firstIds, [payment, ...older.slice(2).reverse()].map((p) => `#${p.id}`).concat('More'));
  await finance.press('More');
  const second = await finance.expect(`#${older[1]?.id}`);
  assert.deepEqual(
    buttonsOf(second).map((b) => b.text.split(' ')[0]),
    [older[1], older[0]].map((p) => `#${p?.id}`),
  );

  await finance.send(`/payments yookassa ${id}`);
  await finance.expect(`#${payment.id}`);
  await finance.press(`#${payment.id} · 149 ₽`);
  const card = await finance.expect(`Payment #${payment.id}`);
  assert.match(card.text ?? '', /Amount: 149 ₽/);
  assert.ok(labels(card).includes('↩️ Refund part'));
  await finance.press('Refund part');
  await finance.expect(`How much of payment #${payment.id} should go back? Up to 149 ₽`);
  await finance.send('200');
  await finance.expect('at most 149 ₽');
  await finance.send('49.50 goodwill');
  await finance.expect(`Refund 49.50 ₽ of payment #${payment.id}`);
  await finance.press('✅ Refund 49.50 ₽');
  // The YooKassa stand-in has never seen this payment, so the provider refuses, and says why.
  const refusal = await finance.expect(/The payment provider refused the refund: \S/);
  const after = await finance.expect(/49\.50 ₽ · failed/);
  assert.match(after.text ?? '', /Status: succeeded/);
  const stored = await stack.db.payment.findUniqueOrThrow({
    where: { id: payment.id },
    include: { refunds: true },
  });
  assert.equal(stored.refundedAmount, 0n);
  assert.deepEqual(
    stored.refunds.map((r) => [r.amount, r.status, r.reason]),
    [[4_950n, 'failed', 'goodwill']],
  );
  assert.ok(
    refusal.text?.includes(stored.refunds[0]?.failureReason ?? '∅'),
    'the admin sees the provider message',
  );
});
