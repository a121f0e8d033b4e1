import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { TINY_PNG } from '#sandbox/telegram/test-support.ts';
import { buttonsOf, Chat } from './chat.ts';
import { uniqueUserId } from './ids.ts';
import { signUp } from './signup-helper.ts';
import { type Stack, startStack } from './stack.ts';

const adminId = uniqueUserId();
let stack: Stack;
let admin: Chat;
let ru1: Chat;
let ru2: Chat;
let en1: Chat;
let blockedId: number;
/** Opened the bot and left at the terms: in no segment but "Never finished signup". */
let unfinished: Chat;

before(async () => {
  stack = await startStack({ name: 'broadcast', superAdminIds: [adminId] });
  await stack.telegram.upsertUser({ id: adminId, first_name: 'Boss', language_code: 'en' });
  admin = new Chat(stack.telegram, stack.adminBot.token, adminId);
  ru1 = await signUp(stack, { id: uniqueUserId(), firstName: 'Anna', language: 'ru' });
  ru2 = await signUp(stack, { id: uniqueUserId(), firstName: 'Boris', language: 'ru' });
  en1 = await signUp(stack, { id: uniqueUserId(), firstName: 'Emma', language: 'en' });
  blockedId = uniqueUserId();
  await signUp(stack, { id: blockedId, firstName: 'Gone', language: 'ru' });
  await stack.telegram.setBlocked({ token: stack.userBot.token, userId: blockedId, blocked: true });
  const unfinishedId = uniqueUserId();
  await stack.telegram.upsertUser({ id: unfinishedId, first_name: 'Dasha', language_code: 'ru' });
  unfinished = new Chat(stack.telegram, stack.userBot.token, unfinishedId);
  await unfinished.send('/start');
  await unfinished.expect('Выберите язык');
});

/** What the unfinished signup got from the bot apart from the signup conversation's first question. */
const unfinishedGot = async (match: (m: { text?: string; caption?: string }) => boolean) =>
  (await unfinished.botMessages()).filter(match);
after(() => stack?.stop());

const TEXT = 'Sale: 2 < 3 & more';

test('compose → preview → confirm: the segment receives it and the progress message ends at done', async () => {
  await admin.send('/broadcast');
  await admin.expect('New broadcast');
  await admin.send(TEXT);
  await admin.expect('Add a button');
  await admin.send('not a button');
  await admin.expect('That is not a button');
  await admin.send('Open shop | https://example.com/shop');
  await admin.expect('Who gets it?');
  await admin.press('By language');
  await admin.expect('Users with which language?');
  await admin.press('Русский');
  const preview = await admin.expectWhere((m) => m.text === TEXT);
  assert.deepEqual(
    buttonsOf(preview).map((b) => ['url' in b ? b.url : '', b.text]),
    [['https://example.com/shop', 'Open shop']],
    'the preview is the message users get, button included',
  );
  await admin.expect('Recipients: 3');
  await admin.press('Send');
  const progress = await admin.expect(/Broadcast #\d+: done/, 20_000);
  assert.match(progress.text ?? '', /Sent: 2\nFailed: 0\nBlocked: 1\nTotal: 3/);
  assert.deepEqual(buttonsOf(progress), []);

  for (const user of [ru1, ru2]) {
    const got = await user.expect(TEXT);
    assert.equal(buttonsOf(got)[0]?.text, 'Open shop');
  }
  const english = await en1.botMessages();
  assert.ok(!english.some((m) => m.text === TEXT), 'the English speaker is not in the segment');
  assert.deepEqual(
    await unfinishedGot((m) => m.text === TEXT),
    [],
    'a Russian speaker who never accepted the terms receives nothing',
  );
  const gone = await stack.db.user.findUniqueOrThrow({ where: { id: BigInt(blockedId) } });
  assert.ok(gone.botBlockedAt, 'the user who blocked the bot is marked and left out next time');
  const audit = await stack.db.auditLog.findMany({
    where: { actorId: BigInt(adminId), action: { startsWith: 'broadcast.' } },
    orderBy: { id: 'asc' },
  });
  assert.deepEqual(
    audit.map((a) => a.action),
    ['broadcast.create', 'broadcast.start'],
  );
});

test('a photo broadcast is paused, resumed and canceled from its progress message', async () => {
  // People the local Bot API does not know (Telegram answers "chat not found"): they keep the worker busy
  // for several seconds, long enough to press the buttons while it runs.
  await stack.db.user.createMany({
    data: Array.from({ length: 150 }, (_, i) => ({
      id: BigInt(9_100_000_000 + (process.pid % 1000) * 1000 + i),
      firstName: 'Ghost',
      referralCode: `ghost${process.pid}x${i}`,
      signedUpAt: new Date(),
    })),
  });
  await admin.send('/broadcast');
  await admin.expect('New broadcast');
  await stack.telegram.sendPhoto({
    token: stack.adminBot.token,
    userId: adminId,
    bytes: TINY_PNG,
    fileName: 'sale.png',
    caption: 'Photo news',
  });
  await admin.expect('Add a button');
  await admin.press('Skip');
  await admin.expect('Who gets it?');
  await admin.press('Everyone');
  await admin.expectWhere((m) => m.media?.kind === 'photo' && m.caption === 'Photo news');
  // Anna, Boris, Emma and the ghosts; the user who blocked the bot is known now and left out, and so are
  // the two who never finished signup (Dasha, and the admin, who never signed up in the user bot).
  await admin.expect('Recipients: 153');
  await admin.press('Send');
  await admin.expect(/Broadcast #\d+: sending/);
  // The three real people have the lowest ids and are queued first; pause once they have it, so the photo's
  // arrival is checked for certain while the ghosts are still being worked through.
  const deadline = Date.now() + 15_000;
  const running = () => stack.db.broadcast.findFirstOrThrow({ where: { photoFileId: { not: null } } });
  while ((await running()).sent < 3) {
    assert.ok(Date.now() < deadline, 'the real recipients were served');
    await new Promise((r) => setTimeout(r, 50));
  }

  const paused = await admin.press('Pause');
  assert.equal(await admin.answerOf(paused.callbackQueryId), 'Paused.');
  await admin.expect(/: paused/);
  await admin.press('Resume');
  await admin.expect(/: sending/);
  const canceled = await admin.press('Cancel broadcast');
  assert.match((await admin.answerOf(canceled.callbackQueryId)) ?? '', /Canceled/);
  const final = await admin.expect(/: canceled/);
  assert.deepEqual(buttonsOf(final), [], 'a canceled broadcast has no buttons');

  // Jobs already past the status check may still land; after that nothing moves.
  await new Promise((r) => setTimeout(r, 1000));
  const settled = await stack.db.broadcast.findFirstOrThrow({ where: { photoFileId: { not: null } } });
  assert.equal(settled.status, 'canceled');
  await new Promise((r) => setTimeout(r, 1500));
  const later = await stack.db.broadcast.findUniqueOrThrow({ where: { id: settled.id } });
  const processed = (b: typeof settled) => b.sent + b.blocked + b.failed;
  assert.equal(processed(later), processed(settled), 'nothing is sent after a cancel');
  const pending = await stack.db.broadcastDelivery.count({
    where: { broadcastId: settled.id, status: 'pending' },
  });
  assert.ok(pending > 0, 'canceling left the rest unsent');
  assert.equal(pending + processed(later), later.total);

  assert.equal(later.sent, 3);
  for (const user of [ru1, ru2, en1]) {
    await user.expectWhere((m) => m.media?.kind === 'photo' && m.caption === 'Photo news');
  }
  assert.deepEqual(await unfinishedGot((m) => m.caption === 'Photo news'), [], 'not even to "Everyone"');
});

test('Cancel at the preview sends nothing', async () => {
  const before = await stack.db.broadcast.count();
  await admin.send('/broadcast');
  await admin.expect('New broadcast');
  await admin.send('Never sent');
  await admin.expect('Add a button');
  await admin.press('Skip');
  await admin.expect('Who gets it?');
  await admin.press('Never paid');
  await admin.expect('Recipients:');
  await admin.press(/^Cancel$/);
  await admin.expect('Cancelled.');
  assert.equal(await stack.db.broadcast.count(), before);
  await new Promise((r) => setTimeout(r, 500));
  assert.ok(!(await ru1.botMessages()).some((m) => m.text === 'Never sent'));
});

test('"Never finished signup" is chosen on purpose and reaches only them: a reminder to finish', async () => {
  // The admin has just made three broadcasts at a machine's speed: past the flood limit (20 updates in 10 s)
  // the bot would slow them down with a "too fast" notice, as it would a person. A person pauses first.
  await sleep(10_000);
  await admin.send('/broadcast');
  await admin.expect('New broadcast');
  await admin.send('Finish signing up to get your welcome tokens');
  await admin.expect('Add a button');
  await admin.press('Skip');
  await admin.expect('Who gets it?');
  await admin.press('Never finished signup');
  await admin.expectWhere((m) => m.text === 'Finish signing up to get your welcome tokens');
  // Dasha and the admin's placeholder account; everyone who signed up is left out.
  const summary = await admin.expect('Recipients: 2');
  assert.match(summary.text ?? '', /have not accepted the terms/);
  await admin.press('Send');
  await admin.expect(/Broadcast #\d+: done/, 20_000);
  await unfinished.expect('Finish signing up to get your welcome tokens');
  for (const user of [ru1, ru2, en1]) {
    const got = await user.botMessages();
    assert.ok(!got.some((m) => m.text === 'Finish signing up to get your welcome tokens'));
  }
});
