import type { AiKind, PrismaClient } from '#core/db/generated/client.ts';

export interface TAiStatsLine {
  requests: number;
  succeeded: number;
  failed: number;
  canceled: number;
  /** Queued or running when the stats were read. */
  pending: number;
  cacheHits: number;
  /**
   * Processing time (finished − started) of the requests a provider delivered, in ms; null when there were
   * none. Cache hits and failures are left out: they say nothing about how long a provider takes.
   */
  avgMs: number | null;
  p95Ms: number | null;
}

export interface TAiStats {
  from: Date;
  to: Date;
  total: TAiStatsLine;
  byKind: (TAiStatsLine & { kind: AiKind })[];
  /** Most requests first. */
  byModel: (TAiStatsLine & { kind: AiKind; modelId: string })[];
  /** Failure reasons (`error_code`; "unknown" where none was recorded), most frequent first. */
  topFailures: { errorCode: string; count: number }[];
}

interface TRow {
  kind: AiKind | null;
  model_id: string | null;
  requests: bigint;
  succeeded: bigint;
  failed: bigint;
  canceled: bigint;
  cache_hits: bigint;
  avg_ms: number | null;
  p95_ms: number | null;
}

const EMPTY: TAiStatsLine = {
  requests: 0,
  succeeded: 0,
  failed: 0,
  canceled: 0,
  pending: 0,
  cacheHits: 0,
  avgMs: null,
  p95Ms: null,
};

const lineOf = (row: TRow): TAiStatsLine => {
  const [requests, succeeded, failed, canceled] = [row.requests, row.succeeded, row.failed, row.canceled].map(
    Number,
  );
  return {
    requests: requests ?? 0,
    succeeded: succeeded ?? 0,
    failed: failed ?? 0,
    canceled: canceled ?? 0,
    pending: (requests ?? 0) - (succeeded ?? 0) - (failed ?? 0) - (canceled ?? 0),
    cacheHits: Number(row.cache_hits),
    avgMs: row.avg_ms === null ? null : Math.round(row.avg_ms),
    p95Ms: row.p95_ms === null ? null : Math.round(row.p95_ms),
  };
};

/** AI requests created in [from, to): by model, by kind and in total, with the commonest failure reasons. */
export async function aiStats(
  db: PrismaClient,
  opts: { from: Date; to?: Date; topFailures?: number },
): Promise<TAiStats> {
  const to = opts.to ?? new Date();
  const { from } = opts;
  // One scan for all three levels: GROUPING SETS gives the per-model rows, the per-kind subtotals and the
  // grand total, each with its own exact percentile (percentiles cannot be summed up from finer groups).
  const [rows, failures] = await Promise.all([
    db.$queryRaw<TRow[]>`
      SELECT kind, model_id,
             COUNT(*)::bigint AS requests,
             COUNT(*) FILTER (WHERE status = 'succeeded')::bigint AS succeeded,
             COUNT(*) FILTER (WHERE status = 'failed')::bigint AS failed,
             COUNT(*) FILTER (WHERE status = 'canceled')::bigint AS canceled,
             COUNT(*) FILTER (WHERE cache_hit)::bigint AS cache_hits,
             (AVG(EXTRACT(EPOCH FROM finished_at - started_at) * 1000)
               FILTER (WHERE status = 'succeeded' AND NOT cache_hit AND started_at IS NOT NULL
                       AND finished_at IS NOT NULL))::float8 AS avg_ms,
             (percentile_cont(0.95) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM finished_at - started_at) * 1000)
               FILTER (WHERE status = 'succeeded' AND NOT cache_hit AND started_at IS NOT NULL
                       AND finished_at IS NOT NULL))::float8 AS p95_ms
      FROM ai_requests
      WHERE created_at >= ${from} AND created_at < ${to}
      GROUP BY GROUPING SETS ((kind, model_id), (kind), ())`,
    db.$queryRaw<{ error_code: string; count: bigint }[]>`
      SELECT COALESCE(error_code, 'unknown') AS error_code, COUNT(*)::bigint AS count
      FROM ai_requests
      WHERE status = 'failed' AND created_at >= ${from} AND created_at < ${to}
      GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${opts.topFailures ?? 5}`,
  ]);
  const total = rows.find((r) => r.kind === null);
  return {
    from,
    to,
    total: total ? lineOf(total) : EMPTY,
    byKind: rows
      .filter((r): r is TRow & { kind: AiKind } => r.kind !== null && r.model_id === null)
      .map((r) => ({ kind: r.kind, ...lineOf(r) }))
      .sort((a, b) => b.requests - a.requests || a.kind.localeCompare(b.kind)),
    byModel: rows
      .filter((r): r is TRow & { kind: AiKind; model_id: string } => r.kind !== null && r.model_id !== null)
      .map((r) => ({ kind: r.kind, modelId: r.model_id, ...lineOf(r) }))
      .sort((a, b) => b.requests - a.requests || a.modelId.localeCompare(b.modelId)),
    topFailures: failures.map((f) => ({ errorCode: f.error_code, count: Number(f.count) })),
  };
}
