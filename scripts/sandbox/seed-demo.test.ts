import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MODEL_CATALOG } from '#core/ai/model-catalog.ts';
import { findProduct } from '#core/catalog/products.ts';
import { balanceHistory } from '#core/ledger/history.ts';
import { getWallet } from '#core/ledger/wallet.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { DEMO_PROMO_CODES, DEMO_PURCHASES, DEMO_SPENDS } from './demo-data.ts';
import { BEN, CHEN, MARIA, SUPER_ADMIN } from './sandbox-world.ts';
import { seedDemo } from './seed-demo.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database?.drop());

const tokensOf = (productId: string) => {
  const fulfilment = findProduct(productId)?.fulfilment;
  assert.ok(fulfilment && 'tokens' in fulfilment);
  return BigInt(fulfilment.tokens);
};
const priceOf = (modelId: string) => MODEL_CATALOG.find((m) => m.id === modelId)?.tokenPrice ?? 0n;

test('the demo data: catalog models, accounts, a super admin, paid purchases, wallets that add up', async () => {
  const { db } = database;
  const added = await seedDemo(db);
  assert.deepEqual(added, {
    models: MODEL_CATALOG.length,
    accounts: 4,
    payments: DEMO_PURCHASES.length,
    spends: DEMO_SPENDS.length,
    promoCodes: DEMO_PROMO_CODES.length,
    promoClaims: 1,
    adjustments: 1,
    vpnTrials: 1,
  });
  assert.equal(await db.aiModel.count(), MODEL_CATALOG.length);
  assert.equal(
    (await db.adminRole.findUnique({ where: { userId: BigInt(SUPER_ADMIN.id) } }))?.role,
    'super_admin',
  );
  assert.equal(await db.payment.count({ where: { status: 'succeeded' } }), DEMO_PURCHASES.length);
  const chen = await db.user.findUniqueOrThrow({ where: { id: BigInt(CHEN.id) } });
  assert.equal(chen.referredById, BigInt(MARIA.id), 'Chen came through Maria’s referral link');
  assert.equal(chen.signedUpAt, null, 'Chen has not signed up yet: a first contact to try');

  // Maria: her pack, her spends, half of what Chen bought (referral), the WELCOME bonus.
  const maria = await getWallet(db, BigInt(MARIA.id));
  const mariaSpent = priceOf('gpt-4o') * 2n + priceOf('dall-e-3');
  const expected = tokensOf('pack-150k') - mariaSpent + tokensOf('bundle-small') / 2n + 50_000n;
  assert.equal(maria.tokens.balance, expected);
  // Ben: a subscriber, with a support correction in his history.
  const ben = await getWallet(db, BigInt(BEN.id));
  assert.deepEqual(
    ben.entitlements.map((e) => e.productId),
    ['ai-sub-7d'],
  );
  const history = await balanceHistory(db, { userId: BigInt(BEN.id), limit: 20 });
  assert.ok(history.some((item) => item.type === 'manual' && item.reason.startsWith('Compensation')));
  // Every history entry moves the balance by its amount: the tokens came through the ledger.
  for (const item of history) assert.equal(item.balanceAfter - item.balanceBefore, item.amount);
  const account = await db.ledgerAccount.findFirstOrThrow({
    where: { userId: BigInt(BEN.id), asset: 'TOKEN' },
  });
  const sum = await db.ledgerEntry.aggregate({ where: { accountId: account.id }, _sum: { amount: true } });
  assert.equal(sum._sum.amount, account.balance);

  // The VPN: Maria active, Alex expired, Ben on trial; each waits for the worker to set up the panel user.
  const vpn = async (person: { id: number }) =>
    db.vpnSubscription.findUniqueOrThrow({ where: { userId: BigInt(person.id) } });
  const now = Date.now();
  assert.equal((await vpn(MARIA)).tier, 'pro');
  assert.ok((await vpn(MARIA)).expiresAt.getTime() > now + 89 * 86_400_000);
  assert.ok((await vpn(SUPER_ADMIN)).expiresAt.getTime() < now - 2 * 86_400_000, 'Alex’s plan ran out');
  assert.equal((await vpn(BEN)).tier, 'trial');
  assert.equal(await db.serviceOperation.count({ where: { operation: 'vpn.provision' } }), 3);
});

test('a second run adds nothing and changes no balance', async () => {
  const { db } = database;
  const balances = async () =>
    (await db.ledgerAccount.findMany({ where: { userId: { not: null } }, orderBy: { id: 'asc' } })).map(
      (a) => `${a.userId}:${a.asset}:${a.balance}`,
    );
  const before = await balances();
  const counts = async () => ({
    users: await db.user.count(),
    payments: await db.payment.count(),
    transactions: await db.ledgerTransaction.count(),
    promoCodes: await db.promoCode.count(),
    redemptions: await db.promoRedemption.count(),
    audit: await db.auditLog.count(),
    vpn: JSON.stringify(
      (await db.vpnSubscription.findMany({ orderBy: { userId: 'asc' } })).map((v) => [v.userId, v.expiresAt]),
      (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v),
    ),
  });
  const countsBefore = await counts();
  const added = await seedDemo(db);
  assert.deepEqual(added, {
    models: 0,
    accounts: 0,
    payments: 0,
    spends: 0,
    promoCodes: 0,
    promoClaims: 0,
    adjustments: 0,
    vpnTrials: 0,
  });
  assert.deepEqual(await balances(), before);
  assert.deepEqual(await counts(), countsBefore);
});

test('a checkout left pending by a run that died halfway is finished, not duplicated', async () => {
  const { db } = database;
  const purchase = DEMO_PURCHASES[0];
  assert.ok(purchase);
  // Undo the confirmation's marker only: what remains looks like a checkout that never got confirmed.
  const paid = await db.payment.findFirstOrThrow({ where: { userId: BigInt(purchase.buyer.id) } });
  await db.payment.update({ where: { id: paid.id }, data: { providerPaymentId: null, status: 'pending' } });
  const payments = await db.payment.count();
  const added = await seedDemo(db);
  assert.equal(added.payments, 1);
  assert.equal(await db.payment.count(), payments, 'no second checkout was opened');
  const finished = await db.payment.findUniqueOrThrow({ where: { id: paid.id } });
  assert.equal(finished.status, 'succeeded');
  assert.match(finished.providerPaymentId ?? '', /^sandbox-demo-/);
});
