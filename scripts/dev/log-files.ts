import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import type { AppProcessName, LogSink } from '#sandbox/launch/spawn-app-processes.ts';

const TAIL_LINES = 30;

export interface LogFiles {
  paths: Record<AppProcessName | 'sandbox', string>;
  sink: LogSink;
  /** For the in-process Bot API and mail catcher, which log plain lines. */
  sandboxLogger: (line: string) => void;
  /** The last lines a process wrote: shown when it dies, so the reason is on screen. */
  tail(name: AppProcessName): string;
  close(): Promise<void>;
}

/** One file per process under .sandbox/logs (gitignored), started afresh on every run. */
export function openLogFiles(dir: string): LogFiles {
  mkdirSync(dir, { recursive: true });
  const paths = { app: `${dir}/app.log`, worker: `${dir}/worker.log`, sandbox: `${dir}/sandbox.log` };
  const streams: Record<keyof typeof paths, WriteStream> = {
    app: createWriteStream(paths.app),
    worker: createWriteStream(paths.worker),
    sandbox: createWriteStream(paths.sandbox),
  };
  const tails: Record<AppProcessName, string[]> = { app: [], worker: [] };
  return {
    paths,
    sink: (name, chunk) => {
      streams[name].write(chunk);
      tails[name] = [...tails[name], ...chunk.split('\n').filter(Boolean)].slice(-TAIL_LINES);
    },
    sandboxLogger: (line) => streams.sandbox.write(`${new Date().toISOString()} ${line}\n`),
    tail: (name) => tails[name].join('\n'),
    close: async () => {
      await Promise.all(
        Object.values(streams).map((stream) => new Promise<void>((resolve) => stream.end(() => resolve()))),
      );
    },
  };
}
