// What tests and the sandbox steer that the host API does not expose: machines joining the account,
// clients renting them, the passing of time, and injected failures.
import type { RequestFaults, TFaultOptions } from '#sandbox/http-stand-in/request-faults.ts';
import { dayOf, earnedMicros, microsToDollars } from './vastai-earnings.ts';
import { earningsJson, machineJson, type TEarningsJson, type TMachineJson } from './vastai-json.ts';
import type { RateLimiter } from './vastai-rate-limit.ts';
import type { THost } from './vastai-routes.ts';
import type { TMachineSpec, TRental, TStoreResult } from './vastai-store.ts';

export type TRentalJson = {
  id: number;
  machineId: number;
  gpus: number;
  pricePerHour: number;
  start: Date;
  end: Date;
  running: boolean;
  /** Earned so far, in $ (rented hours × price, up to now). */
  earned: number;
};

export type TVastaiControl = {
  /** A machine joins the host account (unlisted), like a host running Vast's installer. */
  addMachine(spec?: TMachineSpec): TMachineJson;
  /**
   * A client rents a listed machine on demand for `hours` from now; `pricePerHour` is for the whole
   * rental (default: the listed per-GPU price × the GPUs taken, all free GPUs unless `gpus` says).
   */
  rent(machineId: number, hours: number, pricePerHour?: number, opts?: { gpus?: number }): TRentalJson;
  /** The client ends the contract now; earnings stop here. */
  endRental(rentalId: number): TRentalJson;
  /** Moves the stand-in's clock: rentals run and earn, and end when their hours are up. */
  advance(hours: number): void;
  now(): Date;
  /** The next `count` API requests (optionally only under `path`) answer `status` (default 500). */
  failNext(opts?: TFaultOptions): void;
  /** Forgets the rate limiter's counts. */
  resetRateLimit(): void;
  machines(): TMachineJson[];
  /** The listed machines. */
  listings(): TMachineJson[];
  rentals(): TRentalJson[];
  /** The machine-earnings report for days `fromDay..toDay` (default: every day up to today). */
  earnings(opts?: { fromDay?: number; toDay?: number; machineId?: number }): TEarningsJson;
};

export function vastaiControl(
  host: THost,
  faults: RequestFaults<never>,
  limiter: RateLimiter,
): TVastaiControl {
  const { store } = host;
  const unwrap = <T>(result: TStoreResult<T>): T => {
    if (!result.ok) throw new Error(`vastai stand-in: ${result.msg}`);
    return result.value;
  };
  const rentalJson = (r: TRental): TRentalJson => {
    const now = store.clock.now();
    return {
      id: r.id,
      machineId: r.machineId,
      gpus: r.gpus,
      pricePerHour: r.pricePerHour,
      start: new Date(r.startMs),
      end: new Date(r.endMs),
      running: r.startMs <= now && now < r.endMs,
      earned: microsToDollars(earnedMicros(r.priceMicros, Math.min(r.endMs, now) - r.startMs)),
    };
  };
  const machinesJson = () => store.machines().map((m) => machineJson(m, store));
  return {
    addMachine: (spec) => machineJson(store.addMachine(spec), store),
    rent: (machineId, hours, pricePerHour, opts = {}) =>
      rentalJson(unwrap(store.rent(machineId, hours, { pricePerHour, gpus: opts.gpus }))),
    endRental: (rentalId) => rentalJson(unwrap(store.endRental(rentalId))),
    advance: (hours) => store.clock.advance(hours),
    now: () => new Date(store.clock.now()),
    failNext: (opts) => faults.failNext(opts),
    resetRateLimit: () => limiter.reset(),
    machines: machinesJson,
    listings: () => machinesJson().filter((m) => m.listed),
    rentals: () => store.rentals().map(rentalJson),
    earnings: (opts = {}) =>
      earningsJson(store, host.account, {
        fromDay: opts.fromDay ?? 0,
        toDay: opts.toDay ?? dayOf(store.clock.now()),
        machineId: opts.machineId ?? null,
      }),
  };
}
