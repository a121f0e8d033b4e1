import { type ReactNode, useMemo } from 'react';
import { parseMarkdown, type TBlock, type TInline } from './parse-markdown.ts';

// Keys are positions: a streamed reply only grows at its end, so earlier nodes keep their keys.

function inline(nodes: TInline[]): ReactNode[] {
  return nodes.map((node, index) => {
    const key = `${node.type}-${index}`;
    switch (node.type) {
      case 'text':
        return node.text;
      case 'br':
        return <br key={key} />;
      case 'code':
        return <code key={key}>{node.text}</code>;
      case 'strong':
        return <strong key={key}>{inline(node.children)}</strong>;
      case 'em':
        return <em key={key}>{inline(node.children)}</em>;
      case 'del':
        return <del key={key}>{inline(node.children)}</del>;
      case 'link':
        return (
          <a key={key} href={node.href} target="_blank" rel="noopener noreferrer nofollow">
            {inline(node.children)}
          </a>
        );
    }
    return null;
  });
}

function block(node: TBlock, index: number): ReactNode {
  const key = `${node.type}-${index}`;
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{inline(node.children)}</p>;
    case 'heading': {
      // One size below the page's own headings: a reply's "# Title" must not outrank the screen's title.
      const Tag = `h${Math.min(6, node.level + 2)}` as 'h3' | 'h4' | 'h5' | 'h6';
      return <Tag key={key}>{inline(node.children)}</Tag>;
    }
    case 'code':
      return (
        <pre key={key} data-language={node.language || undefined}>
          <code>{node.text}</code>
        </pre>
      );
    case 'quote':
      return <blockquote key={key}>{node.children.map(block)}</blockquote>;
    case 'list': {
      const items = node.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items of a reply never reorder
        <li key={i}>{inline(item)}</li>
      ));
      return node.ordered ? (
        <ol key={key} start={node.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'rule':
      return <hr key={key} />;
  }
  return null;
}

/** A model's Markdown as React elements: its text is never treated as HTML (see parse-markdown.ts). */
export function Markdown({ source, testId }: { source: string; testId?: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div className="markdown" data-testid={testId}>
      {blocks.map(block)}
    </div>
  );
}
