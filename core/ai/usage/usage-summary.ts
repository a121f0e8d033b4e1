import type { AiKind, PrismaClient } from '#core/db/generated/client.ts';

const DAY_MS = 86_400_000;

/** The longest span the usage page offers: a quarter; the table is indexed by (user_id, created_at). */
export const USAGE_DAYS_MAX = 90;

export interface TUsageDay {
  /** `YYYY-MM-DD`, a UTC day. */
  day: string;
  tokens: bigint;
  requests: number;
}

export interface TUsageModel {
  modelId: string;
  kind: AiKind;
  tokens: bigint;
  requests: number;
}

export interface TUsageSummary {
  /** First UTC day counted (midnight UTC, `days - 1` days before today). */
  from: Date;
  to: Date;
  /** Every day of the span, oldest first, days without requests included (zeros). */
  byDay: TUsageDay[];
  /** Most tokens first, then most requests. */
  byModel: TUsageModel[];
  total: { tokens: bigint; requests: number };
}

const utcMidnight = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
const dayKey = (at: Date) => at.toISOString().slice(0, 10);

/**
 * What a user spent on AI over the last `days` UTC days, today included: the tokens actually captured
 * (`ai_requests.charged`, so a free or refunded request counts 0 tokens) and the number of requests, of
 * succeeded requests only. Days are UTC days: the Mini App does not tell the server its time zone, and a
 * day that moved with the viewer would make the same request jump between bars.
 */
export async function usageSummary(
  db: PrismaClient,
  input: { userId: bigint; days: number; now?: Date },
): Promise<TUsageSummary> {
  const days = Math.max(1, Math.min(USAGE_DAYS_MAX, Math.trunc(input.days)));
  const to = input.now ?? new Date();
  const from = new Date(utcMidnight(to).getTime() - (days - 1) * DAY_MS);
  // created_at is `timestamp without time zone` holding UTC, so date_trunc gives UTC days. SUM over bigint
  // is numeric in PostgreSQL: cast back so the driver returns a bigint, not a decimal string.
  const [dayRows, modelRows] = await Promise.all([
    db.$queryRaw<{ day: Date; tokens: bigint; requests: bigint }[]>`
      SELECT date_trunc('day', created_at) AS day, SUM(charged)::bigint AS tokens, COUNT(*) AS requests
      FROM ai_requests
      WHERE user_id = ${input.userId} AND status = 'succeeded' AND created_at >= ${from} AND created_at <= ${to}
      GROUP BY 1`,
    db.$queryRaw<{ model_id: string; kind: AiKind; tokens: bigint; requests: bigint }[]>`
      SELECT model_id, kind, SUM(charged)::bigint AS tokens, COUNT(*) AS requests
      FROM ai_requests
      WHERE user_id = ${input.userId} AND status = 'succeeded' AND created_at >= ${from} AND created_at <= ${to}
      GROUP BY model_id, kind
      ORDER BY tokens DESC, requests DESC, model_id`,
  ]);
  const counted = new Map(dayRows.map((r) => [dayKey(r.day), r]));
  const byDay: TUsageDay[] = [];
  for (let i = 0; i < days; i++) {
    const day = dayKey(new Date(from.getTime() + i * DAY_MS));
    const row = counted.get(day);
    byDay.push({ day, tokens: row?.tokens ?? 0n, requests: Number(row?.requests ?? 0n) });
  }
  const byModel = modelRows.map((r) => ({
    modelId: r.model_id,
    kind: r.kind,
    tokens: r.tokens,
    requests: Number(r.requests),
  }));
  return {
    from,
    to,
    byDay,
    byModel,
    total: {
      tokens: byModel.reduce((sum, m) => sum + m.tokens, 0n),
      requests: byModel.reduce((sum, m) => sum + m.requests, 0),
    },
  };
}
