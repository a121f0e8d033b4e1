// A local BigQuery streaming-insert endpoint (tabledata.insertAll) for tests and the offline sandbox: the
// BigQuery sink points BIGQUERY_API_URL at `url`. Rows live in memory per `project.dataset.table`.
//
// Like BigQuery: `POST /bigquery/v2/projects/{p}/datasets/{d}/tables/{t}/insertAll` with a Bearer token,
// rows `[{ insertId, json }]`, a repeated insertId is dropped (BigQuery does this best effort for about a
// minute; the stand-in remembers for its whole life), and a refused request answers 200 with
// `insertErrors` (the bad row with reason "invalid", the others "stopped") and stores nothing.
// Simpler: any table exists, there are no schemas, and "invalid" rows are only the ones a test asks for.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen } from '#sandbox/http-stand-in/http-basics.ts';

export interface TStoredRow {
  insertId: string | null;
  json: Record<string, unknown>;
}

export interface TBigQueryStandIn {
  /** The API base for the sink: `http://127.0.0.1:PORT/bigquery/v2`. */
  url: string;
  close(): Promise<void>;
  control: {
    /** Rows of one table, `project.dataset.table`, in the order they were stored. */
    rows(table: string): TStoredRow[];
    tables(): string[];
    /**
     * The next `count` insertAll requests fail: `http` answers `status` (503) and stores nothing; `invalid`
     * answers 200 with insertErrors for the first row, as BigQuery does with skipInvalidRows=false.
     */
    failNext(opts?: { count?: number; mode?: 'http' | 'invalid'; status?: number }): void;
    /** Every insertAll request received, failed ones included. */
    requests(): { table: string; rows: number }[];
  };
}

const PATH = /^\/bigquery\/v2\/projects\/([^/]+)\/datasets\/([^/]+)\/tables\/([^/]+)\/insertAll$/;
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function startBigQueryStandIn(opts: {
  token: string;
  port?: number;
}): Promise<TBigQueryStandIn> {
  const tables = new Map<string, { rows: TStoredRow[]; ids: Set<string> }>();
  const faults: { mode: 'http' | 'invalid'; status: number }[] = [];
  const requests: { table: string; rows: number }[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      googleError(res, 500, 'INTERNAL', error instanceof Error ? error.message : String(error)),
    );
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = PATH.exec(new URL(req.url ?? '/', 'http://stand-in').pathname);
    if (req.method !== 'POST' || !match) return googleError(res, 404, 'NOT_FOUND', 'Not found');
    if (req.headers.authorization !== `Bearer ${opts.token}`)
      return googleError(res, 401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.');
    const [project, dataset, table] = match.slice(1).map((part) => decodeURIComponent(part ?? ''));
    const key = `${project}.${dataset}.${table}`;
    const body = parseBody(await readBody(req));
    if (!body) return googleError(res, 400, 'INVALID_ARGUMENT', 'rows must be a list of { insertId, json }');
    requests.push({ table: key, rows: body.length });
    const fault = faults.shift();
    if (fault?.mode === 'http') return googleError(res, fault.status, 'UNAVAILABLE', 'Injected failure');
    if (fault?.mode === 'invalid') {
      return sendJson(res, 200, {
        kind: 'bigquery#tableDataInsertAllResponse',
        insertErrors: body.map((_, index) => ({
          index,
          errors: [
            index === 0
              ? { reason: 'invalid', location: '', message: 'Injected invalid row' }
              : { reason: 'stopped', location: '', message: '' },
          ],
        })),
      });
    }
    const stored = tables.get(key) ?? { rows: [], ids: new Set<string>() };
    tables.set(key, stored);
    for (const row of body) {
      if (row.insertId !== null && stored.ids.has(row.insertId)) continue;
      if (row.insertId !== null) stored.ids.add(row.insertId);
      stored.rows.push(row);
    }
    sendJson(res, 200, { kind: 'bigquery#tableDataInsertAllResponse' });
  }

  const port = await listen(server, opts.port ?? 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}/bigquery/v2`,
    close: () => closeServer(server),
    control: {
      rows: (table) => [...(tables.get(table)?.rows ?? [])],
      tables: () => [...tables.keys()],
      failNext: ({ count = 1, mode = 'http', status = 503 } = {}) => {
        for (let i = 0; i < count; i++) faults.push({ mode, status });
      },
      requests: () => [...requests],
    },
  };
}

function parseBody(raw: string): TStoredRow[] | null {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return null;
  }
  const rows = (body as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) return null;
  const parsed: TStoredRow[] = [];
  for (const row of rows as { insertId?: unknown; json?: unknown }[]) {
    if (row.json === null || typeof row.json !== 'object' || Array.isArray(row.json)) return null;
    if (row.insertId !== undefined && typeof row.insertId !== 'string') return null;
    parsed.push({ insertId: row.insertId ?? null, json: row.json as Record<string, unknown> });
  }
  return parsed;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error(`body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(body));
}

/** Google APIs' error shape. */
function googleError(res: ServerResponse, code: number, status: string, message: string): void {
  if (res.headersSent) return void res.destroy();
  sendJson(res, code, {
    error: { code, message, status, errors: [{ message, reason: status.toLowerCase() }] },
  });
}
