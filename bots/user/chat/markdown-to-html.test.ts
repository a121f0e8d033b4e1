import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHtml } from '#sandbox/telegram/formatting/html-parser.ts';
import { markdownToHtml } from './markdown-to-html.ts';

test('text that looks like markup is escaped: <, > and & never reach Telegram raw', () => {
  assert.equal(
    markdownToHtml('if a < b && c > d then <script>alert(1)</script>'),
    'if a &lt; b &amp;&amp; c &gt; d then &lt;script&gt;alert(1)&lt;/script&gt;',
  );
  assert.equal(markdownToHtml('`a<b>&c`'), '<code>a&lt;b&gt;&amp;c</code>');
  assert.equal(markdownToHtml('&amp; stays visible'), '&amp;amp; stays visible');
});

test('bold, italic, strikethrough, inline code, links and nesting', () => {
  assert.equal(
    markdownToHtml('**bold**, *italic*, _also_, __bold__, ~~gone~~ and `x`'),
    '<b>bold</b>, <i>italic</i>, <i>also</i>, <b>bold</b>, <s>gone</s> and <code>x</code>',
  );
  assert.equal(markdownToHtml('***both***'), '<b><i>both</i></b>');
  assert.equal(markdownToHtml('*a **b** c*'), '<i>a <b>b</b> c</i>');
  assert.equal(markdownToHtml('**bold *it***'), '<b>bold <i>it</i></b>');
  assert.equal(
    markdownToHtml('see [the **docs**](https://ex.com/a?b=1&c="2")'),
    'see <a href="https://ex.com/a?b=1&amp;c=&quot;2&quot;">the <b>docs</b></a>',
  );
});

test('unclosed or stray markers stay as written', () => {
  assert.equal(markdownToHtml('**still streaming'), '**still streaming');
  assert.equal(markdownToHtml('2 * 3 * 4 = 24'), '2 * 3 * 4 = 24');
  assert.equal(markdownToHtml('snake_case_name and file_name_2'), 'snake_case_name and file_name_2');
  assert.equal(markdownToHtml('a `tick'), 'a `tick');
  assert.equal(markdownToHtml('[label](javascript:alert(1))'), '[label](javascript:alert(1))');
  assert.equal(markdownToHtml('\\*not italic\\*'), '*not italic*');
  assert.equal(markdownToHtml('**a\nb**'), '**a\nb**');
});

test('code blocks keep their language, escape their body and run to the end when unclosed', () => {
  assert.equal(
    markdownToHtml('Look:\n```python\nif a < b:\n    print("**no bold**")\n```\nDone.'),
    'Look:\n<pre><code class="language-python">if a &lt; b:\n    print("**no bold**")</code></pre>\nDone.',
  );
  assert.equal(markdownToHtml('```\nplain\n```'), '<pre>plain</pre>');
  assert.equal(
    markdownToHtml('```js\nconst x = 1;'),
    '<pre><code class="language-js">const x = 1;</code></pre>',
  );
  assert.equal(markdownToHtml('```\n```'), '<pre> </pre>');
});

test('headings, lists, quotes and rules', () => {
  assert.equal(
    markdownToHtml('# Title with **bold**\n- one\n  * two\n1. first\n> quoted *line*\n> more\n---'),
    '<b>Title with bold</b>\n• one\n  • two\n1. first\n<blockquote>quoted <i>line</i>\nmore</blockquote>\n──────────',
  );
});

test('whatever the model writes, Telegram accepts the result', () => {
  const nasty = [
    '**bold *mixed** italic*',
    '<b>raw html</b> & &amp; &#x41;',
    '```\nunclosed <pre>',
    '[a](https://x.y) [b](ftp://no) [](https://empty)',
    '> quote with `code` and **bold\n> next',
    '___triple___ __*mixed*__ *__mixed__*',
    '~~~\nfenced with tildes\n~~~',
    '# \n## ##\n* \n- [ ] task',
  ];
  for (const input of nasty) {
    const html = markdownToHtml(input);
    assert.doesNotThrow(() => parseHtml(html), `${input} → ${html}`);
  }
});
