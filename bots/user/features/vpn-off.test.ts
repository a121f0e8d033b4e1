import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type OfflineBot, onlyCall, startOfflineBot } from '#tests/support/offline-bot.ts';

// Without REMNAWAVE_URL the VPN service is off: the commands say so, the menu has no VPN, signup gives no trial.

let t: OfflineBot;
before(async () => {
  t = await startOfflineBot();
});
after(() => t.close());

test('the VPN commands answer that the VPN is unavailable, and nothing is created', async () => {
  const user = await t.user({ lang: 'en' });
  for (const command of ['/vpn', '/trial', '/config'])
    assert.equal(
      onlyCall(await user.send(command), 'sendMessage').text,
      'The VPN is not available right now. Please try again later.',
      command,
    );
  assert.equal(await t.database.db.vpnSubscription.count({ where: { userId: user.id } }), 0);
});

test('signup without a panel finishes without a trial, and the menu has no VPN entry', async () => {
  const user = await t.user({ lang: 'en', signedUp: false });
  await user.send('/start');
  await user.press('✓ English');
  await user.press(/^✅/);
  await user.press('Skip');
  assert.ok(user.chat().some((m) => m.text.includes("You're all set")));
  assert.ok(!user.chat().some((m) => m.text.includes('VPN trial')), 'no trial is announced');
  assert.ok(!user.chat().some((m) => m.buttons.flat().some((b) => b.text === '🛡 VPN')));
  assert.equal(await t.database.db.vpnSubscription.count({ where: { userId: user.id } }), 0);
});
