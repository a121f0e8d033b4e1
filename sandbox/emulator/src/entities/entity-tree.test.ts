import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { formatText } from '../../../telegram/formatting/format-text.ts';
import type { MessageEntity } from '../../../telegram/types.ts';
import { EntityText } from '../components/entities-to-react.tsx';
import { entityTree, type TEntityNode } from './entity-tree.ts';

const html = (text: string, entities?: MessageEntity[]) =>
  renderToStaticMarkup(createElement(EntityText, { text, entities })).replace(
    /^<span class="tg-text">|<\/span>$/g,
    '',
  );

/** Entities as the local Bot API derives them from a bot's HTML, i.e. as Telegram would send them. */
function fromHtml(source: string): { text: string; entities: MessageEntity[] } {
  const { text, entities } = formatText({ text: source, parseMode: 'HTML', resolveUser: () => undefined });
  return { text, entities };
}

/** The tree as `[type, …children]`, text as strings. */
function shape(nodes: TEntityNode[]): unknown[] {
  return nodes.map((node) =>
    node.kind === 'text' ? node.text : [node.entity.type, ...shape(node.children)],
  );
}

describe('entities as nested elements', () => {
  test('nested entities nest; text between them stays plain', () => {
    const { text, entities } = fromHtml('a <b>bold <i>both</i></b> z');
    assert.deepEqual(shape(entityTree(text, entities)), ['a ', ['bold', 'bold ', ['italic', 'both']], ' z']);
    assert.equal(html(text, entities), 'a <strong>bold <em>both</em></strong> z');
  });

  test('overlapping entities are split where one crosses the other, keeping every style', () => {
    // bold 0-5 and italic 3-8 over "abcdefgh": neither contains the other.
    const entities: MessageEntity[] = [
      { type: 'bold', offset: 0, length: 5 },
      { type: 'italic', offset: 3, length: 5 },
    ];
    assert.deepEqual(shape(entityTree('abcdefgh', entities)), [
      ['bold', 'abc', ['italic', 'de']],
      ['italic', 'fgh'],
    ]);
    assert.equal(html('abcdefgh', entities), '<strong>abc<em>de</em></strong><em>fgh</em>');
  });

  test('offsets count UTF-16 code units: emoji before, inside and after entities', () => {
    const { text, entities } = fromHtml('👍 <b>ок 🎉</b> <u>x</u>👨‍👩‍👧');
    assert.deepEqual(
      entities.map((e) => [e.type, e.offset, e.length]),
      [
        ['bold', 3, 5],
        ['underline', 9, 1],
      ],
    );
    assert.equal(html(text, entities), '👍 <strong>ок 🎉</strong> <u>x</u>👨‍👩‍👧');
  });

  test('entities past the end are cut, empty ones dropped, equal ranges keep their order', () => {
    const entities: MessageEntity[] = [
      { type: 'bold', offset: 2, length: 10 },
      { type: 'italic', offset: 1, length: 0 },
      { type: 'underline', offset: 0, length: 4 },
      { type: 'strikethrough', offset: 0, length: 4 },
    ];
    assert.equal(html('abcd', entities), '<u><s>ab<strong>cd</strong></s></u>');
  });

  test('pre keeps its language, code and links render, bot HTML is never injected', () => {
    const pre = fromHtml('<pre><code class="language-ts">const a = 1 &lt; 2;</code></pre>');
    assert.equal(
      html(pre.text, pre.entities),
      '<pre class="tg-pre"><span class="tg-pre-language">ts</span><code data-language="ts">const a = 1 &lt; 2;</code></pre>',
    );
    const link = fromHtml('<a href="https://example.com/?q=1">site</a> and <code>&lt;b&gt;</code>');
    assert.equal(
      html(link.text, link.entities),
      '<a class="tg-link" href="https://example.com/?q=1" target="_blank" rel="noopener noreferrer">site</a>' +
        ' and <code class="tg-code">&lt;b&gt;</code>',
    );
    const script = [{ type: 'text_link', offset: 0, length: 2, url: 'javascript:alert(1)' } as const];
    assert.equal(html('hi', script), '<span class="tg-link-unsafe">hi</span>');
  });

  test('spoilers, strike, mentions, commands and auto-detected urls', () => {
    const sent = formatText({
      text: 'see /start@bot and @polygram_bot at https://example.com',
      resolveUser: () => undefined,
    });
    assert.equal(
      html(sent.text, sent.entities),
      'see <button type="button" class="tg-command">/start@bot</button> and ' +
        '<button type="button" class="tg-mention">@polygram_bot</button> at ' +
        '<a class="tg-link" href="https://example.com" target="_blank" rel="noopener noreferrer">https://example.com</a>',
    );
    // A url entity without a scheme (Telegram detects bare domains) links to http://.
    assert.equal(
      html('go example.com', [{ type: 'url', offset: 3, length: 11 }]),
      'go <a class="tg-link" href="http://example.com" target="_blank" rel="noopener noreferrer">example.com</a>',
    );
    const styled = fromHtml('<tg-spoiler>secret</tg-spoiler> <s>old</s>');
    assert.equal(
      html(styled.text, styled.entities),
      '<span role="button" tabindex="0" class="tg-spoiler" title="Spoiler">secret</span> <s>old</s>',
    );
  });
});
