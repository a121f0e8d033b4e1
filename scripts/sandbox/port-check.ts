import { createServer } from 'node:net';

export interface TWantedPort {
  /** What listens there, for the message: "the app", "the chat emulator". */
  what: string;
  port: number;
  /** The variable that moves it. */
  variable: string;
}

/**
 * Every problem with the ports at once, so one edit fixes them all: two services given the same port, and
 * ports another program holds. Port 0 ("any free port") never conflicts.
 */
export async function findPortProblems(
  wanted: readonly TWantedPort[],
  isFree: (port: number) => Promise<boolean>,
): Promise<string[]> {
  const problems: string[] = [];
  const byPort = new Map<number, TWantedPort[]>();
  for (const entry of wanted) {
    if (entry.port === 0) continue;
    byPort.set(entry.port, [...(byPort.get(entry.port) ?? []), entry]);
  }
  for (const [port, entries] of byPort) {
    if (entries.length > 1) {
      problems.push(
        `Port ${port} is given to ${entries.map((e) => `${e.what} (${e.variable})`).join(' and ')}; give each its own.`,
      );
      continue;
    }
    const [entry] = entries;
    if (entry && !(await isFree(port)))
      problems.push(
        `Port ${port} (${entry.what}) is in use by another program (another "npm run sandbox"?). Stop it, or set ${entry.variable}=<free port> (0 picks one).`,
      );
  }
  return problems;
}

/** Whether 127.0.0.1:port can be bound now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolve(false) : reject(error),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port the system has free right now (another program may take it before we bind: tests accept that). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

/** Replaces every 0 with a free port, distinct from each other and from the ports already chosen. */
export async function resolvePorts<K extends string>(
  ports: Record<K, number>,
  pick: () => Promise<number> = freePort,
): Promise<Record<K, number>> {
  const taken = new Set(Object.values<number>(ports).filter((port) => port !== 0));
  const resolved = { ...ports };
  for (const name of Object.keys(ports) as K[]) {
    if (resolved[name] !== 0) continue;
    let port = await pick();
    while (taken.has(port)) port = await pick();
    taken.add(port);
    resolved[name] = port;
  }
  return resolved;
}
