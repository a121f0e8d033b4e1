import { type ChildProcess, spawn } from 'node:child_process';
import type { TBotStart, TChildMessage, TParentMessage } from './bot-child-protocol.ts';

const ENTRY = new URL('./bot-process.ts', import.meta.url).pathname;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export interface TBotChild {
  /** CPU time (user + system) the bot process has used so far, in microseconds. */
  cpuMicros(): Promise<number>;
  /** Stops polling, closes the bot's connections and waits for the process to exit. */
  stop(): Promise<void>;
}

/** Waits for the child's next message of `type`; an error message or an exit fails the wait. */
function nextMessage<T extends TChildMessage['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<TChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: TChildMessage) => {
      if (message.type === 'error')
        finish(() => reject(new Error(`bot process failed:\n${message.message}`)));
      else if (message.type === type) finish(() => resolve(message as Extract<TChildMessage, { type: T }>));
    };
    const onExit = (code: number | null) =>
      finish(() => reject(new Error(`bot process exited (${code}) while waiting for "${type}"`)));
    const timer = setTimeout(
      () => finish(() => reject(new Error(`bot process: no "${type}" within ${timeoutMs} ms`))),
      timeoutMs,
    );
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      settle();
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Spawns bot-process.ts (through tsx, like the e2e stack starts the app) and waits until it polls. */
export async function startBotChild(start: TBotStart): Promise<TBotChild> {
  // BENCH_PROFILE_DIR=<dir> writes a V8 CPU profile of each bot process there (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`,
        `--cpu-prof-name=${start.kind}.cpuprofile`,
      ]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', ENTRY], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const post = (message: TParentMessage) => child.send(message);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };

  try {
    const ready = nextMessage(child, 'ready', READY_TIMEOUT_MS);
    post({ type: 'start', start });
    await ready;
  } catch (error) {
    await kill();
    throw error;
  }

  return {
    async cpuMicros() {
      const answer = nextMessage(child, 'cpu', 5_000);
      post({ type: 'cpu' });
      return (await answer).micros;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) post({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
      if (child.exitCode !== 0)
        throw new Error(`bot process did not stop cleanly (exit ${child.exitCode ?? child.signalCode})`);
    },
  };
}
