import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buttonTexts, type OfflineBot, onlyCall, startOfflineBot } from '#tests/support/offline-bot.ts';

let t: OfflineBot;
before(async () => {
  t = await startOfflineBot();
});
after(() => t.close());

test('/profile: name, id, language and email in the user’s language, with a button to add an email', async () => {
  const user = await t.user({ lang: 'ru', firstName: 'Мария' });
  const card = onlyCall(await user.send('/profile'), 'sendMessage');
  const text = String(card.text);
  assert.match(text, /^👤 <b>Мария<\/b>\nID: <code>\d+<\/code>\nЯзык: Русский\nПочта: не указана\nС нами с /);
  assert.ok(text.includes(`<code>${user.id}</code>`));
  assert.equal(card.parse_mode, 'HTML');
  assert.deepEqual(buttonTexts(card), [[t.translator.t('ru', 'profile-add-email')]]);
});

test('adding an email from /profile: a code is mailed, a wrong code is refused, the right one verifies', async () => {
  const user = await t.user({ lang: 'en', firstName: 'Ann' });
  await user.send('/profile');
  const asked = await user.press('✉️ Add email');
  assert.ok(asked.some((c) => c.method === 'answerCallbackQuery'));
  assert.equal(onlyCall(asked, 'sendMessage').text, 'Type your email address.');

  assert.equal(
    onlyCall(await user.send('not-an-email'), 'sendMessage').text,
    t.translator.t('en', 'email-invalid'),
  );
  const sent = onlyCall(await user.send('ann@example.com'), 'sendMessage');
  assert.equal(sent.text, t.translator.t('en', 'email-code-sent', { email: 'ann@example.com' }));
  const mail = t.mail.at(-1);
  assert.equal(mail?.to, 'ann@example.com');
  const code = /\b(\d{6})\b/.exec(mail?.text ?? '')?.[1];
  assert.ok(code, 'the mail carries a 6-digit code');

  const wrong = code === '000000' ? '111111' : '000000';
  assert.match(String(onlyCall(await user.send(wrong), 'sendMessage').text), /^Wrong code\. 4 tries left\.$/);
  assert.equal(
    onlyCall(await user.send(code), 'sendMessage').text,
    t.translator.t('en', 'email-verified', { email: 'ann@example.com' }),
  );
  const stored = await t.database.db.user.findUniqueOrThrow({ where: { id: user.id } });
  assert.equal(stored.email, 'ann@example.com');
  assert.ok(stored.emailVerifiedAt);
  const card = onlyCall(await user.send('/profile'), 'sendMessage');
  assert.match(String(card.text), /Email: ann@example\.com ✅/);
  assert.deepEqual(buttonTexts(card), [['✉️ Change email']]);
});
