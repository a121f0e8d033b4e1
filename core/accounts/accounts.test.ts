import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isAppError } from '#core/errors/app-error.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { testKey, uniqueTelegramId } from '#tests/support/test-keys.ts';
import { banUser, unbanUser } from './ban-user.ts';
import { EMAIL_CODE_TTL_MS, requestEmailCode, verifyEmailCode } from './email-verification.ts';
import { findUser, parseUserQuery } from './find-user.ts';
import { bootstrapSuperAdmins, grantRole, revokeRole } from './manage-roles.ts';
import { touchUser } from './touch-user.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => {
  await t.drop();
});

const newUser = async (extra: { languageCode?: string; username?: string; referralCode?: string } = {}) =>
  (
    await touchUser(
      t.db,
      {
        id: uniqueTelegramId(),
        firstName: 'Ann',
        username: extra.username,
        languageCode: extra.languageCode,
      },
      { referralCode: extra.referralCode },
    )
  ).user;

describe('touchUser', () => {
  test('creates once, picks the language from Telegram and honours a referral code only for new users', async () => {
    const referrer = await newUser();
    const id = uniqueTelegramId();
    const first = await touchUser(
      t.db,
      { id, firstName: 'Ivan', languageCode: 'ru-RU' },
      { referralCode: referrer.referralCode },
    );
    assert.equal(first.created, true);
    assert.equal(first.user.language, 'ru');
    assert.equal(first.user.referredById, referrer.id);
    const other = await newUser();
    const again = await touchUser(t.db, { id, firstName: 'Ivan B.' }, { referralCode: other.referralCode });
    assert.equal(again.created, false);
    assert.equal(again.user.referredById, referrer.id, 'referrer never changes after signup');
  });

  test('parallel first updates of one user create one row', async () => {
    const id = uniqueTelegramId();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => touchUser(t.db, { id, firstName: 'Race' })),
    );
    assert.equal(results.filter((r) => r.created).length, 1);
    assert.equal(await t.db.user.count({ where: { id } }), 1);
  });
});

describe('email verification', () => {
  const deps = () => ({ db: t.db, codeKey: testKey() });

  test('the right code verifies the address; the code is not stored in clear', async () => {
    const user = await newUser();
    const d = deps();
    const { code } = await requestEmailCode(d, { userId: user.id, email: ' Ann@Example.COM ' });
    const row = await t.db.emailVerification.findFirstOrThrow({ where: { userId: user.id } });
    assert.ok(!row.codeHash.includes(code));
    const verified = await verifyEmailCode(d, { userId: user.id, code });
    assert.equal(verified.email, 'ann@example.com');
    assert.ok(verified.emailVerifiedAt);
  });

  test('five wrong codes lock verification for 15 minutes, even for the right code', async () => {
    const user = await newUser();
    let now = new Date('2026-01-01T10:00:00Z');
    const d = { ...deps(), now: () => now };
    const { code } = await requestEmailCode(d, { userId: user.id, email: 'lock@example.com' });
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 4; i++) {
      await assert.rejects(verifyEmailCode(d, { userId: user.id, code: wrong }), (e) => {
        assert.ok(isAppError(e, 'EMAIL_CODE_WRONG'));
        assert.equal(e.details.attemptsLeft, 5 - i);
        return true;
      });
    }
    await assert.rejects(verifyEmailCode(d, { userId: user.id, code: wrong }), (e) =>
      isAppError(e, 'EMAIL_LOCKED'),
    );
    await assert.rejects(verifyEmailCode(d, { userId: user.id, code }), (e) => isAppError(e, 'EMAIL_LOCKED'));
    await assert.rejects(requestEmailCode(d, { userId: user.id, email: 'lock@example.com' }), (e) =>
      isAppError(e, 'EMAIL_LOCKED'),
    );
    now = new Date(now.getTime() + 16 * 60 * 1000);
    const fresh = await requestEmailCode(d, { userId: user.id, email: 'lock@example.com' });
    assert.equal((await verifyEmailCode(d, { userId: user.id, code: fresh.code })).email, 'lock@example.com');
  });

  test('parallel wrong guesses never get more than five tries', async () => {
    const user = await newUser();
    const d = deps();
    const { code } = await requestEmailCode(d, { userId: user.id, email: 'burst@example.com' });
    const wrong = code === '999999' ? '888888' : '999999';
    await Promise.allSettled(
      Array.from({ length: 20 }, () => verifyEmailCode(d, { userId: user.id, code: wrong })),
    );
    const row = await t.db.emailVerification.findFirstOrThrow({ where: { userId: user.id } });
    assert.ok(row.attempts <= 5, `attempts ${row.attempts}`);
    assert.ok(row.lockedUntil);
  });

  test('a code expires after 24 hours', async () => {
    const user = await newUser();
    let now = new Date('2026-02-01T00:00:00Z');
    const d = { ...deps(), now: () => now };
    const { code } = await requestEmailCode(d, { userId: user.id, email: 'late@example.com' });
    now = new Date(now.getTime() + EMAIL_CODE_TTL_MS + 1);
    await assert.rejects(verifyEmailCode(d, { userId: user.id, code }), (e) =>
      isAppError(e, 'EMAIL_CODE_EXPIRED'),
    );
  });

  test('an address verified by someone else is refused; bad addresses are refused', async () => {
    const d = deps();
    const owner = await newUser();
    const { code } = await requestEmailCode(d, { userId: owner.id, email: 'taken@example.com' });
    await verifyEmailCode(d, { userId: owner.id, code });
    const other = await newUser();
    await assert.rejects(requestEmailCode(d, { userId: other.id, email: 'TAKEN@example.com' }), (e) =>
      isAppError(e, 'EMAIL_TAKEN'),
    );
    await assert.rejects(requestEmailCode(d, { userId: other.id, email: 'not-an-email' }), (e) =>
      isAppError(e, 'EMAIL_INVALID'),
    );
  });

  test('a second code within a minute is refused with the time to wait', async () => {
    const user = await newUser();
    const d = deps();
    await requestEmailCode(d, { userId: user.id, email: 'fast@example.com' });
    await assert.rejects(requestEmailCode(d, { userId: user.id, email: 'fast@example.com' }), (e) => {
      assert.ok(isAppError(e, 'RATE_LIMITED'));
      assert.ok(e.details.until instanceof Date);
      return true;
    });
  });
});

describe('staff actions', () => {
  test('super admins are bootstrapped once; ban and unban are audited with before and after', async () => {
    const adminId = uniqueTelegramId();
    assert.equal(await bootstrapSuperAdmins(t.db, [adminId]), 1);
    assert.equal(await bootstrapSuperAdmins(t.db, [adminId]), 0);
    const staff = { id: adminId, role: 'super_admin' as const };
    const user = await newUser();
    const banned = await banUser(t.db, { staff, userId: user.id, reason: 'spam' });
    assert.equal(banned.status, 'banned');
    assert.equal(banned.banReason, 'spam');
    await unbanUser(t.db, { staff, userId: user.id });
    const audit = await t.db.auditLog.findMany({ where: { targetUserId: user.id }, orderBy: { id: 'asc' } });
    assert.deepEqual(
      audit.map((a) => a.action),
      ['user.ban', 'user.unban'],
    );
    assert.deepEqual(audit[0]?.after, { status: 'banned', banReason: 'spam' });
    assert.equal(audit[0]?.actorId, adminId);
  });

  test('a moderator bans but cannot grant roles; nobody changes their own role or bans a super admin', async () => {
    const superId = uniqueTelegramId();
    await bootstrapSuperAdmins(t.db, [superId]);
    const superAdmin = { id: superId, role: 'super_admin' as const };
    const modUser = await newUser();
    await grantRole(t.db, { staff: superAdmin, userId: modUser.id, role: 'moderator' });
    const moderator = { id: modUser.id, role: 'moderator' as const };
    const target = await newUser();
    await assert.rejects(grantRole(t.db, { staff: moderator, userId: target.id, role: 'admin' }), (e) =>
      isAppError(e, 'FORBIDDEN'),
    );
    await assert.rejects(banUser(t.db, { staff: moderator, userId: superId, reason: 'x' }), (e) =>
      isAppError(e, 'FORBIDDEN'),
    );
    await assert.rejects(revokeRole(t.db, { staff: superAdmin, userId: superId }), (e) =>
      isAppError(e, 'ROLE_SELF_CHANGE'),
    );
    await banUser(t.db, { staff: moderator, userId: target.id, reason: 'abuse' });
    await revokeRole(t.db, { staff: superAdmin, userId: modUser.id });
    assert.equal(await t.db.adminRole.count({ where: { userId: modUser.id } }), 0);
    assert.equal(await t.db.auditLog.count({ where: { targetUserId: modUser.id } }), 2);
  });

  test('/find understands ids, usernames in any case and emails', async () => {
    const user = await newUser({ username: 'FindMe_42' });
    assert.deepEqual(parseUserQuery(String(user.id)), { by: 'id', id: user.id });
    assert.equal(parseUserQuery('a b'), null);
    const q = parseUserQuery('@findme_42');
    assert.ok(q);
    assert.equal((await findUser(t.db, q))?.id, user.id);
    assert.deepEqual(parseUserQuery('Some@Mail.com'), { by: 'email', email: 'some@mail.com' });
  });
});
