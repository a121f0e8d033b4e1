import { z } from 'zod';
import type { PaymentProvider, PaymentStatus } from '#core/db/generated/client.ts';

export const PROVIDERS = ['stars', 'yookassa', 'cryptobot'] as const satisfies readonly PaymentProvider[];
export const STATUSES = [
  'pending',
  'succeeded',
  'canceled',
  'refunded',
  'partially_refunded',
] as const satisfies readonly PaymentStatus[];

const ZProviderSchema = z.enum(PROVIDERS);
const ZStatusSchema = z.enum(STATUSES);

export interface TPaymentFilterQuery {
  user?: { by: 'id'; id: bigint } | { by: 'username'; username: string };
  provider?: PaymentProvider;
  status?: PaymentStatus;
  /** Inclusive start of the first day, UTC. */
  from?: Date;
  /** Exclusive: the start of the day after the last one asked for. */
  to?: Date;
}

export type TParsedFilter = { ok: true; query: TPaymentFilterQuery } | { ok: false; token: string };

const DAY_MS = 86_400_000;

function parseDay(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  // "2026-02-31" is either invalid or rolls into March: the round trip catches both.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? date : null;
}

/** `2026-11-01..2026-11-23`, `2026-11-01..`, `..2026-11-23` or one day `2026-11-05`; the last day counts whole. */
function parseDates(token: string): { from?: Date; to?: Date } | null {
  const [start, end, ...rest] = token.split('..');
  if (rest.length > 0 || start === undefined) return null;
  if (end === undefined) {
    const day = parseDay(start);
    return day ? { from: day, to: new Date(day.getTime() + DAY_MS) } : null;
  }
  const from = start === '' ? undefined : parseDay(start);
  const last = end === '' ? undefined : parseDay(end);
  if (from === null || last === null || (from === undefined && last === undefined)) return null;
  const to = last ? new Date(last.getTime() + DAY_MS) : undefined;
  if (from && to && from >= to) return null;
  return { from, to };
}

/**
 * The arguments of `/payments`: any subset of `@username | id`, provider, status and a date range, in any order.
 * The first word that fits nothing (or repeats a kind already given) is returned so the admin sees what was wrong.
 */
export function parsePaymentFilter(text: string): TParsedFilter {
  const query: TPaymentFilterQuery = {};
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    const word = token.toLowerCase();
    const provider = ZProviderSchema.safeParse(word);
    const status = ZStatusSchema.safeParse(word);
    const dates = /^[\d.-]+$/.test(word) && word.includes('-') ? parseDates(word) : null;
    if (provider.success && !query.provider) query.provider = provider.data;
    else if (status.success && !query.status) query.status = status.data;
    else if (dates && !query.from && !query.to) Object.assign(query, dates);
    else if (/^\d{1,20}$/.test(word) && !query.user) query.user = { by: 'id', id: BigInt(word) };
    else if (/^@[a-z0-9_]{3,32}$/.test(word) && !query.user)
      query.user = { by: 'username', username: token.slice(1) };
    else return { ok: false, token };
  }
  return { ok: true, query };
}
