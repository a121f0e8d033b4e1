import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { composeChatReply } from '#sandbox/openai/chat-reply.ts';
import { saveScreenshot } from '#tests/e2e/browser.ts';
import { uniqueUserId } from '#tests/e2e/ids.ts';
import { BOT_REPLY_MS, type EmulatorPage } from './emulator-page.ts';
import { type JourneyWorld, startJourneyWorld } from './journey-world.ts';
import { MiniAppPanel } from './mini-app-panel.ts';
import { writeReadmeScreenshot } from './readme-screenshot.ts';

// One person's first day with Polygram, played in the chat emulator in Chromium the way they would play it
// in Telegram: sign up in Russian, buy tokens with Stars, chat, make a picture; then an admin refunds the
// purchase and bans them from the admin bot's chat. The tests run in order and share that person; what
// they verify besides the page is read from the database, the mail catcher and the AI stand-ins.

const SD_MODEL = 'stability-ai/stable-diffusion-3.5-large';
const ADMIN = { id: uniqueUserId(), firstName: 'Alex', username: 'alex_admin' };
const PERSON = { firstName: 'Иван', username: 'ivan_journey', email: 'ivan.journey@example.com' };

let world: JourneyWorld;
let emu: EmulatorPage;
/** The person's Telegram id, given by the emulator when story 1 creates them. */
let personId: number | undefined;
/** Story 3's reply, which the README picture shows above story 4's. */
let streamedReplyId: string | undefined;

before(async () => {
  world = await startJourneyWorld({ name: 'journey-chat', superAdminIds: [ADMIN.id] });
  // The sandbox seeds its super admin into the local Bot API the same way (scripts/sandbox/seed-telegram-world.ts).
  await world.stack.telegram.upsertUser({
    id: ADMIN.id,
    first_name: ADMIN.firstName,
    username: ADMIN.username,
    language_code: 'en',
  });
  emu = await world.openEmulator();
});
after(() => world?.stop());

const person = (): number => {
  assert.ok(personId, 'story 1 (sign-up) has to pass first: the later stories are the same person');
  return personId;
};

const tokens = async (userId: number) =>
  (
    await world.stack.db.ledgerAccount.findUnique({
      where: { userId_asset: { userId: BigInt(userId), asset: 'TOKEN' } },
    })
  )?.balance ?? 0n;

test('1 · signs up in Russian, with the email code read in the mail inbox and typed into the chat', async () => {
  const { page } = emu;
  personId = await emu.createUser({ firstName: PERSON.firstName, username: PERSON.username, language: 'ru' });
  await emu.openChat(world.stack.userBot.username);
  await emu.send('/start');
  await emu.expectBot('Выберите язык');
  await emu.press('Русский');
  await emu.expectBot('условия использования');
  await emu.press('Принимаю');
  await emu.expectBot('Добавьте адрес почты');
  await emu.send(PERSON.email);
  await emu.expectBot(`Мы отправили 6-значный код на ${PERSON.email}`);

  // The inbox is one click away in the sidebar; the code is in the subject line.
  const [inbox] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByTestId('link-mail').click(),
  ]);
  const item = inbox.locator('#list li').filter({ hasText: `to ${PERSON.email}` });
  const subject = (await item.locator('.subject').textContent({ timeout: BOT_REPLY_MS })) ?? '';
  await saveScreenshot(inbox, 'journey-mail-inbox');
  await inbox.close();
  const code = /^Код Polygram: (\d{6})$/.exec(subject)?.[1];
  assert.ok(code, `a code in "${subject}"`);
  const mail = await world.stack.mail.waitFor({ to: PERSON.email });
  assert.equal(mail.subject, subject, 'the inbox shows the mail the app sent');
  assert.match(mail.text, /Здравствуйте, Иван!/);

  await emu.send(code);
  await emu.expectBot(`Адрес ${PERSON.email} подтверждён`);
  await emu.expectBot('Всё готово, Иван!');
  const menuId = await emu.expectBot('Главное меню');
  await emu.message(menuId).getByTestId('inline-button').filter({ hasText: 'Профиль' }).waitFor();
  await emu.send('/profile');
  await emu.expectBot(`Почта: ${PERSON.email} ✅`);
  await saveScreenshot(page, 'journey-signup');

  const user = await world.stack.db.user.findUniqueOrThrow({ where: { id: BigInt(person()) } });
  assert.deepEqual([user.language, user.email, user.username], ['ru', PERSON.email, PERSON.username]);
  assert.ok(user.signedUpAt && user.termsAcceptedAt && user.emailVerifiedAt);
});

test('2 · buys a token pack with Stars from the invoice card; /balance and the Mini App wallet show it', async () => {
  const { page } = emu;
  const id = person();
  await emu.send('/buy');
  await emu.expectBot('Что хотите купить?');
  await emu.press('Пакеты токенов');
  await emu.expectBot('Выберите:');
  await emu.press(/^150\s000 токенов/);
  await emu.expectBot('Как удобнее оплатить?');
  await emu.press(/Telegram Stars · 100/);
  const invoiceId = await emu.expectBot(/TELEGRAM STARS/);
  const invoice = emu.message(invoiceId).getByTestId('invoice');
  assert.equal(
    await invoice.locator('.invoice-title').textContent(),
    'Покупка в Polygram',
    'the invoice title in the buyer’s language',
  );
  assert.match(
    (await invoice.locator('.invoice-description').textContent()) ?? '',
    /^150\s000 токенов · навсегда$/,
  );
  assert.equal(await invoice.locator('.invoice-amount').textContent(), '100');

  await emu.message(invoiceId).getByTestId('invoice-pay').click();
  const sheet = page.getByTestId('payment-sheet');
  await sheet.waitFor();
  // The client's own words are in the person's language, as Telegram draws them.
  assert.equal(await sheet.locator('.sheet-from').textContent(), 'от Polygram');
  assert.equal(await page.getByTestId('payment-confirm').textContent(), 'Оплатить 100');
  await page.getByTestId('payment-confirm').click();
  await page
    .getByTestId('payment-message')
    .filter({ hasText: 'Вы успешно перевели 100 для Polygram' })
    .waitFor({ timeout: BOT_REPLY_MS });
  await emu.expectBot(/^✅ Оплата получена: 150\s000 токенов · навсегда\. Баланс токенов: 150\s000\.$/);
  await emu.message(invoiceId).getByTestId('invoice-paid').waitFor();
  await saveScreenshot(page, 'journey-stars-paid');

  const payment = await world.stack.db.payment.findFirstOrThrow({ where: { userId: BigInt(id) } });
  assert.deepEqual(
    [payment.provider, payment.status, payment.amount, payment.currency],
    ['stars', 'succeeded', 100n, 'XTR'],
  );
  const preCheckouts = await world.stack.telegram.calls({
    token: world.stack.userBot.token,
    method: 'answerPreCheckoutQuery',
  });
  assert.ok(
    preCheckouts.some((c) => c.ok && c.params.ok === true),
    'the bot approved the pre-checkout query',
  );
  assert.equal(await tokens(id), 150_000n);

  await emu.send('/balance');
  await emu.expectBot(/Токены: 150\s000/);

  // The menu button opens the Mini App in the panel; its wallet says the same.
  const app = await MiniAppPanel.openFromMenu(page);
  await app.waitForTitle('Привет, Иван!');
  await app.byTestId('nav-wallet').click();
  await app.waitForTitle('Кошелёк');
  await app.byTestId('history-row').first().waitFor({ timeout: BOT_REPLY_MS });
  assert.match(await app.text('wallet-tokens-available'), /^150\s000$/u);
  assert.equal(await app.text('history-row-type'), 'Покупка');
  assert.match(await app.text('history-row-balance'), /^0 → 150\s000$/u);
  await saveScreenshot(page, 'journey-wallet-after-stars');
  await app.back();
  await app.waitForTitle('Привет, Иван!');
  await app.close();
});

test('3 · chats with the AI: the reply grows in one message, then is final and equals the model’s answer', async () => {
  const { stack } = world;
  const id = person();
  // The stand-in's ~130-character answer one character at a time, 40 ms apart: five seconds of writing, so
  // the bot edits its message several times (at most once a second) before the final text.
  stack.openai.control.setStreamChunkSize(1);
  stack.openai.control.setStreamDelay(40);
  try {
    await emu.send('Расскажи про маяки');
    const replyId = await emu.expectBot(/^Echo \(gpt-4o-mini\)/, BOT_REPLY_MS);
    streamedReplyId = replyId;
    const texts = await emu.recordTexts(replyId);
    await emu
      .message(replyId)
      .getByTestId('inline-button')
      .filter({ hasText: '🔊' })
      .waitFor({ timeout: BOT_REPLY_MS });
    const final = await emu.textOf(replyId);

    const request = stack.openai.control.requests().findLast((r) => r.path === '/v1/chat/completions');
    assert.ok(request?.model && request.messages, 'the stand-in got the chat request');
    assert.equal(request.messages.findLast((m) => m.role === 'user')?.text, 'Расскажи про маяки');
    assert.equal(final, composeChatReply(request.model, request.messages));

    const seen = await texts();
    assert.ok(seen.length >= 3, `the text changed ${seen.length - 1} times while streaming`);
    for (const [i, text] of seen.entries()) {
      assert.ok(final.startsWith(text), `revision ${i} is a beginning of the final text`);
      assert.ok(i === 0 || text.length > (seen[i - 1]?.length ?? 0), `revision ${i} is longer`);
    }
    assert.equal(seen.at(-1), final);
    assert.equal(await emu.botMessages().filter({ hasText: 'Echo (gpt-4o-mini)' }).count(), 1, 'one message');
    await saveScreenshot(emu.page, 'journey-chat-streamed');

    const ai = await stack.db.aiRequest.findFirstOrThrow({ where: { userId: BigInt(id), kind: 'text' } });
    assert.deepEqual([ai.status, ai.charged], ['succeeded', 250n]);
    assert.equal(await tokens(id), 150_000n - 250n);
  } finally {
    stack.openai.control.setStreamDelay(0);
    stack.openai.control.setStreamChunkSize(16);
  }
});

test('4 · /image: picks a model, the status message moves from queued to done, the picture appears', async () => {
  const { stack } = world;
  const id = person();
  // Long enough for the worker to poll the provider a few times and show progress.
  stack.predictions.control.setModel(SD_MODEL, { kind: 'image', delayMs: 2_500 });
  await emu.send('/image маяк в шторм, масляная живопись');
  const statusId = await emu.expectBot('Выберите модель для запроса:\n«маяк в шторм, масляная живопись»');
  const statuses = await emu.recordTexts(statusId);
  await emu.press(/^Stable Diffusion · 5\s000$/);
  await emu.waitForText(statusId, /^✅ Stable Diffusion: готово\. Списано: 5\s000 токенов\.$/, 45_000);
  const photoId = await emu.expectBot('Stable Diffusion: маяк в шторм, масляная живопись');
  const photo = emu.message(photoId).getByTestId('media-photo');
  await photo.waitFor();
  const loaded: unknown = await emu.page.evaluate(
    `(() => { const img = document.querySelector('[data-message-id="${photoId}"] [data-testid="media-photo"]');
      return img.complete ? img.naturalWidth : 0; })()`,
  );
  assert.ok(typeof loaded === 'number' && loaded > 1, `the picture loads in the page (${String(loaded)} px)`);
  assert.equal(await emu.message(statusId).getByTestId('inline-button').count(), 0, 'the picker is gone');

  // One message told the whole story: the picker, queued, working (the worker's edits), done.
  const steps = [
    /^Выберите модель для запроса/,
    /^⏳ Stable Diffusion · 5\s000 токенов\nВ очереди…$/,
    /^⚙️ Stable Diffusion: в работе…/,
    /^✅ Stable Diffusion: готово/,
  ];
  const seen = await statuses();
  let at = -1;
  for (const step of steps) {
    const next = seen.findIndex((text, i) => i > at && step.test(text));
    assert.ok(next > at, `the status showed ${step} after the step before: ${seen.join(' / ')}`);
    at = next;
  }

  const ai = await stack.db.aiRequest.findFirstOrThrow({ where: { userId: BigInt(id), kind: 'image' } });
  assert.deepEqual(
    [ai.status, ai.charged, ai.modelId, ai.source],
    ['succeeded', 5_000n, 'stable-diffusion', 'bot'],
  );
  assert.equal(await tokens(id), 150_000n - 250n - 5_000n);
  await emu.scrollToBottom();
  await saveScreenshot(emu.page, 'journey-image');
  // The README's picture of the emulator: the streamed reply at the top, the generated picture below it.
  if (streamedReplyId) await emu.scrollToMessage(streamedReplyId, { withQuestion: true });
  await writeReadmeScreenshot(emu.page, 'emulator');
});

test('7 · the admin refunds the Stars payment and bans the person; their chat shows both', async () => {
  const { stack } = world;
  const { page } = emu;
  const id = person();
  const payment = await stack.db.payment.findFirstOrThrow({ where: { userId: BigInt(id) } });

  // The admin takes the keyboard: another user in the picker, the admin bot's chat.
  await emu.switchUser(ADMIN.id);
  await emu.openChat(stack.adminBot.username);
  await emu.send(`/find @${PERSON.username}`);
  const cardId = await emu.expectBot(`ID: ${id}`);
  assert.match(await emu.textOf(cardId), /Tokens: 144,750/);
  await emu.press('Payments');
  await emu.expectBot(`#${payment.id}`);
  await emu.press(`#${payment.id} · 100 ⭐`);
  await emu.expectBot(`Payment #${payment.id}`);
  await emu.press('Refund in full');
  await emu.expectBot('Refund 100 ⭐ in full?');
  await emu.press('✅ Refund 100 ⭐');
  await emu.expectBot(/Status: refunded/);
  await emu.expectBot('Tokens taken back: 144,750; already spent (shortfall): 5,250');
  await saveScreenshot(page, 'journey-admin-refund');

  const refund = await stack.db.refund.findFirstOrThrow({ where: { paymentId: payment.id } });
  assert.deepEqual(
    [refund.status, refund.adminId, refund.tokensClawedBack, refund.tokensShortfall],
    ['succeeded', BigInt(ADMIN.id), 144_750n, 5_250n],
  );
  const refunds = await stack.telegram.calls({ token: stack.userBot.token, method: 'refundStarPayment' });
  assert.equal(refunds.filter((c) => c.ok).length, 1, 'Telegram refunded the Stars once');

  // The person sees the refund and their balance without the purchase.
  await emu.switchUser(id);
  await emu.openChat(stack.userBot.username, { history: true });
  await page
    .getByTestId('refund-message')
    .filter({ hasText: 'Polygram вернул 100' })
    .waitFor({ timeout: BOT_REPLY_MS });
  await emu
    .botMessages()
    .filter({ hasText: /Возврат 100 ⭐ за «150\s000 токенов · навсегда»/ })
    .waitFor();
  assert.match(
    (await emu.botMessages().filter({ hasText: 'Возврат 100' }).last().textContent()) ?? '',
    /Списано токенов: 144\s750\./,
  );
  await emu.send('/balance');
  const balanceId = await emu.expectBot('Ваш баланс');
  assert.match(await emu.textOf(balanceId), /Токены: 0\n/);
  assert.equal(await tokens(id), 0n);

  // Back to the admin: ban with a reason.
  await emu.switchUser(ADMIN.id);
  await emu.openChat(stack.adminBot.username, { history: true });
  await emu.send(`/find ${id}`);
  await emu.expectBot(`ID: ${id}`);
  await emu.press(/Ban$/);
  await emu.expectBot('Why is Иван banned?');
  await emu.send('возврат и закрытие аккаунта');
  await emu.expectBot('Иван is banned. Reason: возврат и закрытие аккаунта');
  await emu.expectBot(/Status: banned: возврат и закрытие аккаунта/);

  await emu.switchUser(id);
  await emu.openChat(stack.userBot.username, { history: true });
  await emu
    .botMessages()
    .filter({ hasText: 'Ваш аккаунт заблокирован. Причина: возврат и закрытие аккаунта' })
    .waitFor({
      timeout: BOT_REPLY_MS,
    });
  // Whatever they write now, the bot answers with the ban.
  await emu.send('/balance');
  await emu.expectBot('Ваш аккаунт заблокирован. Причина: возврат и закрытие аккаунта');
  await saveScreenshot(page, 'journey-banned');

  const user = await stack.db.user.findUniqueOrThrow({ where: { id: BigInt(id) } });
  assert.deepEqual([user.status, user.banReason], ['banned', 'возврат и закрытие аккаунта']);
  const audit = await stack.db.auditLog.findMany({
    where: { targetUserId: BigInt(id) },
    orderBy: { id: 'asc' },
  });
  assert.ok(
    audit.some((a) => a.action === 'user.ban' && a.actorId === BigInt(ADMIN.id)),
    audit.map((a) => a.action).join(', '),
  );
  assert.deepEqual(emu.pageErrors, [], 'no uncaught errors in the page or the Mini App');
});
