/**
 * A process death inside one Node process, for crash tests. Everything a worker touches outside itself (the
 * database, the Bot API, the AI gateway, the file store) goes through the switch. Once it is killed, no new
 * call starts and no answer still on its way is seen: the call reached its target, the process never heard
 * back. That is a kill -9 at an await, including the worst moment, between Telegram's answer and our write.
 * Inside a database transaction a call after the kill fails instead of hanging, so PostgreSQL rolls the
 * transaction back at once, as it does when a dead process's connection drops.
 *
 * `afterCalls: k` kills right after the k-th call returns (its effect happened, its answer is lost), so a
 * test can walk a job through every point where a process can die; `after` kills right after the first call
 * whose label matches (`telegram.sendPhoto`, `db.aiRequestMessage.createMany`, `tx.hold.update`, …).
 */
import type { Transformer } from 'grammy';
import type { PrismaClient } from '#core/db/generated/client.ts';

export class Killed extends Error {
  constructor() {
    super('the process was killed');
    this.name = 'Killed';
  }
}

type TFn = (...args: unknown[]) => unknown;

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && 'then' in value && typeof value.then === 'function';

export function createKillSwitch(opts: { afterCalls?: number; after?: (label: string) => boolean } = {}) {
  let calls = 0;
  const log: string[] = [];
  let dead = false;
  let announce: () => void = () => {};
  const killed = new Promise<void>((resolve) => {
    announce = resolve;
  });
  const kill = () => {
    if (dead) return;
    dead = true;
    announce();
  };
  const never = <T>() => new Promise<T>(() => {});
  const count = (label: string) => {
    calls += 1;
    log.push(label);
    return (opts.afterCalls !== undefined && calls >= opts.afterCalls) || opts.after?.(label) === true;
  };

  /** An outside call at the top level: hangs forever once the process is dead, before or after it ran. */
  const gate = async <T>(label: string, call: () => T | PromiseLike<T>): Promise<T> => {
    if (dead) return never();
    const last = count(label);
    try {
      const value = await call();
      if (last) kill();
      return dead ? never() : value;
    } catch (error) {
      if (last) kill();
      if (dead) return never();
      throw error;
    }
  };

  /** A call inside a transaction: once dead it throws, and the transaction rolls back. */
  const inTransaction = async <T>(label: string, call: () => T | PromiseLike<T>): Promise<T> => {
    if (dead) throw new Killed();
    const last = count(label);
    const value = await call();
    if (last) kill();
    return value;
  };

  const methods = <T extends object>(name: string, target: T, run: typeof gate): T =>
    new Proxy(target, {
      get(object, prop, receiver) {
        const value: unknown = Reflect.get(object, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (dead) return run === gate ? never() : Promise.reject(new Killed());
          const result: unknown = (value as TFn).apply(object, args);
          // Synchronous methods (the gateway's `serves`) touch nothing outside.
          return isThenable(result) ? run(`${name}.${String(prop)}`, () => result) : result;
        };
      },
    });

  const client = (name: string, target: PrismaClient, run: typeof gate): PrismaClient =>
    new Proxy(target, {
      get(object, prop, receiver) {
        const value: unknown = Reflect.get(object, prop, receiver);
        const label = `${name}.${String(prop)}`;
        if (prop === '$transaction' && typeof value === 'function')
          return (body: unknown, options?: unknown) =>
            gate(label, () =>
              (value as TFn).call(
                object,
                typeof body === 'function'
                  ? (tx: PrismaClient) => (body as TFn)(client('tx', tx, inTransaction))
                  : body,
                options,
              ),
            );
        if (typeof prop === 'string' && prop.startsWith('$') && typeof value === 'function')
          return (...args: unknown[]) =>
            run(label, () => (value as TFn).apply(object, args) as PromiseLike<unknown>);
        // Model delegates: db.aiRequest.update(…) and the like.
        if (typeof value === 'object' && value !== null) return methods(label, value, run);
        return value;
      },
    });

  return {
    killed,
    kill,
    get dead() {
      return dead;
    },
    get calls() {
      return calls;
    },
    /** Every outside call so far, in order, by label. */
    log,
    db: (db: PrismaClient) => client('db', db, gate),
    /** Any object whose async methods reach outside (`ai`: the AI gateway, `store`: the file store). */
    service: <T extends object>(name: string, target: T) => methods(name, target, gate),
    /** For `api.config.use(…)`: every Bot API request goes through the switch. */
    telegram: ((prev, method, payload, signal) =>
      gate(`telegram.${method}`, () => prev(method, payload, signal))) as Transformer,
  };
}

export type TKillSwitch = ReturnType<typeof createKillSwitch>;

/**
 * A point where a process can die: right after the `nth` call labelled `label`, counted from the first call
 * labelled `anchor` when there is one (how often a job polls varies from run to run; what follows the
 * anchor does not).
 */
export interface TCrashPoint {
  label: string;
  nth: number;
  anchor?: string;
}

/** Every crash point of a reference run, from its switch's log, in order; counted anew from `anchor` on. */
export function crashPoints(log: readonly string[], anchor?: string): TCrashPoint[] {
  const seen = new Map<string, number>();
  let anchored = false;
  return log.map((label) => {
    if (!anchored && label === anchor) {
      anchored = true;
      seen.clear();
    }
    const nth = (seen.get(label) ?? 0) + 1;
    seen.set(label, nth);
    return anchored ? { label, nth, anchor } : { label, nth };
  });
}

/** A switch that kills right after the call at `point`. */
export function killAt(point: TCrashPoint) {
  let armed = point.anchor === undefined;
  let count = 0;
  return createKillSwitch({
    after: (label) => {
      if (!armed && label === point.anchor) armed = true;
      return armed && label === point.label && ++count === point.nth;
    },
  });
}

/**
 * Walks a job through crash points: `attempt(point)` runs one fresh job killed at `point` and says whether
 * the kill came (`killed`) or the job ended without reaching it (`finished`: a poll fewer than in the
 * reference run). Points run `parallel` at a time, each on its own job, since a job spends most of its time
 * waiting for a provider. Returns how many points were killed.
 */
export async function walkCrashPoints(
  points: readonly TCrashPoint[],
  attempt: (point: TCrashPoint) => Promise<'killed' | 'finished'>,
  opts: { parallel?: number } = {},
): Promise<number> {
  const parallel = opts.parallel ?? 6;
  let killed = 0;
  for (let first = 0; first < points.length; first += parallel) {
    const ended = await Promise.all(points.slice(first, first + parallel).map(attempt));
    killed += ended.filter((e) => e === 'killed').length;
  }
  return killed;
}
