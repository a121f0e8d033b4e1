import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHtml } from '#sandbox/telegram/formatting/html-parser.ts';
import { markdownToHtml } from './markdown-to-html.ts';
import { htmlToPlainText, splitHtml, TELEGRAM_TEXT_MAX } from './split-html.ts';

/** Telegram's own HTML parser (the local Bot API's port of tdlib's): a chunk it refuses would be a bug. */
const parses = (html: string) => parseHtml(html).text;
const visibleLength = (html: string) => htmlToPlainText(html).length;

function longReply(paragraphs: number): string {
  return Array.from(
    { length: paragraphs },
    (_, i) =>
      `## Part ${i}\nSome **bold** and *italic* text with \`code <x>\`, a [link](https://example.com/?a=1&b=${i}) & more.\n` +
      '```ts\nconst a = b < c && d > e;\n```',
  ).join('\n\n');
}

test('a long reply splits into chunks within 4096 characters, each valid HTML, nothing lost', () => {
  const html = markdownToHtml(longReply(200));
  const chunks = splitHtml(html);
  assert.ok(chunks.length >= 5, `got ${chunks.length} chunks`);
  for (const chunk of chunks) {
    assert.ok(visibleLength(chunk) <= TELEGRAM_TEXT_MAX, `chunk of ${visibleLength(chunk)} characters`);
    assert.doesNotThrow(() => parses(chunk), chunk.slice(0, 200));
  }
  // Cuts drop only the blank they fell on: the words are all still there, in order.
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  assert.deepEqual(words(chunks.map(htmlToPlainText).join(' ')), words(htmlToPlainText(html)));
});

test('cuts prefer a paragraph break, then a line break, then a space', () => {
  const paragraph = `${'a'.repeat(60)}\n\n${'b'.repeat(30)}`;
  assert.deepEqual(splitHtml(paragraph, 80), ['a'.repeat(60), 'b'.repeat(30)]);
  const lines = `${'a'.repeat(50)} ${'a'.repeat(10)}\n${'b'.repeat(30)}`;
  assert.deepEqual(splitHtml(lines, 80), [`${'a'.repeat(50)} ${'a'.repeat(10)}`, 'b'.repeat(30)]);
  const words = `${'word '.repeat(30).trim()}`;
  const chunks = splitHtml(words, 42);
  assert.ok(
    chunks.every((c) => /^(word ?)+$/.test(c) && c.length <= 42 && !c.endsWith(' ')),
    chunks.join('|'),
  );
});

test('a tag open at the cut is closed and reopened, attributes included', () => {
  const html = `<pre><code class="language-python">${'x = 1\n'.repeat(30)}</code></pre>`;
  const chunks = splitHtml(html, 50);
  assert.ok(chunks.length > 2);
  for (const chunk of chunks) {
    assert.match(chunk, /^<pre><code class="language-python">[\s\S]*<\/code><\/pre>$/);
    assert.doesNotThrow(() => parses(chunk));
  }
  const link = splitHtml(`<a href="https://e.com/?a=1&amp;b=2">${'click here '.repeat(10)}</a>`, 30);
  for (const chunk of link) assert.match(chunk, /^<a href="https:\/\/e\.com\/\?a=1&amp;b=2">[^<]+<\/a>$/);
});

test('an entity or an emoji is never cut in half, even by a hard cut', () => {
  const entities = '&lt;'.repeat(25);
  const chunks = splitHtml(entities, 10);
  assert.deepEqual(chunks, ['&lt;'.repeat(10), '&lt;'.repeat(10), '&lt;'.repeat(5)]);
  const emoji = '😀'.repeat(9);
  const pieces = splitHtml(emoji, 5);
  // Two UTF-16 units each: two emoji per 5-unit message, none split into lone surrogates.
  assert.deepEqual(pieces, ['😀😀', '😀😀', '😀😀', '😀😀', '😀']);
});

test('text within the limit comes back as it was; blank-only input gives no chunks', () => {
  assert.deepEqual(splitHtml('<b>short</b> reply'), ['<b>short</b> reply']);
  assert.deepEqual(splitHtml('  \n\n '), []);
  assert.equal(splitHtml('a'.repeat(TELEGRAM_TEXT_MAX)).length, 1);
  assert.equal(splitHtml('a'.repeat(TELEGRAM_TEXT_MAX + 1)).length, 2);
});
