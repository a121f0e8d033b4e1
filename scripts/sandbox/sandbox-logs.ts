import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { type LogFiles, openLogFiles } from '#scripts/dev/log-files.ts';

export interface TSandboxLogs extends LogFiles {
  /** app.log, worker.log, sandbox.log (the in-process stand-ins), postgres.log, redis.log. */
  files: Record<'app' | 'worker' | 'sandbox' | 'postgres' | 'redis', string>;
  /** For the embedded PostgreSQL's output. */
  postgresLogger: (line: string) => void;
}

/**
 * `npm run dev`'s log files (one per app process, one for the in-process stand-ins), plus the servers the
 * sandbox may start: PostgreSQL's output through a stream, Redis's own `--logfile`. New on every run.
 */
export function openSandboxLogs(dir: string): TSandboxLogs {
  const logs = openLogFiles(dir);
  const postgresPath = join(dir, 'postgres.log');
  // Opened on the first line: with a PostgreSQL found running there is nothing to log, and no file.
  let postgres: WriteStream | null = null;
  return {
    ...logs,
    files: { ...logs.paths, postgres: postgresPath, redis: join(dir, 'redis.log') },
    postgresLogger: (line) => {
      postgres ??= createWriteStream(postgresPath);
      postgres.write(`${line}\n`);
    },
    close: async () => {
      await logs.close();
      const stream = postgres;
      if (stream) await new Promise<void>((resolve) => stream.end(() => resolve()));
    },
  };
}
