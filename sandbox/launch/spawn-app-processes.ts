import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type AppProcessName = 'app' | 'worker';

/** Receives everything a process writes (stdout and stderr, JSON log lines), chunk by chunk. */
export type LogSink = (name: AppProcessName, chunk: string) => void;

export interface AppProcessesOptions {
  env: Record<string, string>;
  sink: LogSink;
  /** A ready process ended without stop() or restartApp() asking it to (a crash, a fatal error). */
  onUnexpectedExit?: (name: AppProcessName, code: number | null, signal: NodeJS.Signals | null) => void;
  /** How long each process may take to log its readiness line; default 60 s. */
  readyTimeoutMs?: number;
}

export interface AppProcesses {
  /** Stops the app process and starts it again with the same environment, resolving once it is ready. */
  restartApp(): Promise<void>;
  /**
   * SIGKILL to the app alone, resolving once it is gone: a crash, with no shutdown hook run. `restartApp()`
   * then starts it again.
   */
  killApp(): Promise<void>;
  /** SIGTERM to both, SIGKILL to whatever is still running after 10 s; resolves when both are gone. */
  stop(): Promise<void>;
  /** SIGKILL to both now, without waiting: for a caller that must exit at once (a second Ctrl-C). */
  kill(): void;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRIES: Record<AppProcessName, string> = { app: 'bots/main.ts', worker: 'workers/main.ts' };
// The entry points log these once everything is listening; until then a test or a person would race them.
const READY_LINES: Record<AppProcessName, string> = { app: '"app started"', worker: '"worker started"' };
const KILL_AFTER_MS = 10_000;
/** Output kept for the error message of a process that fails to start. */
const MAX_STARTUP_OUTPUT = 64_000;

interface Running {
  name: AppProcessName;
  child: ChildProcess;
  ready: Promise<void>;
  /** Resolves on 'close': the process exited and its pipes are drained, so the sink has every line. */
  closed: Promise<void>;
  /** Set before we signal it, so its exit is not reported as unexpected. */
  stopping: boolean;
}

function spawnEntry(name: AppProcessName, opts: AppProcessesOptions): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRIES[name]], {
    cwd: ROOT,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let startupOutput = '';
  let isReady = false;
  const running: Running = {
    name,
    child,
    stopping: false,
    closed: new Promise((resolve) => child.once('close', () => resolve())),
    ready: new Promise((resolve, reject) => {
      const onData = (text: string) => {
        opts.sink(name, text);
        if (isReady) return;
        startupOutput = (startupOutput + text).slice(-MAX_STARTUP_OUTPUT);
        if (startupOutput.includes(READY_LINES[name])) {
          isReady = true;
          startupOutput = '';
          resolve();
        }
      };
      // Decoded by the stream, so a Cyrillic character split across two chunks is not mangled.
      child.stdout?.setEncoding('utf8').on('data', onData);
      child.stderr?.setEncoding('utf8').on('data', onData);
      child.once('error', reject);
      child.once('close', (code, signal) => {
        if (!isReady)
          reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${startupOutput}`));
        // Before readiness the rejected start is the report; afterwards only this callback can tell.
        else if (!running.stopping) opts.onUnexpectedExit?.(name, code, signal);
      });
    }),
  };
  return running;
}

async function waitUntilReady(running: Running, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`${running.name} did not log ${READY_LINES[running.name]} within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([running.ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function stopProcess(running: Running): Promise<void> {
  running.stopping = true;
  // exitCode and signalCode stay null until the process is gone; signalling a dead pid could hit a reused one.
  if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGTERM');
  const timer = setTimeout(() => running.child.kill('SIGKILL'), KILL_AFTER_MS);
  await running.closed;
  clearTimeout(timer);
}

/**
 * Starts the real app (`bots/main.ts`) and worker (`workers/main.ts`) the way production starts them,
 * `node --import tsx` from the repository root, and resolves once both logged that they are ready. On a
 * failed start both are stopped and the error carries the failing process's output.
 */
export async function startAppProcesses(opts: AppProcessesOptions): Promise<AppProcesses> {
  const timeoutMs = opts.readyTimeoutMs ?? 60_000;
  let app = spawnEntry('app', opts);
  const worker = spawnEntry('worker', opts);
  try {
    await Promise.all([waitUntilReady(app, timeoutMs), waitUntilReady(worker, timeoutMs)]);
  } catch (error) {
    await Promise.all([stopProcess(app), stopProcess(worker)]);
    throw error;
  }
  return {
    async restartApp() {
      await stopProcess(app);
      app = spawnEntry('app', opts);
      try {
        await waitUntilReady(app, timeoutMs);
      } catch (error) {
        await stopProcess(app);
        throw error;
      }
    },
    async killApp() {
      app.stopping = true;
      if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
      await app.closed;
    },
    async stop() {
      await Promise.all([stopProcess(app), stopProcess(worker)]);
    },
    kill() {
      for (const running of [app, worker]) {
        running.stopping = true;
        if (running.child.exitCode === null && running.child.signalCode === null)
          running.child.kill('SIGKILL');
      }
    },
  };
}
