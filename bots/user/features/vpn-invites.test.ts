import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startRemnawaveStandIn, type TRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { type OfflineBot, startOfflineBot } from '#tests/support/offline-bot.ts';
import { OFFLINE_BOT_INFO } from '#tests/support/offline-bot-info.ts';

// Invites in the user bot: /invites lists the codes with their links, a friend redeems one through the
// shared link (before signup) or /invite, and the inviter sees who used it.

const DAY = 86_400_000;
let panel: TRemnawaveStandIn;
let t: OfflineBot;
before(async () => {
  panel = await startRemnawaveStandIn({ port: 0 });
  t = await startOfflineBot({ env: { REMNAWAVE_URL: panel.url, REMNAWAVE_TOKEN: panel.token } });
});
after(async () => {
  await t?.close();
  await panel?.close();
});

const db = () => t.database.db;

/** A subscriber with a paid month of `tier` that started 10 days ago. */
async function paidSubscriber(tier: string, lang: 'en' | 'ru') {
  const user = await t.user({ lang, firstName: 'Anna' });
  const startsAt = new Date(Date.now() - 10 * DAY);
  const endsAt = new Date(startsAt.getTime() + 30 * DAY);
  await db().vpnSubscription.create({
    data: {
      userId: user.id,
      tier,
      expiresAt: endsAt,
      trafficLimitBytes: 0n,
      trafficStrategy: 'MONTH',
      deviceLimit: 3,
      squads: ['standard'],
    },
  });
  await db().vpnPeriod.create({
    data: { userId: user.id, source: 'paid', tier, days: 30, startsAt, endsAt },
  });
  return user;
}

test('/invites lists the codes with share links; a friend redeems one from the link, a second friend cannot', async () => {
  const inviter = await paidSubscriber('pro', 'en');
  await inviter.send('/invites');
  const listed = inviter.lastText();
  const codes = [...listed.matchAll(/start=inv_([A-Z0-9]+)/g)].map((m) => m[1]);
  assert.equal(codes.length, 2, 'pro: two codes for a paid month');
  assert.match(listed, new RegExp(`https://t\\.me/${OFFLINE_BOT_INFO.username}\\?start=inv_`));
  assert.match(listed, /14 days for a friend/);
  assert.match(listed, /Loyalty level: 🥉 Bronze/);
  const code = codes[0];
  assert.ok(code);
  const share = inviter.chat().at(-1)?.buttons.flat()[0];
  assert.ok(share && 'url' in share && share.url.startsWith('https://t.me/share/url?url='), 'a share button');

  // A newcomer taps the link: the days come first, then signup goes on as for anyone.
  const friend = await t.user({ lang: 'ru', firstName: 'Boris', signedUp: false });
  await friend.send(`/start inv_${code}`);
  const texts = friend.chat().map((m) => m.text);
  assert.ok(
    texts.some((x) => /Приглашение друга сработало: VPN бесплатно на 14 дн\./.test(x)),
    texts.join('|'),
  );
  assert.ok(texts.length >= 2, 'signup goes on after the invite');
  const sub = await db().vpnSubscription.findUniqueOrThrow({ where: { userId: friend.id } });
  assert.ok(Math.abs(sub.expiresAt.getTime() - (Date.now() + 14 * DAY)) < 60_000);

  const queued = await t.deps.notifyQueue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
  const told = queued.filter((j) => j.data.chatId === inviter.id.toString());
  assert.equal(told.length, 1, 'the inviter hears of it');
  assert.match(told[0]?.data.text ?? '', /Boris used your VPN invite/);

  const late = await t.user({ lang: 'en' });
  await late.send(`/invite ${code}`);
  assert.match(late.lastText(), /already been used/);
  assert.equal(await db().vpnSubscription.count({ where: { userId: late.id } }), 0);

  await inviter.send(`/invite ${codes[1]}`);
  assert.match(inviter.lastText(), /your own invite code/);

  await inviter.send('/invites');
  assert.match(
    inviter.lastText(),
    new RegExp(`<s>${code}</s> · used by Boris · your days come when they pay`),
  );
});
