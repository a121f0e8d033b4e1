import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getWallet } from '#core/ledger/wallet.ts';
import { type OfflineBot, startOfflineBot } from '#tests/support/offline-bot.ts';

// Signup with a welcome grant configured (WELCOME_GRANT_TOKENS): the tokens arrive with the last step and
// the finishing message says so.

let t: OfflineBot;
before(async () => {
  t = await startOfflineBot({ env: { WELCOME_GRANT_TOKENS: '20000', WELCOME_GRANT_DAYS: '30' } });
});
after(() => t.close());

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

test('a new account gets the welcome tokens once, and the last signup message tells them', async () => {
  assert.equal(t.deps.config.WELCOME_GRANT_TOKENS, 20_000n);
  for (const lang of ['en', 'ru'] as const) {
    const user = await t.user({ lang, signedUp: false });
    await user.send('/start');
    await user.press(lang === 'ru' ? '✓ Русский' : '✓ English');
    await user.press(/^✅/);
    assert.equal((await getWallet(t.database.db, user.id)).tokens.balance, 20_000n, 'credited at the terms');
    await user.press(lang === 'ru' ? 'Пропустить' : 'Skip');
    const done = user.chat().find((m) => m.text.includes('🎁'));
    assert.ok(done, JSON.stringify(user.chat().map((m) => m.text)));
    assert.equal(
      plain(done.text),
      lang === 'ru'
        ? 'Всё готово, Anna! Вот главное меню.\n\n🎁 На ваш баланс зачислено токенов: 20 000, они действуют 30 дней. ' +
            'Попробуйте AI-студию: просто напишите мне сообщение или попробуйте /image.'
        : "You're all set, Anna! Here is the main menu.\n\n🎁 20,000 tokens are on your balance to try the AI " +
            'studio, for 30 days: just write me a message, or try /image.',
    );
    const grants = await t.database.db.tokenGrant.findMany({ where: { account: { userId: user.id } } });
    assert.equal(grants.length, 1);
    assert.ok(grants[0]?.expiresAt && grants[0].expiresAt.getTime() > Date.now() + 29 * 86_400_000);
  }
});
