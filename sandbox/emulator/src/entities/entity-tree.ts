import type { MessageEntity } from '../../../telegram/types.ts';

export type TEntityNode =
  | { kind: 'text'; text: string }
  | { kind: 'entity'; entity: MessageEntity; text: string; children: TEntityNode[] };

type TIndexed = { entity: MessageEntity; index: number; start: number; end: number };

/**
 * Telegram's entities as a tree of nested nodes, ready to render as nested elements. Offsets and lengths
 * count UTF-16 code units, exactly as JavaScript strings index, so an emoji takes two. Entities may nest
 * and may also overlap without nesting (bold 0-5 and italic 3-8); an entity that crosses another's end is
 * split in two, which renders the same characters with the same styles. Entities reaching past the text
 * are cut at its end, empty ones are dropped.
 *
 * Each node also carries the whole text its entity covers (`text`), which links and commands need even
 * when they were split.
 */
export function entityTree(text: string, entities: readonly MessageEntity[] = []): TEntityNode[] {
  const spans: TIndexed[] = entities
    .map((entity, index) => ({
      entity,
      index,
      start: Math.max(0, entity.offset),
      end: Math.min(text.length, entity.offset + entity.length),
    }))
    .filter((span) => span.end > span.start);
  // Outer before inner: earlier start first, then the longer one, then the order Telegram sent.
  spans.sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);

  const cuts = new Set([0, text.length]);
  for (const span of spans) cuts.add(span.start).add(span.end);
  const points = [...cuts].sort((a, b) => a - b);

  const root: TEntityNode[] = [];
  // The open entities, outermost first, each with the child list new nodes go into.
  const open: { span: TIndexed; children: TEntityNode[] }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] ?? 0;
    const to = points[i + 1] ?? 0;
    const covering = spans.filter((span) => span.start <= from && span.end >= to);
    let same = 0;
    while (same < open.length && same < covering.length && open[same]?.span === covering[same]) same++;
    open.length = same;
    for (const span of covering.slice(same)) {
      const node: TEntityNode = {
        kind: 'entity',
        entity: span.entity,
        text: text.slice(span.start, span.end),
        children: [],
      };
      (open.at(-1)?.children ?? root).push(node);
      open.push({ span, children: node.children });
    }
    (open.at(-1)?.children ?? root).push({ kind: 'text', text: text.slice(from, to) });
  }
  return root;
}
