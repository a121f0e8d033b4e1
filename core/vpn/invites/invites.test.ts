import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { confirmPayment } from '#core/payments/confirm-payment.ts';
import { startCheckout } from '#core/payments/start-checkout.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { activateTrial } from '../subscription/activate-trial.ts';
import { changeInviteRule, setInvitePromotion } from './invite-rules.ts';
import { invitesForPeriod, myInvites } from './issue-invites.ts';
import { redeemInvite } from './redeem-invite.ts';
import { INVITER_BONUS_DAYS } from './reward-inviter.ts';

const DAY = 86_400_000;
let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => {
  await t?.drop();
});

const newUser = async () => (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Ira' })).user.id;
const owner = async () => {
  const id = await newUser();
  await t.db.adminRole.create({ data: { userId: id, role: 'admin' } });
  return { id, role: 'admin' as const };
};

/** A plan paid through the shared pipeline, confirmed `times` times (a provider repeating its webhook). */
async function pay(userId: bigint, productId: string, times = 1) {
  const payment = await startCheckout(t.db, { userId, productId, provider: 'stars' });
  for (let i = 0; i < times; i++)
    await confirmPayment(t.db, {
      paymentId: payment.id,
      provider: 'stars',
      providerPaymentId: `charge-${payment.id}`,
      amount: payment.amount,
      currency: payment.currency,
      raw: {},
    });
  return payment;
}

const expiry = async (userId: bigint) =>
  (await t.db.vpnSubscription.findUniqueOrThrow({ where: { userId } })).expiresAt;

test('the entitlement: invites per days paid, times the promotion', () => {
  assert.equal(invitesForPeriod({ invites: 1, perDays: 30 }, 30), 1);
  assert.equal(invitesForPeriod({ invites: 1, perDays: 30 }, 90), 3);
  assert.equal(invitesForPeriod({ invites: 2, perDays: 30 }, 30, 2), 4);
  assert.equal(invitesForPeriod({ invites: 5, perDays: 30 }, 29), 0, 'less than the rule’s days brings none');
});

test('codes are issued per the seeded rule of the tier, once, however often they are listed', async () => {
  const basic = await newUser();
  await pay(basic, 'vpn-basic-90d');
  const [first, second] = await Promise.all([myInvites(t.db, basic), myInvites(t.db, basic)]);
  assert.equal(first.length, 3, 'basic: 1 per 30 days, 90 days paid');
  assert.deepEqual(
    second.map((i) => i.code).sort(),
    first.map((i) => i.code).sort(),
    'a second call at the same time issues nothing new',
  );
  assert.ok(first.every((i) => i.friendDays === 7 && i.status === 'available'));

  const cyber = await newUser();
  await pay(cyber, 'vpn-cyber-30d');
  const codes = await myInvites(t.db, cyber);
  assert.equal(codes.length, 5);
  assert.ok(codes.every((i) => i.friendDays === 30));

  const trialOnly = await newUser();
  await activateTrial(t.db, { userId: trialOnly });
  assert.equal((await myInvites(t.db, trialOnly)).length, 0, 'a trial is not a paid period');
});

test('a promotion doubles the codes of periods paid while it runs, and an admin’s rule change applies to new periods', async () => {
  const admin = await owner();
  await setInvitePromotion(t.db, { staff: admin, multiplier: 2, days: 7 });
  const during = await newUser();
  await pay(during, 'vpn-pro-30d');
  await setInvitePromotion(t.db, { staff: admin, multiplier: 1, days: 0 });
  const afterwards = await newUser();
  await pay(afterwards, 'vpn-pro-30d');
  assert.equal((await myInvites(t.db, during)).length, 4, 'pro ×2');
  assert.equal((await myInvites(t.db, afterwards)).length, 2, 'pro after the promotion stopped');

  await changeInviteRule(t.db, { staff: admin, tier: 'pro', field: 'invites', delta: 1 });
  await changeInviteRule(t.db, { staff: admin, tier: 'pro', field: 'friendDays', delta: 1 });
  assert.equal((await myInvites(t.db, afterwards)).length, 2, 'a settled period keeps its codes');
  await pay(afterwards, 'vpn-pro-30d');
  const codes = await myInvites(t.db, afterwards);
  assert.equal(codes.length, 5, 'the renewal brings 3 by the new rule');
  assert.equal(codes.filter((c) => c.friendDays === 15).length, 3);
  await changeInviteRule(t.db, { staff: admin, tier: 'pro', field: 'invites', delta: -1 });
  await changeInviteRule(t.db, { staff: admin, tier: 'pro', field: 'friendDays', delta: -1 });
  assert.equal(await t.db.auditLog.count({ where: { action: 'vpn.invite_rule', actorId: admin.id } }), 4);
});

test('a friend redeems a code once; not the inviter, not someone with VPN history, one code per friend', async () => {
  const inviter = await newUser();
  await pay(inviter, 'vpn-ultra-30d');
  const [a, b] = await myInvites(t.db, inviter);
  assert.ok(a && b);

  assert.deepEqual(await redeemInvite(t.db, { userId: inviter, code: a.code }), { ok: false, reason: 'own' });

  const paying = await newUser();
  await pay(paying, 'vpn-basic-30d');
  assert.deepEqual(await redeemInvite(t.db, { userId: paying, code: a.code }), {
    ok: false,
    reason: 'has_history',
  });

  // Signup may have started the trial: that friend is still new.
  const friend = await newUser();
  await activateTrial(t.db, { userId: friend });
  const now = new Date();
  const [r1, r2] = await Promise.all([
    redeemInvite(t.db, { userId: friend, code: `inv_${a.code}`, now }),
    redeemInvite(t.db, { userId: friend, code: a.code.toLowerCase(), now }),
  ]);
  assert.equal([r1, r2].filter((r) => r.ok).length, 1, 'two taps at once redeem once');
  assert.ok(Math.abs((await expiry(friend)).getTime() - (now.getTime() + 2 * DAY + 21 * DAY)) < 5_000);
  assert.equal(await t.db.vpnPeriod.count({ where: { userId: friend, source: 'invite' } }), 1);

  const other = await newUser();
  assert.deepEqual(await redeemInvite(t.db, { userId: other, code: a.code }), { ok: false, reason: 'used' });
  assert.deepEqual(await redeemInvite(t.db, { userId: friend, code: b.code }), {
    ok: false,
    reason: 'already_invited',
  });
  assert.deepEqual(await redeemInvite(t.db, { userId: other, code: 'NOPE2345' }), {
    ok: false,
    reason: 'not_found',
  });
  const listed = await myInvites(t.db, inviter);
  assert.equal(listed.find((i) => i.code === a.code)?.status, 'used');
  assert.equal(listed.find((i) => i.code === a.code)?.redeemedById, friend);
});

test('a code whose payment was refunded in full is expired', async () => {
  const inviter = await newUser();
  const payment = await pay(inviter, 'vpn-basic-30d');
  const [code] = await myInvites(t.db, inviter);
  assert.ok(code);
  await t.db.vpnPeriod.update({ where: { paymentId: payment.id }, data: { revokedAt: new Date() } });
  assert.equal((await myInvites(t.db, inviter))[0]?.status, 'expired');
  assert.deepEqual(await redeemInvite(t.db, { userId: await newUser(), code: code.code }), {
    ok: false,
    reason: 'expired',
  });
});

test('an expired code is refused', async () => {
  const inviter = await newUser();
  await pay(inviter, 'vpn-basic-30d');
  const [code] = await myInvites(t.db, inviter);
  assert.ok(code);
  const friend = await newUser();
  const late = new Date(code.expiresAt.getTime() + 1);
  assert.deepEqual(await redeemInvite(t.db, { userId: friend, code: code.code, now: late }), {
    ok: false,
    reason: 'expired',
  });
});

test('the inviter gets +7 days at the friend’s first payment only, once however often it is confirmed', async () => {
  const inviter = await newUser();
  await pay(inviter, 'vpn-basic-30d');
  const [code] = await myInvites(t.db, inviter);
  assert.ok(code);
  const friend = await newUser();
  assert.equal((await redeemInvite(t.db, { userId: friend, code: code.code })).ok, true);
  const before = await expiry(inviter);
  assert.equal(await t.db.vpnPeriod.count({ where: { userId: inviter, source: 'invite' } }), 0);

  const first = await pay(friend, 'vpn-basic-30d', 3);
  const rewarded = await expiry(inviter);
  assert.equal(rewarded.getTime() - before.getTime(), INVITER_BONUS_DAYS * DAY);
  const row = await t.db.vpnInvite.findUniqueOrThrow({ where: { id: code.id } });
  assert.equal(row.rewardPaymentId, first.id);

  await pay(friend, 'vpn-basic-30d');
  assert.equal((await expiry(inviter)).getTime(), rewarded.getTime(), 'a second payment rewards nothing');
  assert.equal(await t.db.vpnPeriod.count({ where: { userId: inviter, source: 'invite' } }), 1);

  const uninvited = await newUser();
  const inviterBefore = await expiry(inviter);
  await pay(uninvited, 'vpn-basic-30d');
  assert.equal((await expiry(inviter)).getTime(), inviterBefore.getTime());
});
