import { z } from 'zod';
import { AppError } from '#core/errors/app-error.ts';
import type { TExportRow } from './analytics-events.ts';
import type { TAnalyticsSink } from './analytics-sink.ts';

export interface TBigQuerySinkOptions {
  /** `https://bigquery.googleapis.com/bigquery/v2`, or a stand-in's. */
  apiUrl: string;
  project: string;
  dataset: string;
  /** Table name; `{type}` in it becomes the event type, giving the spec's one table per kind of event. */
  table: string;
  /**
   * An OAuth access token with the bigquery.insertdata scope. Taken from the environment for now: in
   * production a service account would sign a JWT and exchange it at Google's token endpoint for an
   * hour-long token, refreshed before it expires; the sink only needs whatever returns the current one.
   */
  accessToken: () => string | Promise<string>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

// tabledata.insertAll answers 200 even when it refused rows; the refusals are listed here.
const ZInsertAllResponseSchema = z.object({
  insertErrors: z
    .array(
      z.object({
        index: z.number(),
        errors: z.array(z.object({ reason: z.string().optional(), message: z.string().optional() })),
      }),
    )
    .optional(),
});

/** Sends at most this many rows per request: Google's recommended maximum for insertAll. */
const ROWS_PER_REQUEST = 500;

/**
 * BigQuery's streaming insert (tabledata.insertAll). Each row carries `insertId` = the event's id, which
 * BigQuery uses to drop repeats of a row it already has: that makes a resent batch harmless, so the
 * exporter's at-least-once delivery lands each event once. BigQuery's de-duplication is best effort (it
 * remembers insert ids for at least a minute), so a retry much later could still duplicate; queries that
 * must be exact can group by event_id. With skipInvalidRows=false one bad row fails the whole request and
 * nothing is stored, so the batch is retried as a whole and a bad row holds the sink until it is looked at.
 */
export function createBigQuerySink(opts: TBigQuerySinkOptions): TAnalyticsSink {
  const doFetch = opts.fetch ?? fetch;
  const base = `${opts.apiUrl.replace(/\/+$/, '')}/projects/${encodeURIComponent(opts.project)}/datasets/${encodeURIComponent(opts.dataset)}/tables`;
  return {
    name: `bigquery:${opts.project}.${opts.dataset}.${opts.table}`,
    async write(rows) {
      const byTable = new Map<string, TExportRow[]>();
      for (const row of rows) {
        const table = opts.table.replaceAll('{type}', row.type);
        const list = byTable.get(table);
        if (list) list.push(row);
        else byTable.set(table, [row]);
      }
      for (const [table, tableRows] of byTable) {
        for (let i = 0; i < tableRows.length; i += ROWS_PER_REQUEST) {
          await insertAll(
            `${base}/${encodeURIComponent(table)}/insertAll`,
            tableRows.slice(i, i + ROWS_PER_REQUEST),
          );
        }
      }
    },
  };

  async function insertAll(url: string, rows: TExportRow[]): Promise<void> {
    const response = await doFetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${await opts.accessToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'bigquery#tableDataInsertAllRequest',
        skipInvalidRows: false,
        ignoreUnknownValues: false,
        rows: rows.map((row) => ({ insertId: row.event_id, json: row })),
      }),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    if (!response.ok)
      throw new AppError('PROVIDER_ERROR', {
        provider: 'bigquery',
        status: response.status,
        body: text.slice(0, 500),
      });
    const parsed = ZInsertAllResponseSchema.safeParse(JSON.parse(text || '{}'));
    if (!parsed.success)
      throw new AppError('PROVIDER_ERROR', { provider: 'bigquery', body: text.slice(0, 500) });
    const refused = parsed.data.insertErrors ?? [];
    if (refused.length > 0) {
      // Rows refused only because a neighbour was invalid say "stopped"; report the ones that caused it.
      const causes = refused
        .flatMap((e) =>
          e.errors
            .filter((x) => x.reason !== 'stopped')
            .map((x) => `row ${e.index}: ${x.reason} ${x.message ?? ''}`),
        )
        .slice(0, 5);
      throw new AppError('PROVIDER_ERROR', { provider: 'bigquery', insertErrors: causes.join('; ') });
    }
  }
}
