import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { formatLocalTime } from '#core/i18n/format-local-time.ts';
import { type OfflineBot, onlyCall, startOfflineBot } from '#tests/support/offline-bot.ts';

let t: OfflineBot;
before(async () => {
  t = await startOfflineBot();
});
after(() => t.close());

/** A user whose email verification is locked for 10 more minutes (five wrong codes earlier). */
async function lockedUser(timeZone: string | null) {
  const user = await t.user({ lang: 'ru' });
  await t.database.db.user.update({ where: { id: user.id }, data: { timeZone } });
  // Whole minutes, so the expected text does not depend on rounding.
  const lockedUntil = new Date(Math.ceil((Date.now() + 10 * 60_000) / 60_000) * 60_000);
  await t.database.db.emailVerification.create({
    data: {
      userId: user.id,
      email: 'old@example.com',
      codeHash: '00',
      expiresAt: lockedUntil,
      attempts: 5,
      lockedUntil,
    },
  });
  await user.send('/profile');
  await user.press('✉️ Добавить почту');
  const refused = onlyCall(await user.send('new@example.com'), 'sendMessage');
  return { text: String(refused.text), lockedUntil };
}

test('the email lock’s end is shown in the zone the Mini App reported, named', async () => {
  const { text, lockedUntil } = await lockedUser('Asia/Yekaterinburg');
  const local = formatLocalTime(lockedUntil, { timeZone: 'Asia/Yekaterinburg', lang: 'ru' });
  assert.match(local, /^\d\d:\d\d \(GMT\+5\)$|, \d\d:\d\d \(GMT\+5\)$/);
  assert.equal(text, t.translator.t('ru', 'email-locked', { until: local }));
  const hhmm = new Intl.DateTimeFormat('ru', {
    timeZone: 'Asia/Yekaterinburg',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(lockedUntil);
  assert.ok(text.includes(`${hhmm} (GMT+5)`), text);
});

test('without a reported zone the lock’s end is in UTC, and says so', async () => {
  const { text, lockedUntil } = await lockedUser(null);
  assert.ok(text.includes(`${lockedUntil.toISOString().slice(11, 16)} UTC`), text);
  assert.doesNotMatch(text, /\(UTC\)|GMT/);
});
