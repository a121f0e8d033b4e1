import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { adjustBalance } from '#core/ledger/adjust-balance.ts';
import { buyWithStars, chatOnModel } from '#tests/support/history-fixtures.ts';
import { type OfflineBot, onlyCall, startOfflineBot } from '#tests/support/offline-bot.ts';

let t: OfflineBot;
before(async () => {
  t = await startOfflineBot();
});
after(() => t.close());

// Intl groups Russian thousands with a no-break space.
const plain = (text: unknown) => String(text).replace(/[\u00a0\u202f]/g, ' ');

test('/history names what each movement was for: the pack and how it was paid, the model and the work', async () => {
  const user = await t.user({ lang: 'en' });
  await buyWithStars(t.database.db, user.id, 'pack-150k');
  await chatOnModel(t.database.db, user.id, 'gpt-4o');
  const reply = onlyCall(await user.send('/history'), 'sendMessage');
  assert.equal(reply.parse_mode, 'HTML');
  const entries = String(reply.text).split('\n\n');
  assert.equal(entries[0], '📜 <b>Balance history</b>');
  assert.match(entries[1] ?? '', /^.+ · GPT-4o · chat message\n<b>−1,000<\/b> \(150,000 → 149,000\)$/);
  assert.match(
    entries[2] ?? '',
    /^.+ · Purchase: 150,000 tokens · forever \(Telegram Stars\)\n<b>\+150,000<\/b> \(0 → 150,000\)$/,
  );
  assert.equal(entries.length, 3);
  assert.ok(!String(reply.text).includes('undefined'));
});

test('in Russian, and with support’s own words escaped for HTML', async () => {
  const user = await t.user({ lang: 'ru' });
  await buyWithStars(t.database.db, user.id, 'pack-150k');
  await chatOnModel(t.database.db, user.id, 'claude-sonnet');
  const admin = await t.user({ lang: 'en' });
  await t.database.db.adminRole.create({ data: { userId: admin.id, role: 'admin' } });
  await adjustBalance(t.database.db, {
    staff: { id: admin.id, role: 'admin' },
    userId: user.id,
    asset: 'TOKEN',
    amount: 500n,
    reason: 'Bonus <for> you & yours',
    key: `history-bot-test:${user.id}`,
  });
  const text = plain(onlyCall(await user.send('/history'), 'sendMessage').text);
  const entries = text.split('\n\n');
  assert.equal(entries[0], '📜 <b>История баланса</b>');
  assert.match(entries[1] ?? '', / · Корректировка от поддержки: Bonus &lt;for&gt; you &amp; yours\n/);
  assert.match(entries[2] ?? '', / · Claude Sonnet · сообщение в чате\n<b>−1 200<\/b>/);
  assert.match(entries[3] ?? '', / · Покупка: 150 000 токенов · навсегда \(Telegram Stars\)\n/);
});
