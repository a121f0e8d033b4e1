import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Bot, GrammyError } from 'grammy';
import { formatMessageText, formatText } from './formatting/format-text.ts';
import { startTestServer, tokenFor } from './test-support.ts';

const noUsers = () => undefined;
const html = (text: string) => formatText({ text, parseMode: 'HTML', resolveUser: noUsers });
const md2 = (text: string) => formatText({ text, parseMode: 'MarkdownV2', resolveUser: noUsers });
const parseError = (message: string) => ({ description: `Bad Request: can't parse entities: ${message}` });

describe('HTML parse mode', () => {
  test('tags become entities with UTF-16 offsets', () => {
    assert.deepEqual(html('<b>bold <i>both</i></b> 🏟 <a href="telegram.org">link</a> &lt;&amp;&gt;'), {
      text: 'bold both 🏟 link <&>',
      entities: [
        { type: 'bold', offset: 0, length: 9 },
        { type: 'italic', offset: 5, length: 4 },
        { type: 'text_link', offset: 13, length: 4, url: 'http://telegram.org/' },
      ],
    });
  });

  test('pre with a language, spoilers, quotes and code', () => {
    assert.deepEqual(
      html(
        '<pre><code class="language-ts">let a</code></pre><tg-spoiler>s</tg-spoiler><blockquote>q</blockquote><code>c</code>',
      ),
      {
        text: 'let asqc',
        entities: [
          { type: 'pre', offset: 0, length: 5, language: 'ts' },
          { type: 'spoiler', offset: 5, length: 1 },
          { type: 'blockquote', offset: 6, length: 1 },
          { type: 'code', offset: 7, length: 1 },
        ],
      },
    );
  });

  test('bad markup is rejected with tdlib messages and UTF-8 byte offsets', () => {
    assert.throws(() => html('🏟 🏟&lt;<abac>'), parseError('Unsupported start tag "abac" at byte offset 13'));
    assert.throws(() => html('<b>x'), parseError('Can\'t find end tag corresponding to start tag "b"'));
    assert.throws(
      () => html('🏟 🏟&lt;<i>a</em   >'),
      parseError('Unmatched end tag at byte offset 17, expected "</i>", found "</em>"'),
    );
    assert.throws(() => html('a</b>'), parseError('Unexpected end tag at byte offset 1'));
  });
});

describe('MarkdownV2 parse mode', () => {
  test('entities, escapes and nesting', () => {
    assert.deepEqual(md2('*bold _both_* __u__ ~s~ ||sp|| `c\\`` [link](https://t.me/x) 1\\.0'), {
      text: 'bold both u s sp c` link 1.0',
      entities: [
        { type: 'bold', offset: 0, length: 9 },
        { type: 'italic', offset: 5, length: 4 },
        { type: 'underline', offset: 10, length: 1 },
        { type: 'strikethrough', offset: 12, length: 1 },
        { type: 'spoiler', offset: 14, length: 2 },
        { type: 'code', offset: 17, length: 2 },
        { type: 'text_link', offset: 20, length: 4, url: 'https://t.me/x' },
      ],
    });
  });

  test('pre blocks with a language and block quotes', () => {
    assert.deepEqual(md2('```python\nprint(1)\n```\n>quoted\n>lines\nafter'), {
      text: 'print(1)\n\nquoted\nlines\nafter',
      entities: [
        { type: 'pre', offset: 0, length: 9, language: 'python' },
        { type: 'blockquote', offset: 10, length: 13 },
      ],
    });
  });

  test('unescaped reserved characters and unclosed entities fail', () => {
    assert.throws(
      () => md2('Version 1.0'),
      parseError("Character '.' is reserved and must be escaped with the preceding '\\'"),
    );
    assert.throws(() => md2('🏟 🏟_abacaba'), parseError("Can't find end of Italic entity at byte offset 9"));
    assert.throws(() => md2('[telegram\\.org](asd'), parseError("Can't find end of a URL at byte offset 16"));
  });
});

describe('message text rules', () => {
  test('Telegram trims whitespace and detects commands, mentions, hashtags and URLs', () => {
    assert.deepEqual(
      formatText({
        text: '  /help@my_bot ask @support_team #faq at https://x.org/a.  ',
        resolveUser: noUsers,
      }),
      {
        text: '/help@my_bot ask @support_team #faq at https://x.org/a.',
        entities: [
          { type: 'bot_command', offset: 0, length: 12 },
          { type: 'mention', offset: 17, length: 13 },
          { type: 'hashtag', offset: 31, length: 4 },
          { type: 'url', offset: 39, length: 15 },
        ],
      },
    );
  });

  test('empty and over-long texts are rejected', () => {
    assert.throws(() => formatMessageText({ text: ' <b></b> ', parseMode: 'HTML', resolveUser: noUsers }), {
      description: 'Bad Request: message text is empty',
    });
    assert.throws(() => formatMessageText({ text: 'x'.repeat(4097), resolveUser: noUsers }), {
      description: 'Bad Request: message is too long',
    });
  });
});

test('sendMessage over the Bot API applies parse_mode and reports markup errors', async () => {
  const { server, client } = await startTestServer();
  try {
    await client.upsertUser({ id: 7001, first_name: 'Reader' });
    const bot = new Bot(tokenFor(700601), { client: { apiRoot: server.url } });
    const message = await bot.api.sendMessage(7001, 'Total: <b>42 €</b>', { parse_mode: 'HTML' });
    assert.equal(message.text, 'Total: 42 €');
    assert.deepEqual(message.entities, [{ type: 'bold', offset: 7, length: 4 }]);

    const error = await bot.api
      .sendMessage(7001, 'Total: 4.2', { parse_mode: 'MarkdownV2' })
      .catch((e: unknown) => e);
    assert.ok(error instanceof GrammyError);
    assert.equal(
      error.description,
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    );
    await assert.rejects(bot.api.sendMessage(7001, ''), {
      description: 'Bad Request: message text is empty',
    });
    await assert.rejects(bot.api.sendMessage(42, 'nobody'), { description: 'Bad Request: chat not found' });
  } finally {
    await server.close();
  }
});
