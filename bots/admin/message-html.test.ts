import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messageHtml } from './message-html.ts';

test('plain text is escaped, so "<3" and "a & b" reach users as typed', () => {
  assert.equal(messageHtml('a < b & c > d'), 'a &lt; b &amp; c &gt; d');
});

test('nested and adjacent entities become properly nested tags', () => {
  // "Big sale today": bold over "Big sale", italic inside it over "sale", a link on "today".
  const html = messageHtml('Big sale today', [
    { type: 'bold', offset: 0, length: 8 },
    { type: 'italic', offset: 4, length: 4 },
    { type: 'text_link', offset: 9, length: 5, url: 'https://x.test/?a=1&b="2"' },
  ]);
  assert.equal(html, '<b>Big <i>sale</i></b> <a href="https://x.test/?a=1&amp;b=&quot;2&quot;">today</a>');
});

test('offsets count UTF-16 units (emoji take two) and auto-detected entities add no markup', () => {
  const text = '🔥 Hot @channel';
  const html = messageHtml(text, [
    { type: 'bold', offset: 3, length: 3 },
    { type: 'mention', offset: 7, length: 8 },
  ]);
  assert.equal(html, '🔥 <b>Hot</b> @channel');
});
