import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { DevSetupError } from '#scripts/dev/dev-setup-error.ts';

export interface TLocalRedis {
  /** SIGTERM (Redis exits at once when it has nothing to save), SIGKILL after 5 s. */
  stop(): Promise<void>;
  kill(): void;
}

const READY_TIMEOUT_MS = 10_000;

/** Arguments of a Redis that keeps nothing: no RDB snapshots, no AOF; sandbox data lives in PostgreSQL. */
export function redisServerArgs(opts: { port: number; dir: string; logFile: string }): string[] {
  return [
    '--port',
    String(opts.port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    opts.dir,
    '--logfile',
    opts.logFile,
    '--daemonize',
    'no',
  ];
}

/**
 * The pid of the Redis answering at the port, or null while none does. Checked against our child: another
 * Redis that took the port first would answer PING too, while ours exits failing to bind.
 */
async function answeringPid(port: number): Promise<number | null> {
  const redis = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const pid = /^process_id:(\d+)/m.exec(await redis.info('server'))?.[1];
    return pid ? Number(pid) : null;
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function lastLines(file: string, count = 15): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-count).join('\n');
  } catch {
    return '(no log written)';
  }
}

/**
 * `redis-server` from PATH on 127.0.0.1:port. In its own process group, so that Ctrl-C in the terminal
 * does not stop it before the app and worker that use it: the sandbox stops it after them.
 */
export async function startLocalRedis(opts: {
  binary: string;
  port: number;
  dir: string;
  logFile: string;
}): Promise<TLocalRedis> {
  mkdirSync(opts.dir, { recursive: true });
  const child = spawn(opts.binary, redisServerArgs(opts), { detached: true, stdio: 'ignore' });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let spawnError: Error | null = null;
  child.once('error', (error) => {
    spawnError = error;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (spawnError || exited(child))
      throw new DevSetupError(
        `redis-server (${opts.binary}) did not start${spawnError ? `: ${String(spawnError)}` : ''}. Its log:\n${lastLines(opts.logFile)}`,
      );
    const pid = await answeringPid(opts.port);
    if (pid !== null && pid === child.pid) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new DevSetupError(
        `redis-server did not answer on port ${opts.port} within 10 s:\n${lastLines(opts.logFile)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    async stop() {
      if (exited(child)) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await closed;
      clearTimeout(timer);
    },
    kill() {
      if (!exited(child)) child.kill('SIGKILL');
    },
  };
}
