import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Chat } from './chat.ts';
import { uniqueUserId } from './ids.ts';
import { signUp } from './signup-helper.ts';
import { type Stack, startStack } from './stack.ts';

let stack: Stack;
before(async () => {
  stack = await startStack({ name: 'signup' });
});
after(() => stack?.stop());

const codeFrom = (subject: string) => {
  const code = /(\d{6})/.exec(subject)?.[1];
  assert.ok(code, `no code in "${subject}"`);
  return code;
};

test('signup in Russian with email verification; the profile shows the verified email', async () => {
  const id = uniqueUserId();
  const email = `ivan${id}@example.com`;
  await stack.telegram.upsertUser({ id, first_name: 'Иван', username: `ivan${id}`, language_code: 'en' });
  const chat = new Chat(stack.telegram, stack.userBot.token, id);

  await chat.send('/start');
  await chat.expect('Welcome to Polygram');
  await chat.press('Русский');
  await chat.expect('условия использования');
  await chat.press('Принимаю');
  await chat.expect('Добавьте адрес почты');
  await chat.send(email.toUpperCase());
  await chat.expect('Мы отправили 6-значный код');
  const mail = await stack.mail.waitFor({ to: email });
  assert.match(mail.subject, /^Код Polygram: \d{6}$/);
  assert.match(mail.text, /Здравствуйте, Иван!/);
  const code = codeFrom(mail.subject);

  await chat.send(code === '000000' ? '111111' : '000000');
  await chat.expect('Неверный код. Осталось 4 попытки.');
  await chat.send(code);
  await chat.expect(`Адрес ${email} подтверждён`);
  await chat.expect('Всё готово, Иван!');
  const menu = await chat.expect('Главное меню');
  assert.ok(JSON.stringify(menu.reply_markup).includes('Профиль'), 'main menu in Russian');

  await chat.send('/profile');
  await chat.expect(new RegExp(`Почта: ${email} ✅`));
  const user = await stack.db.user.findUniqueOrThrow({ where: { id: BigInt(id) } });
  assert.equal(user.language, 'ru');
  assert.equal(user.email, email);
  assert.ok(user.signedUpAt && user.termsAcceptedAt && user.emailVerifiedAt);
  assert.equal(
    await stack.db.loginEvent.count({ where: { userId: user.id, kind: 'signup', source: 'bot' } }),
    1,
  );
});

test('five wrong codes lock email verification, and the right code is refused while locked', async () => {
  const id = uniqueUserId();
  const email = `lock${id}@example.com`;
  await stack.telegram.upsertUser({ id, first_name: 'Lena', language_code: 'ru' });
  const chat = new Chat(stack.telegram, stack.userBot.token, id);
  await chat.send('/start');
  await chat.expect('Выберите язык');
  await chat.press('Русский');
  await chat.expect('условия использования');
  await chat.press('Принимаю');
  await chat.expect('Добавьте адрес почты');
  await chat.send(email);
  const code = codeFrom((await stack.mail.waitFor({ to: email })).subject);
  const wrong = code === '999999' ? '888888' : '999999';
  for (const left of ['4 попытки', '3 попытки', '2 попытки', '1 попытка']) {
    await chat.send(wrong);
    await chat.expect(`Неверный код. Остал`);
    assert.ok(
      (await chat.botMessages()).some((m) => m.text?.includes(left)),
      `expected "${left}"`,
    );
  }
  await chat.send(wrong);
  await chat.expect('Подтверждение почты заблокировано до');

  // The flow has ended; a new attempt from the profile is refused until the lock expires.
  await chat.send('/profile');
  await chat.expect('Почта: не указана');
  await chat.press('Добавить почту');
  await chat.expect('Напишите адрес');
  await chat.send(email);
  await chat.expect('заблокировано до');
  const user = await stack.db.user.findUniqueOrThrow({ where: { id: BigInt(id) } });
  assert.equal(user.email, null);
  const verification = await stack.db.emailVerification.findFirstOrThrow({ where: { userId: user.id } });
  assert.equal(verification.attempts, 5);
  assert.ok(verification.lockedUntil && verification.lockedUntil.getTime() > Date.now() + 14 * 60_000);
});

test('a referral code from the deep link is kept, and a signup survives an app restart', async () => {
  const referrerId = uniqueUserId();
  await stack.db.user.create({
    data: {
      id: BigInt(referrerId),
      firstName: 'Ref',
      referralCode: `ref${referrerId}`,
      signedUpAt: new Date(),
    },
  });
  const id = uniqueUserId();
  await stack.telegram.upsertUser({ id, first_name: 'Newbie', language_code: 'en' });
  const chat = new Chat(stack.telegram, stack.userBot.token, id);
  await chat.send(`/start ref${referrerId}`);
  await chat.expect('Choose your language');
  await chat.press('English');
  await chat.expect('terms of service');

  await stack.restartApp();

  await chat.press('I accept');
  await chat.expect('Add an email address');
  await chat.press('Skip');
  await chat.expect('you can add an email later');
  await chat.expect("You're all set, Newbie!");
  const user = await stack.db.user.findUniqueOrThrow({ where: { id: BigInt(id) } });
  assert.equal(user.referredById, BigInt(referrerId));
  assert.ok(user.signedUpAt);
  assert.equal(user.language, 'en');
});

test('commands are registered per language and the menu button opens the Mini App', async () => {
  const calls = await stack.telegram.calls({ token: stack.userBot.token, method: 'setMyCommands' });
  const ru = calls.find((c) => JSON.stringify(c.params).includes('"language_code":"ru"'));
  const en = calls.find((c) => !JSON.stringify(c.params).includes('language_code'));
  assert.ok(ru && en, 'both command lists');
  assert.match(JSON.stringify(ru.params), /Главное меню/);
  assert.match(JSON.stringify(en.params), /Main menu/);
  const menuButton = await stack.telegram.calls({ token: stack.userBot.token, method: 'setChatMenuButton' });
  assert.match(JSON.stringify(menuButton.at(-1)?.params), new RegExp(`"url":"${stack.appUrl}/"`));
});

test('a flood of messages is slowed down without hurting the bot or other users', async () => {
  const id = uniqueUserId();
  await stack.telegram.upsertUser({ id, first_name: 'Flood', language_code: 'en' });
  await stack.db.user.create({
    data: { id: BigInt(id), firstName: 'Flood', referralCode: `fl${id}`, signedUpAt: new Date() },
  });
  const flood = new Chat(stack.telegram, stack.userBot.token, id);
  // All at once, as a flood is: sent one after another on a loaded machine they can straddle two 10 s windows.
  await Promise.all(Array.from({ length: 30 }, (_, i) => flood.send(`/help ${i}`)));
  await flood.expect('sending messages too fast');
  const calm = new Chat(stack.telegram, stack.userBot.token, uniqueUserId());
  await stack.telegram.upsertUser({ id: calm.userId, first_name: 'Calm', language_code: 'en' });
  await calm.send('/start');
  await calm.expect('Welcome to Polygram');
  const replies = await flood.botMessages();
  const slowDowns = replies.filter((m) => m.text?.includes('too fast'));
  assert.equal(slowDowns.length, 1, 'told once per window');
  assert.ok(replies.length <= 21, `answered ${replies.length} of 30`);
  assert.ok((await fetch(`${stack.appUrl}/health`)).ok);
});

test('/language switches the bot language at once', async () => {
  const id = uniqueUserId();
  const chat = await signUp(stack, { id, firstName: 'Lang', language: 'ru' });
  await chat.send('/language');
  await chat.expect('Выберите язык');
  await chat.press('English');
  await chat.expect('Language: English.');
  const menu = await chat.expect('Main menu');
  assert.ok(JSON.stringify(menu.reply_markup).includes('Profile'));
  assert.equal((await stack.db.user.findUniqueOrThrow({ where: { id: BigInt(id) } })).language, 'en');
});

test('logs are JSON lines with no tokens or email codes in them', async () => {
  const logs = stack.logs();
  const lines = logs.split('\n').filter((line) => line.startsWith('{'));
  assert.ok(lines.length > 3);
  for (const line of lines) assert.ok(JSON.parse(line).level, line);
  for (const secret of [stack.userBot.token, stack.adminBot.token, stack.userBot.token.split(':')[1] ?? '']) {
    assert.ok(!logs.includes(secret), 'a bot token leaked into the logs');
  }
  for (const mail of stack.mail.messages()) {
    const code = /(\d{6})/.exec(mail.subject)?.[1];
    if (code) assert.ok(!logs.includes(code), 'an email code leaked into the logs');
  }
});
