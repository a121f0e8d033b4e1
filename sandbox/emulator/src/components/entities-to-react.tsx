/** @jsxRuntime automatic */
// The pragma: Node's test runner compiles this file through tsx with the root tsconfig, which has no JSX
// setting; Vite and the emulator's tsconfig use the same automatic runtime anyway.
import { Fragment, type ReactNode, useState } from 'react';
import type { MessageEntity } from '../../../telegram/types.ts';
import { entityTree, type TEntityNode } from '../entities/entity-tree.ts';

export interface TEntityActions {
  /** A /command was clicked: Telegram sends it to the chat. */
  onCommand?: (command: string) => void;
  /** An @mention was clicked (without the @). */
  onMention?: (username: string) => void;
}

/** Links a browser may follow from a bot's message; anything else (javascript:, data:) is shown as text. */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'tg:', 'mailto:', 'tel:']);

function safeHref(raw: string): string | undefined {
  const withScheme = /^[a-z][\w+.-]*:/i.test(raw) ? raw : `http://${raw}`;
  try {
    return SAFE_PROTOCOLS.has(new URL(withScheme).protocol) ? withScheme : undefined;
  } catch {
    return undefined;
  }
}

function Link({ href, children }: { href: string | undefined; children: ReactNode }) {
  if (!href) return <span className="tg-link-unsafe">{children}</span>;
  return (
    <a className="tg-link" href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** Hidden behind Telegram's shimmer until clicked, then shown for good. */
function Spoiler({ children }: { children: ReactNode }) {
  const [revealed, setRevealed] = useState(false);
  if (revealed) return <span className="tg-spoiler tg-spoiler-revealed">{children}</span>;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a spoiler may hold links and code, which a <button> may not contain.
    <span
      role="button"
      tabIndex={0}
      className="tg-spoiler"
      title="Spoiler"
      onClick={() => setRevealed(true)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') setRevealed(true);
      }}
    >
      {children}
    </span>
  );
}

function renderEntity(
  node: Extract<TEntityNode, { kind: 'entity' }>,
  children: ReactNode,
  actions: TEntityActions,
): ReactNode {
  const { entity } = node;
  switch (entity.type) {
    case 'bold':
      return <strong>{children}</strong>;
    case 'italic':
      return <em>{children}</em>;
    case 'underline':
      return <u>{children}</u>;
    case 'strikethrough':
      return <s>{children}</s>;
    case 'spoiler':
      return <Spoiler>{children}</Spoiler>;
    case 'code':
      return <code className="tg-code">{children}</code>;
    case 'pre':
      return (
        <pre className="tg-pre">
          {entity.language ? <span className="tg-pre-language">{entity.language}</span> : null}
          <code data-language={entity.language}>{children}</code>
        </pre>
      );
    case 'blockquote':
    case 'expandable_blockquote':
      return <blockquote className="tg-quote">{children}</blockquote>;
    case 'text_link':
      return <Link href={safeHref(entity.url)}>{children}</Link>;
    case 'url':
      return <Link href={safeHref(node.text)}>{children}</Link>;
    case 'email':
      return <Link href={`mailto:${node.text}`}>{children}</Link>;
    case 'phone_number':
      return <Link href={`tel:${node.text.replace(/[^\d+]/g, '')}`}>{children}</Link>;
    case 'mention':
      return (
        <button type="button" className="tg-mention" onClick={() => actions.onMention?.(node.text.slice(1))}>
          {children}
        </button>
      );
    case 'text_mention':
      return (
        <span className="tg-mention" title={`${entity.user.first_name} (${entity.user.id})`}>
          {children}
        </span>
      );
    case 'bot_command':
      return (
        <button type="button" className="tg-command" onClick={() => actions.onCommand?.(node.text)}>
          {children}
        </button>
      );
    case 'hashtag':
    case 'cashtag':
      return <span className="tg-hashtag">{children}</span>;
    default:
      // custom_emoji shows its fallback emoji (the text); date_time its text as sent.
      return <span>{children}</span>;
  }
}

function renderNodes(nodes: TEntityNode[], actions: TEntityActions, path: string): ReactNode[] {
  return nodes.map((node, i) => {
    const key = `${path}.${i}`;
    if (node.kind === 'text') return <Fragment key={key}>{node.text}</Fragment>;
    return <EntityElement key={key} node={node} actions={actions} path={key} />;
  });
}

function EntityElement(props: {
  node: Extract<TEntityNode, { kind: 'entity' }>;
  actions: TEntityActions;
  path: string;
}) {
  return renderEntity(props.node, renderNodes(props.node.children, props.actions, props.path), props.actions);
}

/**
 * A message's text with its entities as React elements: the text is only ever a string child, never
 * parsed as HTML, so whatever a bot sends is shown exactly as sent.
 */
export function EntityText(props: {
  text: string;
  entities?: readonly MessageEntity[] | undefined;
  actions?: TEntityActions;
}) {
  return (
    <span className="tg-text">
      {renderNodes(entityTree(props.text, props.entities), props.actions ?? {}, 'e')}
    </span>
  );
}
