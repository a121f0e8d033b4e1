/// <reference types="node" />
// Runs under Node (node --import tsx --test); the reference gives this one file Node's types.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseInline, parseMarkdown, safeHref } from './parse-markdown.ts';

test('blocks: fences, headings, lists, quotes, rules and paragraphs', () => {
  const blocks = parseMarkdown(
    [
      '# Title',
      '',
      'Some **bold** text',
      'on two lines',
      '',
      '- one',
      '- two',
      '',
      '3. three',
      '4. four',
      '',
      '> quoted',
      '',
      '---',
      '```ts',
      'const a = 1 < 2;',
      '```',
    ].join('\n'),
  );
  assert.deepEqual(
    blocks.map((b) => b.type),
    ['heading', 'paragraph', 'list', 'list', 'quote', 'rule', 'code'],
  );
  assert.deepEqual(blocks[1], {
    type: 'paragraph',
    children: [
      { type: 'text', text: 'Some ' },
      { type: 'strong', children: [{ type: 'text', text: 'bold' }] },
      { type: 'text', text: ' text' },
      { type: 'br' },
      { type: 'text', text: 'on two lines' },
    ],
  });
  assert.deepEqual(blocks[3], {
    type: 'list',
    ordered: true,
    start: 3,
    items: [[{ type: 'text', text: 'three' }], [{ type: 'text', text: 'four' }]],
  });
  assert.deepEqual(blocks[6], { type: 'code', language: 'ts', text: 'const a = 1 < 2;' });
});

test('half-written syntax of a streaming reply parses: an open fence, a lone marker', () => {
  assert.deepEqual(parseMarkdown('```\nlet x'), [{ type: 'code', language: '', text: 'let x' }]);
  assert.deepEqual(parseInline('so **far'), [{ type: 'text', text: 'so **far' }]);
  assert.deepEqual(parseInline('a * b * c'), [{ type: 'text', text: 'a * b * c' }]);
  assert.deepEqual(parseInline('snake_case_name'), [{ type: 'text', text: 'snake_case_name' }]);
});

test('HTML stays text and only http(s) and mailto links become links', () => {
  assert.deepEqual(parseInline('<script>alert(1)</script>'), [
    { type: 'text', text: '<script>alert(1)</script>' },
  ]);
  assert.deepEqual(parseInline('[x](javascript:alert(1))'), [
    { type: 'text', text: 'x' },
    { type: 'text', text: ')' },
  ]);
  assert.deepEqual(parseInline('see [docs](https://example.com/a)'), [
    { type: 'text', text: 'see ' },
    { type: 'link', href: 'https://example.com/a', children: [{ type: 'text', text: 'docs' }] },
  ]);
  assert.equal(safeHref(' data:text/html,hi'), null);
  assert.equal(safeHref('mailto:a@b.c'), 'mailto:a@b.c');
});

test('inline code keeps its markers literal; nesting works', () => {
  assert.deepEqual(parseInline('`**x**` and *it **b** too*'), [
    { type: 'code', text: '**x**' },
    { type: 'text', text: ' and ' },
    {
      type: 'em',
      children: [
        { type: 'text', text: 'it ' },
        { type: 'strong', children: [{ type: 'text', text: 'b' }] },
        { type: 'text', text: ' too' },
      ],
    },
  ]);
});
