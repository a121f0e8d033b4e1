import {
  type TStarTransaction,
  type TStarTransactionSource,
  ZStarTransactionSchema,
} from './star-transactions.ts';

/** getStarTransactions' largest page. */
export const STAR_PAGE_SIZE = 100;
/** 200,000 transactions: a first run over a long history goes on from its cursor the next time. */
const MAX_PAGES_PER_RUN = 2_000;

/**
 * How far earlier runs got: `offset` transactions are settled, and `lastKey` names the one just before
 * `offset` so the next run can check that Telegram's list still looks the way the offset assumes.
 */
export interface TStarCursor {
  offset: number;
  lastKey: string;
}

export interface TStarCursorStore {
  read(): Promise<TStarCursor | null>;
  write(cursor: TStarCursor): Promise<void>;
}

export interface TStarTransactionWindow {
  /** Telegram's offset of `entries[0]`. */
  from: number;
  /** null: an entry that is not a StarTransaction as we know it; kept so offsets stay right. */
  entries: (TStarTransaction | null)[];
  /** The cursor did not match Telegram's list, so everything was read from the start. */
  restarted: boolean;
  /** Stopped at MAX_PAGES_PER_RUN pages; the rest is read by the next run. */
  truncated: boolean;
}

/** A refund reuses the id of its payment, so the direction is part of what names a position. */
export const positionKey = (transaction: TStarTransaction | null): string =>
  transaction ? `${transaction.source ? 'in' : 'out'}:${transaction.id}` : 'unreadable';

const parse = (raw: unknown): TStarTransaction | null => {
  const parsed = ZStarTransactionSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
};

/**
 * Telegram's transactions from the cursor to the end, page by page.
 *
 * The Bot API documents the list "in chronological order": new transactions are appended and an offset
 * keeps pointing at the same transaction, so a cursor saves reading the whole history every run. The
 * cursor is checked rather than trusted: the page starts one transaction early, and if that one is not
 * the transaction the cursor recorded (the order is not what the documentation says, newest first as
 * Telegram's MTProto API defaults to, or the history changed) the run reads everything from offset 0 and
 * says so. Reading too much only costs requests, since crediting is idempotent by charge id; skipping
 * would lose payments.
 */
export async function readStarTransactions(
  source: TStarTransactionSource,
  cursor: TStarCursor | null,
): Promise<TStarTransactionWindow> {
  let from = 0;
  let restarted = false;
  let first: readonly unknown[] = [];
  if (cursor && cursor.offset > 0) {
    const overlap = await source.page({ offset: cursor.offset - 1, limit: STAR_PAGE_SIZE });
    if (overlap.length > 0 && positionKey(parse(overlap[0])) === cursor.lastKey) {
      from = cursor.offset;
      first = overlap.slice(1);
      if (overlap.length < STAR_PAGE_SIZE)
        return { from, entries: first.map(parse), restarted, truncated: false };
    } else {
      restarted = true;
    }
  }
  const entries = first.map(parse);
  let offset = from + entries.length;
  for (let pages = 0; pages < MAX_PAGES_PER_RUN; pages++) {
    const page = await source.page({ offset, limit: STAR_PAGE_SIZE });
    entries.push(...page.map(parse));
    offset += page.length;
    if (page.length < STAR_PAGE_SIZE) return { from, entries, restarted, truncated: false };
  }
  return { from, entries, restarted, truncated: true };
}
