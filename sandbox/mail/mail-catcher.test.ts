import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTransport } from 'nodemailer';
import { type CaughtMail, MAX_MESSAGE_BYTES, type MailCatcher, startMailCatcher } from './mail-catcher.ts';

// Each test gets its own catcher on random ports, so tests can run in parallel with anything.
async function withCatcher(run: (catcher: MailCatcher) => Promise<void>): Promise<void> {
  const catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  try {
    await run(catcher);
  } finally {
    await catcher.close();
  }
}

function send(smtpUrl: string, mail: Parameters<ReturnType<typeof createTransport>['sendMail']>[0]) {
  const transport = createTransport(smtpUrl);
  return transport.sendMail({ from: '"Polygram" <no-reply@polygram.test>', ...mail }).finally(() => {
    transport.close();
  });
}

type JsonMail = Omit<CaughtMail, 'receivedAt'> & { receivedAt: string };

describe('mail catcher', () => {
  test('parses recipients, subject, text and html of a real nodemailer message', () =>
    withCatcher(async (catcher) => {
      assert.match(catcher.smtpUrl, /^smtp:\/\/127\.0\.0\.1:\d+$/);
      await send(catcher.smtpUrl, {
        to: 'alice@example.test',
        subject: 'Your code: 123456',
        text: 'Code 123456 — valid for 10 minutes.',
        html: '<p>Code <b>123456</b></p>',
      });

      const [mail, ...rest] = catcher.messages();
      assert.equal(rest.length, 0);
      assert.ok(mail);
      assert.deepEqual(mail.to, ['alice@example.test']);
      assert.equal(mail.from, '"Polygram" <no-reply@polygram.test>');
      assert.equal(mail.subject, 'Your code: 123456');
      assert.equal(mail.text.trim(), 'Code 123456 — valid for 10 minutes.');
      assert.equal(mail.html, '<p>Code <b>123456</b></p>');
      assert.ok(mail.receivedAt instanceof Date);
      assert.ok(mail.id.length > 0);
    }));

  test('a text-only message has html null', () =>
    withCatcher(async (catcher) => {
      await send(catcher.smtpUrl, { to: 'bob@example.test', subject: 'plain', text: 'just text' });
      const mail = await catcher.waitFor({ to: 'bob@example.test' });
      assert.equal(mail.html, null);
      assert.equal(mail.text.trim(), 'just text');
    }));

  test('collects every envelope recipient: to, cc and bcc', () =>
    withCatcher(async (catcher) => {
      await send(catcher.smtpUrl, {
        to: ['a@example.test', 'B@example.test'],
        cc: 'c@example.test',
        bcc: 'd@example.test',
        subject: 'many',
        text: 'hi all',
      });

      const [mail] = catcher.messages();
      assert.deepEqual(mail?.to, ['a@example.test', 'B@example.test', 'c@example.test', 'd@example.test']);
      // Addresses compare case-insensitively, and a Bcc recipient is found as well.
      assert.equal((await catcher.waitFor({ to: 'b@EXAMPLE.test', timeoutMs: 100 })).id, mail?.id);
      assert.equal((await catcher.waitFor({ to: 'd@example.test', timeoutMs: 100 })).id, mail?.id);
    }));

  test('waitFor resolves for a message that arrives after the call', () =>
    withCatcher(async (catcher) => {
      const since = new Date();
      const waiting = catcher.waitFor({ to: 'late@example.test', since, timeoutMs: 5000 });
      await send(catcher.smtpUrl, { to: 'other@example.test', subject: 'not this one', text: 'x' });
      await send(catcher.smtpUrl, { to: 'late@example.test', subject: 'welcome', text: 'hello' });

      const mail = await waiting;
      assert.equal(mail.subject, 'welcome');
      assert.ok(mail.receivedAt.getTime() >= since.getTime());
    }));

  test('waitFor honours since and match', () =>
    withCatcher(async (catcher) => {
      await send(catcher.smtpUrl, { to: 'carol@example.test', subject: 'code 111111', text: 'old' });
      const since = new Date();
      // The older message must not satisfy a wait that starts after it.
      const waiting = catcher.waitFor({
        to: 'carol@example.test',
        since,
        match: (m) => m.subject.includes('222222'),
        timeoutMs: 5000,
      });
      await send(catcher.smtpUrl, { to: 'carol@example.test', subject: 'code 999999', text: 'wrong' });
      await send(catcher.smtpUrl, { to: 'carol@example.test', subject: 'code 222222', text: 'new' });
      assert.equal((await waiting).subject, 'code 222222');
    }));

  test('waitFor rejects after its timeout with a clear error', () =>
    withCatcher(async (catcher) => {
      await send(catcher.smtpUrl, { to: 'someone@example.test', subject: 'elsewhere', text: 'x' });
      const started = Date.now();
      await assert.rejects(catcher.waitFor({ to: 'nobody@example.test', timeoutMs: 150 }), (err: Error) => {
        assert.match(err.message, /no mail to nobody@example\.test within 150 ms/);
        // Naming what did arrive makes a typo'd address obvious.
        assert.match(err.message, /someone@example\.test "elsewhere"/);
        return true;
      });
      assert.ok(Date.now() - started >= 140);
    }));

  test('close rejects pending waiters instead of leaving them hanging', async () => {
    const catcher = await startMailCatcher();
    const waiting = catcher.waitFor({ to: 'x@example.test', timeoutMs: 60_000 });
    await catcher.close();
    await assert.rejects(waiting, /closed/);
    await catcher.close();
  });

  test('HTTP side lists, shows and deletes messages and serves the inbox page', () =>
    withCatcher(async (catcher) => {
      await send(catcher.smtpUrl, { to: 'first@example.test', subject: 'one', text: '1' });
      await send(catcher.smtpUrl, { to: 'second@example.test', subject: 'two', text: '2', html: '<i>2</i>' });

      const listRes = await fetch(`${catcher.httpUrl}/messages`);
      assert.equal(listRes.status, 200);
      assert.match(listRes.headers.get('content-type') ?? '', /application\/json/);
      const list = (await listRes.json()) as JsonMail[];
      assert.deepEqual(
        list.map((m) => m.subject),
        ['two', 'one'],
        'newest first',
      );
      const [newest] = list;
      assert.ok(newest);
      assert.deepEqual(newest.to, ['second@example.test']);
      assert.equal(newest.html, '<i>2</i>');
      assert.ok(!Number.isNaN(Date.parse(newest.receivedAt)));

      const oneRes = await fetch(`${catcher.httpUrl}/messages/${newest.id}`);
      assert.equal(oneRes.status, 200);
      assert.equal(((await oneRes.json()) as JsonMail).subject, 'two');
      assert.equal((await fetch(`${catcher.httpUrl}/messages/missing`)).status, 404);

      const page = await fetch(`${catcher.httpUrl}/`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
      assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'nonce-/);
      assert.match(await page.text(), /<iframe|createElement\("iframe"\)/);

      assert.equal((await fetch(`${catcher.httpUrl}/messages`, { method: 'DELETE' })).status, 204);
      assert.deepEqual(await (await fetch(`${catcher.httpUrl}/messages`)).json(), []);
      assert.equal(catcher.messages().length, 0);
      assert.equal((await fetch(`${catcher.httpUrl}/messages`, { method: 'PUT' })).status, 405);
    }));

  test('clear() empties the inbox', () =>
    withCatcher(async (catcher) => {
      await send(catcher.smtpUrl, { to: 'dave@example.test', subject: 'a', text: 'a' });
      assert.equal(catcher.messages().length, 1);
      catcher.clear();
      assert.equal(catcher.messages().length, 0);
      await assert.rejects(catcher.waitFor({ to: 'dave@example.test', timeoutMs: 50 }), /within 50 ms/);
    }));

  test('accepts any AUTH when the SMTP URL carries credentials', () =>
    withCatcher(async (catcher) => {
      const url = catcher.smtpUrl.replace('smtp://', 'smtp://user:secret@');
      await send(url, { to: 'auth@example.test', subject: 'with auth', text: 'ok' });
      assert.equal(
        (await catcher.waitFor({ to: 'auth@example.test', timeoutMs: 1000 })).subject,
        'with auth',
      );
    }));

  test('refuses a message over 10 MB with SMTP 552', () =>
    withCatcher(async (catcher) => {
      await assert.rejects(
        send(catcher.smtpUrl, {
          to: 'big@example.test',
          subject: 'huge',
          text: 'x'.repeat(MAX_MESSAGE_BYTES + 1024),
        }),
        (err: Error & { responseCode?: number }) => {
          assert.equal(err.responseCode, 552);
          return true;
        },
      );
      assert.equal(catcher.messages().length, 0);
      // The catcher keeps working after a refusal.
      await send(catcher.smtpUrl, { to: 'big@example.test', subject: 'small', text: 'ok' });
      assert.equal(catcher.messages().length, 1);
    }));
});
