import { type FileHandle, mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { TExportRow } from './analytics-events.ts';
import type { TAnalyticsSink } from './analytics-sink.ts';

/** Enough to hold the last line of any file: rows are a few hundred bytes (user agents are capped at 512). */
const TAIL_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

/**
 * One NDJSON file per UTC day of the event (`events-YYYY-MM-DD.ndjson`), appended in event-id order.
 *
 * Idempotent without a side index: within a file ids only grow (the exporter sends them in order), so the
 * last line's event_id says what the file already holds and a repeated batch appends only what is newer.
 * A crash mid-append can leave a torn last line; it is cut before anything is appended, and since its event
 * is then above the last whole line, it is written again. (A staged `<file>.partial` would not help: moving
 * it into the file is an append that can tear just the same, and renaming a copy would rewrite a whole
 * day's file for every batch.) Each append is fsynced before the write counts as accepted.
 */
export function createNdjsonSink(opts: { dir: string; name?: string }): TAnalyticsSink {
  return {
    name: opts.name ?? 'ndjson',
    async write(rows) {
      await mkdir(opts.dir, { recursive: true });
      const byFile = new Map<string, TExportRow[]>();
      for (const row of rows) {
        const file = join(opts.dir, `events-${row.timestamp.slice(0, 10)}.ndjson`);
        const list = byFile.get(file);
        if (list) list.push(row);
        else byFile.set(file, [row]);
      }
      for (const [file, fileRows] of byFile) await appendNewer(file, fileRows);
    },
  };
}

async function appendNewer(file: string, rows: TExportRow[]): Promise<void> {
  const handle = await open(file, 'a+');
  try {
    const last = await lastWholeEventId(handle);
    const fresh = rows.filter((r) => last === null || BigInt(r.event_id) > last);
    if (fresh.length === 0) return;
    await handle.appendFile(fresh.map((r) => `${JSON.stringify(r)}\n`).join(''));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The event_id of the file's last complete line, after cutting off a torn one. Works on bytes, not text. */
async function lastWholeEventId(handle: FileHandle): Promise<bigint | null> {
  const { size } = await handle.stat();
  if (size === 0) return null;
  const length = Math.min(size, TAIL_BYTES);
  const tail = Buffer.alloc(length);
  await handle.read(tail, 0, length, size - length);
  const end = tail.lastIndexOf(NEWLINE);
  if (end === -1) {
    if (length < size) throw new Error(`analytics file has a line longer than ${TAIL_BYTES} bytes`);
    await handle.truncate(0);
    return null;
  }
  if (end !== length - 1) await handle.truncate(size - length + end + 1);
  // (A negative offset would search from the buffer's end, hence the guard.)
  const start = end === 0 ? 0 : tail.lastIndexOf(NEWLINE, end - 1) + 1;
  if (start === 0 && length < size)
    throw new Error(`analytics file has a line longer than ${TAIL_BYTES} bytes`);
  const parsed = JSON.parse(tail.subarray(start, end).toString('utf8')) as { event_id?: unknown };
  if (typeof parsed.event_id !== 'string')
    throw new Error('analytics file ends with a line without event_id');
  return BigInt(parsed.event_id);
}
