import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buttonTexts, type OfflineBot, onlyCall, startOfflineBot } from '#tests/support/offline-bot.ts';

let t: OfflineBot;
before(async () => {
  t = await startOfflineBot();
});
after(() => t.close());

test('/help answers in the user’s saved language, as HTML', async () => {
  for (const lang of ['en', 'ru'] as const) {
    const user = await t.user({ lang });
    const reply = onlyCall(await user.send('/help'), 'sendMessage');
    assert.equal(reply.text, t.translator.t(lang, 'help-text'));
    assert.equal(reply.parse_mode, 'HTML');
  }
  assert.match(t.translator.t('ru', 'help-text'), /[а-я]/, 'the Russian text is Russian');
});

test('/cancel with nothing running, and a command the bot does not know', async () => {
  const user = await t.user({ lang: 'ru' });
  assert.equal(onlyCall(await user.send('/cancel'), 'sendMessage').text, 'Отменять нечего.');
  assert.equal(
    onlyCall(await user.send('/nonsense'), 'sendMessage').text,
    t.translator.t('ru', 'unknown-command'),
  );
});

test('before signup the language comes from Telegram: a Russian client is welcomed in Russian', async () => {
  const user = await t.user({ lang: 'ru', signedUp: false });
  const welcome = onlyCall(await user.send('/start'), 'sendMessage');
  assert.equal(welcome.text, t.translator.t('ru', 'signup-welcome'));
  assert.deepEqual(buttonTexts(welcome).flat(), ['✓ Русский', 'English'], 'Russian preselected');
});
