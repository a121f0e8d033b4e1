import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Chat } from './chat.ts';
import { uniqueUserId } from './ids.ts';
import { signUp } from './signup-helper.ts';
import { type Stack, startStack } from './stack.ts';

const superAdminId = uniqueUserId();
let stack: Stack;
let admin: Chat;

before(async () => {
  stack = await startStack({ name: 'admin', superAdminIds: [superAdminId] });
  await stack.telegram.upsertUser({
    id: superAdminId,
    first_name: 'Boss',
    username: `boss${superAdminId}`,
    language_code: 'en',
  });
  admin = new Chat(stack.telegram, stack.adminBot.token, superAdminId);
});
after(() => stack?.stop());

const waitUntil = async (check: () => Promise<boolean>, what: string, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

test('an admin finds a user, bans them with a reason they receive, and unbans them', async () => {
  const id = uniqueUserId();
  const user = await signUp(stack, { id, firstName: 'Eve', username: `eve${id}`, language: 'ru' });

  await admin.send(`/find @EVE${id}`);
  const card = await admin.expect(`ID: ${id}`);
  assert.match(card.text ?? '', /Status: active/);
  assert.match(card.text ?? '', /Sessions \(1\)/);
  await admin.press('Ban');
  await admin.expect('Why is Eve banned?');
  await admin.send('спам в поддержку');
  await admin.expect('Eve is banned. Reason: спам в поддержку');
  await admin.expect(/Status: banned: спам в поддержку/);

  await user.expect('Ваш аккаунт заблокирован. Причина: спам в поддержку');
  await user.send('/profile');
  await user.expect('Причина: спам в поддержку');

  const audit = await stack.db.auditLog.findMany({ where: { targetUserId: BigInt(id) } });
  assert.deepEqual(
    audit.map((a) => [a.action, a.actorId]),
    [['user.ban', BigInt(superAdminId)]],
  );

  const unban = await admin.press('Unban');
  assert.match((await admin.answerOf(unban.callbackQueryId)) ?? '', /Eve is unbanned/);
  await user.expect('Ваш аккаунт разблокирован');
  await user.send('/profile');
  await user.expect(`ID: ${id}`);
  assert.equal((await stack.db.user.findUniqueOrThrow({ where: { id: BigInt(id) } })).status, 'active');
});

test('roles: a super admin grants moderator; a moderator bans but cannot grant; others are refused', async () => {
  const modId = uniqueUserId();
  const targetId = uniqueUserId();
  await signUp(stack, { id: modId, firstName: 'Mod', language: 'en' });
  await signUp(stack, { id: targetId, firstName: 'Target', language: 'en' });

  await admin.send(`/find ${modId}`);
  await admin.expect(`ID: ${modId}`);
  await admin.press('Role');
  await admin.expect('Choose a role for Mod');
  const grant = await admin.press('moderator');
  assert.match((await admin.answerOf(grant.callbackQueryId)) ?? '', /Mod is now moderator/);
  assert.equal(
    (await stack.db.adminRole.findUniqueOrThrow({ where: { userId: BigInt(modId) } })).role,
    'moderator',
  );

  const moderator = new Chat(stack.telegram, stack.adminBot.token, modId);
  await moderator.send(`/find ${targetId}`);
  const card = await moderator.expect(`ID: ${targetId}`);
  const labels = JSON.stringify(card.reply_markup);
  assert.ok(labels.includes('Ban') && !labels.includes('Role'), 'moderator sees Ban but not Role');
  // A forged button press: the role check happens on the server, not in the keyboard.
  const forged = await moderator.pressData(card.message_id, `v1:grant:admin:${targetId}`, { forged: true });
  assert.match((await moderator.answerOf(forged.callbackQueryId)) ?? '', /don't have permission/);
  assert.equal(await stack.db.adminRole.count({ where: { userId: BigInt(targetId) } }), 0);

  const strangerId = uniqueUserId();
  await signUp(stack, { id: strangerId, firstName: 'Stranger', language: 'ru' });
  const stranger = new Chat(stack.telegram, stack.adminBot.token, strangerId);
  await stranger.send(`/find ${targetId}`);
  await stranger.expect('нет роли администратора');
});

test('/stats counts users, new today and active in 24 hours', async () => {
  await admin.send('/stats');
  const stats = await admin.expect('Total:');
  const total = await stack.db.user.count();
  assert.match(stats.text ?? '', new RegExp(`Total: ${total}\\b`));
  assert.match(stats.text ?? '', /Active in 24 h: \d+/);
});

test('a 403 from Telegram marks the user bot-blocked and later notices skip them', async () => {
  const id = uniqueUserId();
  await signUp(stack, { id, firstName: 'Gone', language: 'en' });
  await stack.telegram.setBlocked({ token: stack.userBot.token, userId: id, blocked: true });
  await admin.send(`/find ${id}`);
  await admin.expect(`ID: ${id}`);
  await admin.press('Ban');
  await admin.expect('Why is Gone banned?');
  await admin.send('test');
  await admin.expect('Gone is banned');
  await waitUntil(
    async () => (await stack.db.user.findUniqueOrThrow({ where: { id: BigInt(id) } })).botBlockedAt !== null,
    'botBlockedAt set by the notify worker',
  );
  await admin.send(`/find ${id}`);
  await admin.expect(/Bot blocked: yes/);
});

test('support: a user writes to support and the reply in the support chat reaches them', async () => {
  const staffId = uniqueUserId();
  await stack.telegram.upsertUser({ id: staffId, first_name: 'Agent', language_code: 'ru' });
  await stack.telegram.createGroup({
    id: stack.supportChatId,
    title: 'Polygram support',
    memberIds: [staffId],
    botTokens: [stack.userBot.token],
  });
  const id = uniqueUserId();
  const user = await signUp(stack, { id, firstName: 'Olga', language: 'ru' });
  await user.send('/support');
  await user.expect('Опишите вопрос');
  await user.send('Не проходит оплата');
  await user.expect('Отправлено в поддержку');

  const group = new Chat(stack.telegram, stack.userBot.token, staffId, stack.supportChatId);
  const info = await group.expect(`ID ${id}`);
  const forwarded = (
    await stack.telegram.messages({ token: stack.userBot.token, chatId: stack.supportChatId })
  ).find((m) => m.text === 'Не проходит оплата' && m.forward_origin);
  assert.ok(forwarded, 'the user message is forwarded with its origin');
  await group.send('Проверим и вернёмся', { replyToMessageId: info.message_id });
  await user.expect('Ответ поддержки');
  await user.expect('Проверим и вернёмся');
});
