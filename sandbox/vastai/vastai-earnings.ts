// Host earnings per UTC day. Each rental earns `price × elapsed time`; the amount earned up to an
// instant is rounded once to micro-dollars, and a day's share is the difference between the amounts at
// its two ends. The days' shares therefore add up exactly to the rental's whole earning (10 h at
// $2/h is $20 whichever midnight it crosses), which independent per-day rounding would not promise.
import { DAY_MS } from './vastai-clock.ts';

export type TEarningRental = {
  machineId: number;
  /** $/h for the whole rental, in micro-dollars. */
  priceMicros: number;
  startMs: number;
  /** When the contract ends (its booked length, or earlier if ended). */
  endMs: number;
};

export type TDayEarning = { day: number; machineId: number; gpuMicros: number };

const HOUR_MS_BIG = 3_600_000n;

/** Micro-dollars a rental has earned after `elapsedMs`; BigInt so long rentals stay exact. */
export function earnedMicros(priceMicros: number, elapsedMs: number): number {
  const product = BigInt(priceMicros) * BigInt(Math.max(0, Math.round(elapsedMs)));
  return Number((product + HOUR_MS_BIG / 2n) / HOUR_MS_BIG);
}

/** UTC day number (days since the Unix epoch) containing the instant. */
export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);

/** Earnings of the rentals on days `fromDay..toDay` (inclusive), counting only time up to `nowMs`. */
export function earningsByDay(
  rentals: readonly TEarningRental[],
  fromDay: number,
  toDay: number,
  nowMs: number,
): TDayEarning[] {
  const rows: TDayEarning[] = [];
  for (const rental of rentals) {
    const stopMs = Math.min(rental.endMs, nowMs);
    if (stopMs <= rental.startMs) continue;
    const first = Math.max(fromDay, dayOf(rental.startMs));
    const last = Math.min(toDay, dayOf(stopMs - 1));
    for (let day = first; day <= last; day++) {
      const clip = (ms: number) => Math.min(Math.max(ms, rental.startMs), stopMs) - rental.startMs;
      const gpuMicros =
        earnedMicros(rental.priceMicros, clip((day + 1) * DAY_MS)) -
        earnedMicros(rental.priceMicros, clip(day * DAY_MS));
      if (gpuMicros > 0) rows.push({ day, machineId: rental.machineId, gpuMicros });
    }
  }
  return rows;
}

export const microsToDollars = (micros: number): number => micros / 1_000_000;
export const dollarsToMicros = (dollars: number): number => Math.round(dollars * 1_000_000);
